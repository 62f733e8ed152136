/**
 * Exports, as a clinician gets them from the result page: the PDF recap (read back as text, page by
 * page), the FHIR QuestionnaireResponse and resuming from it, and the static FHIR Questionnaire.
 */
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { parseAnswerFile } from '../../machines/answers/parse';
import { codeSystemOf, FHIR_QUESTIONNAIRE_URL, toQuestionnaireResponse } from '../../machines/exchange/fhir';
import { STORAGE_KEY } from '../../machines/exchange/persistence';
import { resultModel } from '../../machines/result/result-model';
import { assessmentOf, downloadFrom } from '../support/exports';
import { flat, pdfPages } from '../support/pdf-text';
import { expect, test } from '../support/fixtures';
import { ResultPage, SummaryPage } from '../support/pages';
import { openWithAnswers } from '../support/session';
import { loadVignette, type TVignette } from '../support/vignettes';

/** A case label with the characters the PDF's standard fonts would garble. */
const CASE_LABEL = 'Clinic “B” – onset ≥ 10 y, SEP 12 µV, ε-sarcoglycan, patient’s jerks';
const caseLabelInput = (page: Page) => page.getByLabel('Case label (optional)');
const pdfButton = (page: Page) => page.getByRole('button', { name: 'Download PDF recap' });
const resumeFileInput = (page: Page) => page.getByLabel('FHIR QuestionnaireResponse file (.json) from this tool or another FHIR form');
const fhirButton = (page: Page) => page.getByRole('button', { name: 'Download FHIR QuestionnaireResponse' });
/** This tab's saved answers, byte for byte. */
const savedProgress = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY);
/** Text only the PDF library's code contains (its font API, its package name). */
const PDF_CODE = /DejaVuSans\.ttf|PDFKit/;

/** What the recap must say about each vignette's result: the model's headline, red flags first. */
function resultWords(v: TVignette): string[] {
  const model = resultModel(assessmentOf(v.answers), content);
  return [...(model.redFlags ? [model.redFlags.title, ...model.redFlags.items.map((f) => f.label)] : []), model.headline];
}

const DBS_TEXT = {
  V01: ['substantia nigra pars reticulata', 'subthalamic nucleus', 'not a first-line treatment'],
  V08: ['internal globus pallidus', 'not a first-line treatment'],
  V20: [],
  V22: [],
} as const;
const ALL_DBS_TEXT = ['substantia nigra pars reticulata', 'subthalamic nucleus', 'internal globus pallidus', 'not a first-line treatment'];

for (const id of ['V01', 'V08', 'V20', 'V22'] as const) {
  test.describe(`the PDF recap of ${id}`, () => {
    // One PDF per vignette, made once through the real page and read by every test below.
    test.describe.configure({ mode: 'default' });
    const vignette = loadVignette(id);
    let pages: string[] = [];
    let fileName = '';
    /** The result page's headline, as the browser showed it. */
    let pageHeadline = '';
    /** Scripts the page fetched before the button was pressed, and after; true where it is PDF code. */
    let scriptsBefore: Array<[string, boolean]> = [];
    let scriptsAfter: Array<[string, boolean]> = [];

    test.beforeAll(async ({ browser }) => {
      // The PDF is laid out in the browser; on a loaded machine that takes a while.
      test.setTimeout(90_000);
      const page = await browser.newPage();
      const scripts = new Map<string, Promise<boolean>>();
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        scripts.set(response.url(), response.text().then((code) => PDF_CODE.test(code), () => false));
      });
      const settle = async (urls: string[]) => Promise.all(urls.map(async (url): Promise<[string, boolean]> => [url, await scripts.get(url)!]));

      await openWithAnswers(page, vignette.answers, 'result');
      await new ResultPage(page).expectOpen();
      pageHeadline = await page.getByRole('heading', { level: 2, name: /^(Most likely|Indeterminate|Possibly not myoclonus)/ }).innerText();
      await caseLabelInput(page).fill(CASE_LABEL);
      const before = [...scripts.keys()];
      const file = await downloadFrom(page, pdfButton(page));
      await expect(page.getByRole('status')).toHaveText('The PDF recap has been downloaded.');
      // The button keeps focus while the file is made and after: a keyboard user stays where they were.
      await expect(pdfButton(page)).toBeFocused();
      scriptsBefore = await settle(before);
      scriptsAfter = await settle([...scripts.keys()].filter((url) => !before.includes(url)));
      fileName = file.name;
      pages = await pdfPages(file.bytes);
      await page.close();
    });

    const whole = () => pages.join(' ');

    test('loads the PDF code only once the button is pressed', () => {
      expect(scriptsBefore.length).toBeGreaterThan(0);
      expect(scriptsBefore.filter(([, isPdf]) => isPdf)).toEqual([]);
      expect(scriptsAfter.filter(([, isPdf]) => isPdf)).toHaveLength(1);
    });

    test('is saved as a dated myoclonus-navigator-recap PDF', () => {
      expect(fileName).toMatch(/^myoclonus-navigator-recap-\d{12}\.pdf$/);
      expect(pages.length).toBeGreaterThan(0);
    });

    test('lists every question asked with the answer given, "Unknown / not assessed" where chosen, "Not answered" where none was given', () => {
      const assessment = assessmentOf(vignette.answers);
      const expected = assessment.explanation.enabledQuestions.flatMap((qid) => {
        const q = content.questions.find((x) => x.id === qid)!;
        const value = assessment.explanation.answers[qid];
        const ids = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
        const open = assessment.explanation.answeredUnknown.includes(qid) ? 'Unknown / not assessed' : 'Not answered';
        const labels = ids.length === 0 ? [open] : ids.map((o) => q.options.find((x) => x.id === o)!.label);
        return [q.prompt, ...labels];
      });
      expect(expected.length).toBeGreaterThan(3);
      expect(expected.filter((text) => !whole().includes(flat(text)))).toEqual([]);
    });

    test('states the result on page 1 in the page’s words, red flags first', () => {
      expect(resultWords(vignette).filter((text) => !pages[0]!.includes(text))).toEqual([]);
      expect(pages[0]).toContain(flat(pageHeadline));
      const order = resultWords(vignette).map((text) => pages[0]!.indexOf(text));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    if (DBS_TEXT[id].length > 0) {
      test('discusses deep brain stimulation for the established diagnosis', () => {
        expect(DBS_TEXT[id].filter((text) => !whole().includes(text))).toEqual([]);
      });
    } else {
      test('does not discuss any deep brain stimulation target', () => {
        expect(ALL_DBS_TEXT.filter((text) => whole().includes(text))).toEqual([]);
      });
    }

    test('carries the "not medical advice" disclaimer on every page', () => {
      const banner = flat(content.disclaimers.banner);
      expect(pages.map((text, i) => `page ${i + 1}: ${text.includes(banner) && /not medical advice/.test(text)}`)).toEqual(
        pages.map((_, i) => `page ${i + 1}: true`),
      );
    });

    test('numbers every page "Page x of y" with the right total', () => {
      expect(pages.map((text) => /Page (\d+) of (\d+)/.exec(text)?.slice(1).join(' of '))).toEqual(
        pages.map((_, i) => `${i + 1} of ${pages.length}`),
      );
    });

    test('keeps the case label with its dashes, ≥, µ, ε and curly quotes intact', () => {
      expect(pages[0]).toContain(`Case: ${CASE_LABEL}`);
    });
  });
}

test.describe('FHIR', () => {
  test('a downloaded QuestionnaireResponse resumes to the same answers and the same result', async ({
    page,
    startPage,
    summaryPage,
    resultPage,
  }) => {
    const answers = summaryPage.main.getByRole('definition').filter({ hasNotText: /^Change/ });
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    const answersBefore = await answers.allInnerTexts();
    expect(answersBefore.length).toBe(assessmentOf(loadVignette('V01').answers).explanation.enabledQuestions.length);
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    const categoryBefore = await resultPage.categoryHeading.innerText();
    expect(categoryBefore).toMatch(/category: Cortical$/);

    const file = await downloadFrom(page, fhirButton(page));
    expect(file.name).toMatch(/^myoclonus-navigator-response-\d{12}\.json$/);
    const response = JSON.parse(file.bytes.toString('utf8'));
    expect(response).toMatchObject({ resourceType: 'QuestionnaireResponse', questionnaire: `${FHIR_QUESTIONNAIRE_URL}|${content.version}` });

    await resultPage.startAgain.click();
    await expect(startPage.heading).toBeVisible();
    await expect(startPage.attestation).not.toBeChecked();
    await startPage.attestation.check();
    await resumeFileInput(page).setInputFiles({
      name: file.name,
      mimeType: 'application/fhir+json',
      buffer: file.bytes,
    });
    // Start again's Undo could still bring the case back: reading the file over it is confirmed first.
    await page.getByRole('button', { name: 'Replace my answers with the file' }).click();

    await summaryPage.expectOpen();
    await expect(answers).toHaveText(answersBefore);
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await expect(resultPage.categoryHeading).toHaveText(categoryBefore);
  });

  test('resuming on the start page asks for the clinician confirmation first', async ({ page, startPage }) => {
    await startPage.goto();
    await resumeFileInput(page).setInputFiles({
      name: 'saved.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(validResponse())),
    });
    await expect(startPage.errorSummary).toContainText('Confirm that you are a licensed clinician before resuming from a file');
    await expect(page).toHaveURL(/\/$/);
  });

  /**
   * A valid response for V08's answers, made by the app's own mapping. The broken files below start
   * from it while the summary shows V01's answers, so a file wrongly accepted would change them.
   */
  function validResponse() {
    const parsed = parseAnswerFile({ answers: loadVignette('V08').answers }, content);
    if (!parsed.ok) throw new Error('V08 does not parse');
    return toQuestionnaireResponse(parsed.answers, content, { authored: '2026-01-01T10:00:00Z' });
  }

  const badFiles = [
    {
      problem: 'a file from another content version',
      name: 'older-version.json',
      text: () => JSON.stringify({ ...validResponse(), questionnaire: `${FHIR_QUESTIONNAIRE_URL}|0.9.0` }),
      says: `made with content version 0.9.0, but this app uses version ${content.version}`,
    },
    {
      problem: 'a malformed JSON file',
      name: 'cut-short.json',
      text: () => JSON.stringify(validResponse()).slice(0, 200),
      says: 'is not valid JSON',
    },
    {
      problem: 'a file with an unknown linkId',
      name: 'unknown-item.json',
      text: () => {
        const response = validResponse();
        response.item![0]!.item!.push({ linkId: 'Z9', answer: [{ valueCoding: { code: 'yes' } }] });
        return JSON.stringify(response);
      },
      says: 'unknown linkId "Z9"',
    },
    {
      problem: 'a red flag (rapidly progressive dementia) hidden in a nested answer item',
      name: 'nested-red-flag.json',
      text: () => {
        const response = validResponse();
        const first = response.item![0]!.item![0]!;
        first.answer![0]!.item = [{ linkId: 'C4', answer: [{ valueCoding: { system: codeSystemOf('C4'), code: 'rapidly_progressive_dementia' } }] }];
        return JSON.stringify(response);
      },
      says: 'holds nested items (answer[].item: "C4"), which this app does not read',
    },
    {
      problem: 'a file giving "code" twice in one coding',
      name: 'code-twice.json',
      text: () => JSON.stringify(validResponse()).replace('"code":"', '"code":"unknown","code":"'),
      says: '"code" is given more than once in item[0].item[0].answer[0].valueCoding',
    },
    {
      problem: 'a response entered in error',
      name: 'entered-in-error.json',
      text: () => JSON.stringify({ ...validResponse(), status: 'entered-in-error' }),
      says: 'has status "entered-in-error"; only a completed, in-progress or amended response is read',
    },
    {
      problem: 'a file nested 10,000 levels deep',
      name: 'deep.json',
      text: () => JSON.stringify({ ...validResponse(), extension: [] }).replace('"extension":[]', `"extension":${'['.repeat(10_000)}${']'.repeat(10_000)}`),
      says: 'is nested more than 32 levels deep',
    },
    {
      problem: 'a right-to-left override in a linkId, which must not reorder the message',
      name: 'rtl-item.json',
      text: () => {
        const response = validResponse();
        response.item![0]!.item!.push({ linkId: 'Z9\u202e txt.exe', answer: [{ valueCoding: { code: 'yes' } }] });
        return JSON.stringify(response);
      },
      says: 'unknown linkId "Z9\\u202e txt.exe"',
    },
  ];

  // One tab for the three files: each is refused on the same summary, which a reload then shows unchanged.
  test(`each broken file — ${badFiles.map((b) => b.problem).join('; ')} — is refused with the problem named, and the answers on the summary are kept`, async ({
    page,
    summaryPage,
  }) => {
    test.slow(); // eight files, each refused, then a reload
    const answers = summaryPage.main.getByRole('definition').filter({ hasNotText: /^Change/ });
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    const answersBefore = await answers.allInnerTexts();
    const savedBefore = await savedProgress(page);
    expect(savedBefore).toContain('"G1"');

    for (const bad of badFiles) {
      await test.step(bad.problem, async () => {
        await resumeFileInput(page).setInputFiles({
          name: bad.name,
          mimeType: 'application/json',
          buffer: Buffer.from(bad.text()),
        });

        const errorSummary = page.getByRole('alert', { name: 'There is a problem' });
        await expect(errorSummary).toBeFocused();
        await expect(errorSummary).toContainText(bad.name);
        await expect(errorSummary).toContainText(bad.says);
        await expect(errorSummary).not.toContainText(/[\u202a-\u202e\u2066-\u2069]/);
        await expect(page).toHaveTitle(/^Error: /);
        await summaryPage.expectOpen();
        await expect(answers).toHaveText(answersBefore);
        expect(await savedProgress(page), 'the answers saved in this tab, byte for byte').toBe(savedBefore);
        await page.reload();
        await new SummaryPage(page).expectOpen();
        await expect(answers).toHaveText(answersBefore);
        await expect(errorSummary).toBeHidden();
      });
    }
  });

  test('"Replace my answers with the file" on the summary shows the file\'s answers on the summary, at the summary\'s address (also after a reload)', async ({ page, summaryPage }) => {
    const answers = summaryPage.main.getByRole('definition').filter({ hasNotText: /^Change/ });
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    await resumeFileInput(page).setInputFiles({ name: 'v08.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(validResponse())) });
    await page.getByRole('button', { name: 'Replace my answers with the file' }).click();
    await summaryPage.expectOpen();
    await expect(page).toHaveURL(/\/summary$/);
    const shown = await answers.allInnerTexts();
    await page.reload();
    await summaryPage.expectOpen();
    await expect(page).toHaveURL(/\/summary$/);
    await expect(answers).toHaveText(shown);
    await expect(summaryPage.section('Related diagnoses')).toContainText('Myoclonus-dystonia');
  });

  test('GET /fhir/questionnaire.json is the FHIR Questionnaire of this content version', async ({ request }) => {
    const response = await request.get('/fhir/questionnaire.json');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/fhir+json');
    const questionnaire = await response.json();
    expect(questionnaire).toMatchObject({ resourceType: 'Questionnaire', url: FHIR_QUESTIONNAIRE_URL, version: content.version });
    const linkIds = (questionnaire.item as { item: { linkId: string }[] }[]).flatMap((section) => section.item.map((q) => q.linkId));
    expect(linkIds).toEqual(content.questions.map((q) => q.id));
  });
});

test.describe('print', () => {
  test('printing the result gives the PDF’s result on page 1, its length within a page, and the disclaimer and "Page x of y" on every page', async ({ page, resultPage }) => {
    test.setTimeout(90_000);
    const v = loadVignette('V01');
    const model = resultModel(assessmentOf(v.answers), content);
    await openWithAnswers(page, v.answers, 'result');
    await resultPage.expectOpen();
    const recap = await pdfPages((await downloadFrom(page, pdfButton(page))).bytes);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // The browser's print fonts use ligatures (ﬁ): compare in NFKC.
    const pages = (await pdfPages(await page.pdf({ format: 'A4' }))).map((t) => flat(t).normalize('NFKC'));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text, `printed page ${i + 1}`).toContain('Not medical advice');
      expect(text, `printed page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain(model.headline);
    expect(recap[0]).toContain(model.headline);
    expect(Math.abs(pages.length - recap.length), `printed ${pages.length} pages, the PDF ${recap.length}`).toBeLessThanOrEqual(1);
    const all = pages.join(' ');
    expect(all).toContain('substantia nigra pars reticulata');
    expect(all).toContain('not a first-line treatment');
    // Folded evidence is printed too.
    expect(all).toContain(model.evidence.at(-1)!.reasons[0]!.why);
  });
});

test.describe('the PDF recap is the page’s document', () => {
  test('with questions left open and reassurance withheld beside a red flag, the PDF carries the page’s unanswered notice and what is not recorded', async ({ page, resultPage }) => {
    test.setTimeout(90_000);
    // Hypnic jerks beside an acute onset: reassurance set aside; the rest of the safety screen never answered.
    await openWithAnswers(page, { G1: 'positive_jerks', G2: 'no', G3: 'absent', B6: 'only_single_jerks_when_falling_asleep_healthy_person', C1: 'acute_hours_to_days' }, 'result');
    await resultPage.expectOpen();
    const notice = page.getByRole('note', { name: /could still raise (a )?red flags?:$/ });
    await expect(notice).toBeVisible();
    const setAside = page.getByRole('region', { name: /^Not concluded:/ });
    const onPage = [
      await notice.locator('p').first().innerText(),
      ...(await notice.getByRole('listitem').allInnerTexts()),
      await setAside.getByRole('heading').innerText(),
      ...(await setAside.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/ \[[^\]]*\]$/, '')),
    ].map(flat);
    expect(onPage.some((t) => t.includes('Not recorded:'))).toBe(true);
    const recap = (await pdfPages((await downloadFrom(page, pdfButton(page))).bytes)).join(' ');
    expect(onPage.filter((t) => !recap.includes(t))).toEqual([]);
  });
});

test.describe('the PDF recap’s fonts', () => {
  test('a case label with characters the recap’s fonts cannot print is refused with those characters named, not printed as empty boxes', async ({ page, resultPage }) => {
    test.setTimeout(60_000);
    await openWithAnswers(page, loadVignette('V01').answers, 'result');
    await resultPage.expectOpen();
    // Cyrillic: outside the characters the fonts are cut to (scripts/pdf-fonts.mjs).
    await caseLabelInput(page).fill('Клиника 7');
    let downloaded = false;
    page.on('download', () => {
      downloaded = true;
    });
    await pdfButton(page).click();
    await expect(page.getByRole('alert').filter({ hasText: 'cannot print' })).toHaveText(/^The PDF recap cannot print “К” “л” “и” “н” “к” “а” in the case label./);
    expect(downloaded).toBe(false);
    // Within the allowed characters, the same press makes the PDF.
    await caseLabelInput(page).fill('Clinique Saint-Éloi 7');
    const file = await downloadFrom(page, pdfButton(page));
    expect((await pdfPages(file.bytes)).join(' ')).toContain('Clinique Saint-Éloi 7');
  });
});
