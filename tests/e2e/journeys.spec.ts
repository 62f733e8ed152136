/**
 * Journeys a clinician takes through the real pages: whole runs to a result (V01's by clicks is in
 * security.spec.ts, which watches what the browser sends on the way), the gate, red flags, browser
 * Back and Forward, reload, changing an answer, damaged saved progress, keyboard only, and the "Not
 * medical advice" banner on every kind of page.
 */
import type { Locator, Page } from '@playwright/test';
import { content } from '../../content';
import { enabledQuestions } from '../../machines/answers/answers';
import { parseAnswerFile } from '../../machines/answers/parse';
import { toQuestionnaireResponse } from '../../machines/exchange/fhir';
import { formatPath } from '../../machines/flow/paths';
import { STORAGE_KEY } from '../../machines/exchange/persistence';
import { expect, test } from '../support/fixtures';
import { questionById, settled } from '../support/pages';
import { openWithAnswers, saveInTab } from '../support/session';
import { loadVignette } from '../support/vignettes';

/** The questions the content enables for a vignette's answers, in order. */
function expectedQuestions(answers: Record<string, unknown>): string[] {
  const parsed = parseAnswerFile({ answers }, content);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return enabledQuestions(parsed.answers, content).map((q) => q.id);
}

const savedProgress = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY);

test.describe('whole runs', () => {
  // V01, a progressive myoclonus epilepsy with cortical physiology, is answered by clicks from the start
  // page to its cortical result and SNr/STN discussion in security.spec.ts ('a whole run by clicks'),
  // which also watches everything the browser sends on the way.

  test('a functional mimic (G3 present) still asks the safety screen: the gate and the safety screen are summarised, the acute onset’s red flag stands beside the mimic, no DBS is discussed; on the way, every kind of page says "Not medical advice" and focus moves to the new page’s heading after Start, after the last question and on the way to the result', async ({
    page,
    chrome,
    startPage,
    questionPage,
    summaryPage,
    resultPage,
  }) => {
    const v20 = loadVignette('V20');
    const heading = page.getByRole('main').getByRole('heading', { level: 1 });
    await startPage.goto();
    await chrome.expectNotMedicalAdvice();
    await startPage.start();
    await expect(heading).toBeFocused();
    await questionPage.expectQuestion('G1');
    await chrome.expectNotMedicalAdvice();
    // G3 "present" closes the bedside and the diagnoses, never the safety screen (1.2): the summary
    // comes after the gate and section C (C1a asked too: the onset was acute).
    const asked = expectedQuestions(v20.answers);
    expect(asked).toEqual(['G1', 'G2', 'G3', 'C1', 'C1a', 'C2', 'C3', 'C4', 'C5', 'C6']);
    for (const id of asked) await questionPage.answer(id, v20.answers[id] ?? 'unknown');

    await summaryPage.expectOpen();
    await expect(summaryPage.heading).toBeFocused();
    await chrome.expectNotMedicalAdvice();
    await expect(summaryPage.section('Is this myoclonus?')).toBeVisible();
    await expect(summaryPage.changeLinks).toHaveCount(asked.length);
    for (const section of content.sections.filter((x) => !['G', 'C'].includes(x.id))) await expect(summaryPage.section(section.title)).toHaveCount(0);
    await expect(summaryPage.main).toContainText('points to a movement that mimics myoclonus');
    await expect(page.getByRole('region', { name: 'Red flag raised' })).toContainText(content.labels.redFlags.acute_or_subacute_onset);
    await summaryPage.seeAssessment.click();

    await resultPage.expectOpen();
    await expect(resultPage.heading).toBeFocused();
    await chrome.expectNotMedicalAdvice();
    await expect(page.getByRole('main')).toContainText('it does not diagnose');
    await expect(resultPage.mimicHeading).toHaveText(/^Possibly not myoclonus: .*functional/i);
    await expect(resultPage.redFlagsHeading).toBeVisible();
    await expect(resultPage.categoryHeading).toBeHidden();
    await expect(resultPage.dbsDiscussion).toBeHidden();
    await expect(resultPage.dbsNoTarget).toBeHidden();
    await expect(resultPage.ranking).toBeHidden();
    await expect(page.getByRole('main')).not.toContainText(/substantia nigra|subthalamic|globus pallidus/i);

    // The pages outside the questionnaire say it too.
    await chrome.methodLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
    await chrome.expectNotMedicalAdvice();
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await chrome.expectNotMedicalAdvice();
  });

  // Saved progress, not clicks: V22's answers lead to the same questions, in the same order, as the
  // model's first pass (G1 jerks, D1 none, E0 no), which tests/model walks and checks page by page.
  test('a red flag (V22, acute post-hypoxic) shows the red-flag panel and no DBS target', async ({ page, summaryPage, resultPage }) => {
    const v22 = loadVignette('V22');
    await openWithAnswers(page, v22.answers, 'summary');
    await expect(summaryPage.changeLinks).toHaveCount(expectedQuestions(v22.answers).length);
    await summaryPage.seeAssessment.click();

    await resultPage.expectOpen();
    await expect(resultPage.redFlagsHeading).toBeVisible();
    const redFlags = page.getByRole('region', { name: /^Red flags:/ });
    for (const flag of v22.expected.redFlags) {
      await expect(redFlags).toContainText(content.labels.redFlags[flag as keyof typeof content.labels.redFlags]);
    }
    await expect(resultPage.categoryHeading).toHaveText(/^Indeterminate/);
    await expect(resultPage.dbsDiscussion).toBeHidden();
    await expect(page.getByRole('main')).not.toContainText(/substantia nigra|subthalamic|globus pallidus|thalamic VIM/i);
  });
});

test.describe('moving around', () => {
  test('browser Back and Forward move between questions and keep the answers ticked', async ({ page, startPage, questionPage }) => {
    await startPage.goto();
    await startPage.start();
    await questionPage.answer('G1', 'both');
    await questionPage.answer('G2', 'no');
    await questionPage.answer('G3', 'absent');
    await questionPage.answer('C1', 'chronic_months_to_years');
    await questionPage.expectQuestion('C2');

    await page.goBack();
    await questionPage.expectQuestion('C1');
    await questionPage.expectAnswer('C1', 'chronic_months_to_years');
    await page.goBack();
    await questionPage.expectQuestion('G3');
    await questionPage.expectAnswer('G3', 'absent');
    await page.goBack();
    await questionPage.expectQuestion('G2');
    await questionPage.expectAnswer('G2', 'no');

    await page.goForward();
    await questionPage.expectQuestion('G3');
    await questionPage.expectAnswer('G3', 'absent');
    await page.goForward();
    await questionPage.expectAnswer('C1', 'chronic_months_to_years');
    await page.goForward();
    await questionPage.expectQuestion('C2');
    await questionPage.expectAnswer('C2', undefined);

    // Carrying on after going back asks the next question the new answer leads to: when it was.
    await page.goBack();
    await questionPage.answer('C1', 'subacute_weeks');
    await questionPage.expectQuestion('C1a');
  });

  test('the Back link goes to the previous question with its answer, from G2 after a mimic at G1 back to G1, and from G1 to the start page', async ({
    page,
    startPage,
    questionPage,
  }) => {
    await startPage.goto();
    await startPage.start();
    await questionPage.answer('G1', 'negative_lapses');
    await questionPage.back.click();
    await questionPage.expectQuestion('G1');
    await questionPage.expectAnswer('G1', 'negative_lapses');

    // A mimic at G1 no longer ends the questions (the safety screen follows the gate): Back from G2
    // returns to G1 with its answer.
    await questionPage.answer('G1', 'continuous_flowing_random');
    await questionPage.expectQuestion('G2');
    await questionPage.back.click();
    await questionPage.expectQuestion('G1');
    await questionPage.expectAnswer('G1', 'continuous_flowing_random');

    await questionPage.back.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(startPage.heading).toBeVisible();
  });

  test('a typed address of a question the answers do not lead to is corrected; one of an earlier question opens it with its answer, and Continue carries on from there', async ({
    page,
    summaryPage,
    questionPage,
  }) => {
    await openWithAnswers(page, loadVignette('V22').answers, 'summary');
    await summaryPage.expectOpen();
    await page.goto(formatPath({ question: 'D1a' }));
    await settled(page);
    await summaryPage.expectOpen();

    await page.goto(formatPath({ question: 'C1' }));
    await settled(page);
    await questionPage.expectQuestion('C1');
    await questionPage.expectAnswer('C1', 'acute_hours_to_days');
    await questionPage.answer('C1', 'subacute_weeks');
    // A subacute onset asks when it was (C1a), then goes on to the answers already given.
    await questionPage.answer('C1a', 'within_3_months');
    await questionPage.expectQuestion('C2');
    await questionPage.expectAnswer('C2', 'over_50');
  });

  test('a reload in the middle keeps the same question and the answers given so far; browser Back then shows the question the address names, and Continue carries on from it', async ({
    page,
    startPage,
    questionPage,
  }) => {
    await startPage.goto();
    await startPage.start();
    await questionPage.answer('G1', 'positive_jerks');
    await questionPage.answer('G2', 'no');
    await questionPage.answer('G3', 'absent');
    await questionPage.answer('C1', 'chronic_months_to_years');
    await questionPage.answer('C2', 'over_50');
    await questionPage.expectQuestion('C3');

    await page.reload();
    await settled(page);
    await questionPage.expectQuestion('C3');
    await questionPage.expectAnswer('C3', undefined);

    // After the reload, browser Back twice: each page is the one its address names, with its answer.
    await page.goBack();
    await questionPage.expectQuestion('C2');
    await questionPage.expectAnswer('C2', 'over_50');
    await page.goBack();
    await questionPage.expectQuestion('C1');
    await questionPage.expectAnswer('C1', 'chronic_months_to_years');
    await questionPage.answer('C1', 'chronic_months_to_years');
    await questionPage.expectQuestion('C2');
    await questionPage.expectAnswer('C2', 'over_50');

    // The Back link, after the reload, goes back through the answers given before it.
    await questionPage.back.click();
    await questionPage.expectQuestion('C1');
    await questionPage.expectAnswer('C1', 'chronic_months_to_years');
    await questionPage.back.click();
    await questionPage.expectQuestion('G3');
    await questionPage.expectAnswer('G3', 'absent');
  });

  test('after a reload, the tab’s title is still the question’s own, not the page’s (three reloads)', async ({ page, questionPage }) => {
    await openWithAnswers(page, { G1: 'both', A1: 'multifocal_independent' }, { question: 'B2' });
    const title = `${questionById('B2').prompt} — Myoclonus Navigator`;
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await settled(page);
      await questionPage.expectQuestion('B2');
      await page.waitForLoadState('networkidle');
      expect(await page.title()).toBe(title);
    }
  });

  test('changing D1 from none to PME on the summary asks D1a, then D2, then returns to the summary; back to none removes D1a and D2 from it; to myoclonus-dystonia brings the answer about refractoriness (D2) back', async ({
    page,
    summaryPage,
    questionPage,
  }) => {
    const answers = { G1: 'positive_jerks', G2: 'no', G3: 'absent', D1: 'none', E0: 'no' };
    await openWithAnswers(page, answers, 'summary');
    const rowsBefore = expectedQuestions(answers).length;
    await expect(summaryPage.changeLinks).toHaveCount(rowsBefore);

    await summaryPage.changeLink('D1').click();
    await questionPage.expectQuestion('D1');
    await questionPage.expectAnswer('D1', 'none');
    await questionPage.answer('D1', 'PME');
    await questionPage.answer('D1a', 'Lafora');
    await questionPage.answer('D2', 'yes');

    await summaryPage.expectOpen();
    await expect(summaryPage.changeLinks).toHaveCount(rowsBefore + 2);
    const diagnoses = summaryPage.section('Related diagnoses');
    await expect(diagnoses).toContainText('Progressive myoclonus epilepsy');
    await expect(diagnoses).toContainText('Lafora disease');
    await expect(diagnoses).toContainText('Yes, disabling and refractory');

    await summaryPage.changeLink('D1').click();
    await questionPage.answer('D1', 'none');
    await summaryPage.expectOpen();
    await expect(summaryPage.changeLink('D1a')).toHaveCount(0);
    await expect(summaryPage.changeLink('D2')).toHaveCount(0);
    await expect(summaryPage.changeLinks).toHaveCount(rowsBefore);
    await expect(diagnoses).not.toContainText('Lafora disease');
    await expect(summaryPage.setAside).toContainText('Yes, disabling and refractory');

    // Myoclonus-dystonia enables D2 again: its set-aside answer comes back, and it is not asked again.
    await summaryPage.changeLink('D1').click();
    await questionPage.answer('D1', 'myoclonus_dystonia_clinical');
    await summaryPage.expectOpen();
    await expect(diagnoses).toContainText('Yes, disabling and refractory');
  });

  test('a reload in the middle of a Change keeps the change: the question comes back, Back leads to the summary, and Continue returns to the summary rather than walking on', async ({
    page,
    summaryPage,
    questionPage,
  }) => {
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    await summaryPage.changeLink('B4').click();
    await questionPage.expectQuestion('B4');
    await page.reload();
    await questionPage.expectQuestion('B4');
    await expect(questionPage.back).toHaveAttribute('href', '/summary');
    await questionPage.answer('B4', 'rhythmic_or_semirhythmic');
    await summaryPage.expectOpen();
    await expect(summaryPage.section('Timing and triggers')).toContainText('Rhythmic or semi-rhythmic');
  });

  test('browser Back and Forward put focus on the new page’s heading, between questions and between pages', async ({ page, startPage, questionPage, summaryPage, resultPage }) => {
    await startPage.goto();
    await startPage.start();
    await questionPage.answer('G1', 'both');
    await questionPage.answer('G2', 'no');
    await questionPage.expectQuestion('G3');
    await page.goBack();
    await questionPage.expectQuestion('G2');
    await expect(questionPage.heading).toBeFocused();
    await page.goForward();
    await questionPage.expectQuestion('G3');
    await expect(questionPage.heading).toBeFocused();
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect(startPage.heading).toBeFocused();
    await page.goForward();
    await questionPage.expectQuestion('G1');
    await expect(questionPage.heading).toBeFocused();

    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await page.goBack();
    await summaryPage.expectOpen();
    await expect(summaryPage.heading).toBeFocused();
    await page.goForward();
    await resultPage.expectOpen();
    await expect(resultPage.heading).toBeFocused();
    await page.goBack();
    await summaryPage.expectOpen();
    await summaryPage.changeLink('B4').click();
    await questionPage.expectQuestion('B4');
    await page.goBack();
    await summaryPage.expectOpen();
    // Back to the row whose Change was pressed, as Continue would return to it.
    await expect(summaryPage.changeLink('B4')).toBeFocused();
    await page.goForward();
    await questionPage.expectQuestion('B4');
    await expect(questionPage.heading).toBeFocused();
  });

  test('after a Change, the summary opens at the changed row with focus on its Change link, on a phone too; opened again later, it opens at its top', async ({
    page,
    summaryPage,
    questionPage,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    await summaryPage.changeLink('B4').click();
    await questionPage.answer('B4', 'rhythmic_or_semirhythmic');
    await summaryPage.expectOpen();
    await expect(summaryPage.changeLink('B4')).toBeFocused();
    await expect(summaryPage.changeLink('B4')).toBeInViewport({ ratio: 1 });
    await expect(summaryPage.section('Timing and triggers')).toContainText('Rhythmic or semi-rhythmic');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    await summaryPage.seeAssessment.click();
    await page.getByRole('link', { name: 'Back to your answers' }).click();
    await summaryPage.expectOpen();
    await expect(summaryPage.heading).toBeFocused();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  });
});

test.describe('Back goes where the clinician was', () => {
  const decided = {
    G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'],
    D1: 'none', E0: 'yes', E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
  };

  test('after "Skip the rest of this section": Back returns to the question Skip was pressed on, not the last one skipped; the browser Back button too', async ({
    page,
    questionPage,
  }) => {
    // The same case with no neurophysiology done (E1–E4 are not asked): nothing settles it at B2.
    const noNeurophysiology = Object.fromEntries(Object.entries(decided).filter(([q]) => !/^E[1-4]$/.test(q)));
    await openWithAnswers(page, { ...noNeurophysiology, E0: 'no', B1: 'no' }, { question: 'B2' });
    await questionPage.skipSection.click();
    await questionPage.expectQuestion('A1');
    await questionPage.back.click();
    await questionPage.expectQuestion('B2');
    await questionPage.expectAnswer('B2', 'unknown');

    await questionPage.skipSection.click();
    await questionPage.expectQuestion('A1');
    await page.goBack();
    await questionPage.expectQuestion('B2');
  });

  test('after "Go to the summary": Back returns to the question it was pressed on, also by way of the result', async ({ page, questionPage, summaryPage, resultPage }) => {
    await openWithAnswers(page, decided, { question: 'B1' });
    // The proof behind the offer loads at the first key or press on the page (question-page.tsx).
    await questionPage.heading.click();
    await questionPage.goToSummary.click();
    await summaryPage.expectOpen();
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await resultPage.backToAnswers.click();
    await summaryPage.expectOpen();
    await summaryPage.back.click();
    await questionPage.expectQuestion('B1');
  });
});

test.describe('saved progress that cannot be used', () => {
  const valid = { contentVersion: content.version, answers: { G1: 'positive_jerks' }, position: { question: 'G2' }, attested: true };
  const cases = [
    { name: 'not JSON', raw: '{"contentVersion":' },
    { name: 'another content version', raw: JSON.stringify({ ...valid, contentVersion: '0.0.1' }) },
    { name: 'an answer that is not an option', raw: JSON.stringify({ ...valid, answers: { G1: 'made_up' } }) },
    { name: 'a question these answers do not lead to', raw: JSON.stringify({ ...valid, answers: { G1: 'regular_oscillation_only' }, position: { question: 'A1' } }) },
    { name: 'a skipped attestation', raw: JSON.stringify({ ...valid, attested: false }) },
  ];
  // One tab for all the cases: each is saved from the app's icon, then the start page is loaded.
  test(`each case — ${cases.map((c) => c.name).join('; ')} — the start page says so, and Start again clears it`, async ({ page, startPage }) => {
    for (const { name, raw } of cases) {
      await test.step(name, async () => {
        await saveInTab(page, raw);
        await page.goto('/');
        await expect(startPage.storageProblem).toBeVisible();
        await expect(startPage.storageNotice).toContainText('Start again to continue');
        await startPage.storageStartAgain.click();
        await expect(startPage.storageProblem).toBeHidden();
        await expect.poll(() => savedProgress(page)).toBeNull();
        await startPage.start();
      });
    }
  });

  test('damaged progress found when opening a question page leads to the start page with the message', async ({ page, startPage }) => {
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('tampered-once')) {
          sessionStorage.setItem(key, value);
          sessionStorage.setItem('tampered-once', '1');
        }
      },
      [STORAGE_KEY, JSON.stringify({ ...valid, answers: { G1: ['positive_jerks'] } })] as const,
    );
    await page.goto(formatPath({ question: 'B1' }));
    await expect(startPage.storageProblem).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await startPage.storageStartAgain.click();
    await expect(startPage.storageProblem).toBeHidden();
    await expect(startPage.attestation).toBeVisible();
  });
});

test.describe('keyboard only', () => {
  /** Press Tab until `target` has focus (no clicks), failing after a bounded number of presses. */
  async function tabTo(page: Page, target: Locator) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('could not reach the element with Tab');
  }

  test('from the start page to a result with Tab, Space and Enter only; submitting nothing first moves focus to the error summary, whose link leads to the first option', async ({
    page,
    startPage,
    questionPage,
    summaryPage,
    resultPage,
  }) => {
    await startPage.goto();
    await tabTo(page, startPage.attestation);
    await page.keyboard.press('Space');
    await expect(startPage.attestation).toBeChecked();
    await tabTo(page, startPage.startNow);
    await page.keyboard.press('Enter');

    // G1, submitted with nothing chosen: the error summary takes focus, and its link leads to the first option.
    await questionPage.expectQuestion('G1');
    await tabTo(page, questionPage.continueButton);
    await page.keyboard.press('Enter');
    await expect(questionPage.errorSummary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await tabTo(page, questionPage.errorSummary.getByRole('link'));
    await page.keyboard.press('Enter');
    await expect(questionPage.choice('G1', 'Sudden, brief, shock-like jerks')).toBeFocused();

    // G1: the first option, "Sudden, brief, shock-like jerks".
    await page.keyboard.press('Space');
    await expect(questionPage.choice('G1', 'Sudden, brief, shock-like jerks')).toBeChecked();
    await tabTo(page, questionPage.continueButton);
    await page.keyboard.press('Enter');

    // G2: the first option, a premonitory urge (tics), which closes the bedside but not the safety screen.
    await questionPage.expectQuestion('G2');
    await tabTo(page, questionPage.choice('G2', questionById('G2').options[0]!.label));
    await page.keyboard.press('Space');
    await tabTo(page, questionPage.continueButton);
    await page.keyboard.press('Enter');

    // G3 and the safety screen (asked after a mimic too), each with its first option, until the summary.
    for (let asked = 0; !/\/summary$/.test(new URL(page.url()).pathname); asked++) {
      expect(asked).toBeLessThan(10);
      await expect(questionPage.continueButton).toBeVisible();
      const id = await questionPage.currentId();
      await tabTo(page, questionPage.firstChoice);
      await page.keyboard.press('Space');
      await tabTo(page, questionPage.continueButton);
      await page.keyboard.press('Enter');
      await expect(page).not.toHaveURL(new RegExp(`#${id}$`));
    }

    await summaryPage.expectOpen();
    await tabTo(page, summaryPage.seeAssessment);
    await page.keyboard.press('Enter');

    await resultPage.expectOpen();
    await expect(resultPage.mimicHeading).toHaveText(/tics/i);
  });
});

test.describe('never lose an answer', () => {
  test.describe('on a phone, a double tap', () => {
    test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

    /** Tap Continue by its place on the screen, as a finger does, then tap that place again. */
    async function doubleTapContinue(page: Page, gapMs: number) {
      await page.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
      const box = (await page.getByRole('button', { name: 'Continue' }).boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.touchscreen.tap(x, y);
      if (gapMs > 0) await page.waitForTimeout(gapMs);
      await page.touchscreen.tap(x, y);
      return [x, y] as const;
    }

    test('on Continue answers nothing on the next page: G2 → G3 ticks no functional features; a mouse double-click at D1a presses no Skip on D2', async ({ page, questionPage }) => {
      await openWithAnswers(page, { G1: 'positive_jerks' }, { question: 'G2' });
      await questionPage.choose('G2', 'no');
      // G3's "Present" sits where G2's Continue was on this screen.
      await doubleTapContinue(page, 150);
      await questionPage.expectQuestion('G3');
      await expect(page.locator('input[name="G3"]:checked')).toHaveCount(0);

      const beforeD2: Record<string, unknown> = { ...loadVignette('V08').answers, D1: 'PME' };
      delete beforeD2.D2;
      await openWithAnswers(page, beforeD2, { question: 'D1a' });
      await questionPage.choose('D1a', 'unknown');
      await page.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
      const box = (await page.getByRole('button', { name: 'Continue' }).boundingBox())!;
      await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
      await questionPage.expectQuestion('D2');
      await expect(page.locator('input[name="D2"]:checked')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
    });

    test('near miss: a tap elsewhere on the new page right away, or on the same spot a moment later, goes through', async ({ page, questionPage }) => {
      await openWithAnswers(page, { G1: 'positive_jerks' }, { question: 'G2' });
      await questionPage.choose('G2', 'no');
      await page.getByRole('button', { name: 'Continue' }).click();
      await questionPage.expectQuestion('G3');
      await page.getByLabel('Absent', { exact: true }).click();
      await expect(page.locator('input[name="G3"][value="absent"]')).toBeChecked();

      await openWithAnswers(page, { G1: 'positive_jerks' }, { question: 'G2' });
      await questionPage.choose('G2', 'no');
      const [x, y] = await doubleTapContinue(page, 900);
      await questionPage.expectQuestion('G3');
      const under = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('.choice')?.querySelector('input')?.value ?? null, [x, y]);
      if (under) await expect(page.locator(`input[name="G3"][value="${under}"]`)).toBeChecked();
    });
  });

  // The shell's links are plain links (a full page load, not client-side navigation): leaving in the
  // middle of a case and coming back must find the answers and the place in the tab's storage.
  test('leaving mid-case by the header links and coming back keeps the answers and the place', async ({ page, chrome, startPage, questionPage }) => {
    await startPage.goto();
    await startPage.start();
    await questionPage.answer('G1', 'positive_jerks');
    await questionPage.answer('G2', 'no');
    await questionPage.expectQuestion('G3');
    await chrome.methodLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
    await chrome.homeLink.click();
    await settled(page);
    await startPage.continueWhereLeft.click();
    await questionPage.expectQuestion('G3');
    await questionPage.back.click();
    await questionPage.expectAnswer('G2', 'no');
  });

  test('a choice ticked just before "Skip the rest of this section" or "Go to the summary" is kept, and the safety screen is never skipped in one press; with nothing ticked, the rest is recorded as unknown', async ({
    page,
    questionPage,
    summaryPage,
  }) => {
    const early = { G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: 'over_50', C3: 'progressive' };
    await openWithAnswers(page, early, { question: 'C4' });
    // Its hint says once, not twice, that every option that applies may be ticked.
    await expect(page.locator('#C4-hint')).toContainText('Select every');
    await expect(page.locator('#C4-hint')).not.toContainText('Select all that apply');
    // No Skip on the safety screen: one press would record every red-flag question as unknown.
    await expect(questionPage.continueButton).toBeVisible();
    await expect(questionPage.skipSection).toHaveCount(0);

    await openWithAnswers(page, { ...early, C4: ['none'], C5: 'none', C6: ['none'], D1: 'none', E0: 'no', B6: 'none', B1: 'no', B2: 'yes' }, { question: 'B3' });
    await questionPage.choose('B3', ['touch_or_stretch_local_jerk']);
    await questionPage.skipSection.click();
    await questionPage.expectQuestion('A1');
    // The near miss: nothing ticked on A1, so the rest of its section is left unknown, as before.
    await questionPage.skipSection.click();
    await summaryPage.expectOpen();
    const b3 = questionById('B3');
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: b3.prompt })).toContainText(
      b3.options.find((o) => o.id === 'touch_or_stretch_local_jerk')!.label,
    );
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: questionById('B4').prompt })).toContainText('Unknown');
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: questionById('A1').prompt })).toContainText('Unknown');

    // "Go to the summary" on a settled case: B1 ticked on the page goes with it.
    const decided = {
      ...early, C2: '21_to_50', C3: 'static_or_very_slow', C4: ['none'], C5: 'none', C6: ['none'], D1: 'none', E0: 'yes',
      E1: 'under_50ms', E2: 'focal_cortical_spike_before_jerk', E3: 'giant_SEP_and_or_C_reflex', E4: 'not_done', B6: 'none',
    };
    await openWithAnswers(page, decided, { question: 'B1' });
    await questionPage.choose('B1', 'yes');
    await questionPage.goToSummary.click();
    await summaryPage.expectOpen();
    const b1 = questionById('B1');
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: b1.prompt })).toContainText(
      b1.options.find((o) => o.id === 'yes')!.label,
    );
    // The questions the shortcut left open are named as such, not as a red-flag warning.
    const open = page.getByRole('note', { name: /not been answered\.$/ });
    await expect(open).toContainText('No answer to them could raise a red flag');
    await expect(open).not.toContainText('none is ruled out until answered');
  });

  test('questions reached but never answered (the summary opened by its address after G1) read "Not answered", not as answers given; the summary and the result name the open questions that could raise red flags, and lead back to them; a whole case shows no such notice', async ({
    page,
    questionPage,
    summaryPage,
    resultPage,
  }) => {
    const notice = page.getByRole('note', { name: /could still raise (a )?red flags?:$/ });
    await openWithAnswers(page, { G1: 'positive_jerks' }, { question: 'G2' });
    await page.goto('/summary');
    await summaryPage.expectOpen();
    await expect(notice).toContainText('none is ruled out until answered');
    await expect(notice).toContainText(questionById('C4').prompt);
    await expect(notice).toContainText(content.labels.redFlags.rapidly_progressive_dementia);
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: questionById('G2').prompt })).toContainText('Not answered');
    await expect(page.getByRole('main').locator('.summary-list__row').filter({ hasText: questionById('G1').prompt })).not.toContainText('Not answered');
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await expect(notice).toContainText('none is ruled out until answered');
    await notice.getByRole('link', { name: /^Answer: / }).click();
    await expect(page).toHaveURL(/#C\d$/);
    await expect(questionPage.continueButton).toBeVisible();

    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    await expect(summaryPage.changeLinks.first()).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('Back from the first question to the start page offers the answers still held (Continue, or Start again with Undo), never a blank form that would carry them into a new case', async ({
    page,
    startPage,
    questionPage,
  }) => {
    await startPage.goto();
    await expect(startPage.startNow).toBeVisible();
    await expect(startPage.continueWhereLeft).toHaveCount(0);
    await startPage.start();
    await questionPage.answer('G1', 'positive_jerks');
    await questionPage.expectQuestion('G2');
    await questionPage.back.click();
    await questionPage.expectQuestion('G1');
    await questionPage.back.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(startPage.startNow).toHaveCount(0);
    await startPage.continueWhereLeft.click();
    await questionPage.expectQuestion('G1');
    await questionPage.expectAnswer('G1', 'positive_jerks');
    await questionPage.back.click();
    await startPage.startAgain.click();
    await expect(startPage.cleared).toContainText('1 answer was cleared');
    await expect(startPage.startNow).toBeVisible();
  });

  /** The summary's rows of answers that count, as a clinician reads them. */
  const summaryRows = (page: Page) => page.getByRole('main').getByRole('region').filter({ hasNot: page.getByRole('heading', { name: /set aside/ }) }).allInnerTexts();

  test('a full case: G3 changed to "present" warns which answers it sets aside, and changed back gives the identical summary; Start again on its result clears the case, and Undo brings back every answer and the result', async ({
    page,
    startPage,
    summaryPage,
    questionPage,
    resultPage,
  }) => {
    await openWithAnswers(page, loadVignette('V01').answers, 'summary');
    const before = await summaryRows(page);
    // A gate mimic sets aside everything after the safety screen (C stays: it can raise red flags).
    const laterAnswers = expectedQuestions(loadVignette('V01').answers).filter((id) => !id.startsWith('G') && !id.startsWith('C')).length;

    await summaryPage.changeLink('G3').click();
    await questionPage.choose('G3', 'present');
    await expect(page.getByRole('status').filter({ hasText: 'will be set aside' })).toContainText(`${laterAnswers} answers will be set aside`);
    await questionPage.continueButton.click();
    await summaryPage.expectOpen();
    await expect(summaryPage.setAsideHeading).toHaveText(`${laterAnswers} answers set aside`);
    await expect(summaryPage.setAside).toContainText('because of your answer to');
    await expect(summaryPage.changeLink('A1')).toHaveCount(0);

    await summaryPage.changeLink('G3').click();
    await questionPage.answer('G3', 'absent');
    await summaryPage.expectOpen();
    await expect(summaryPage.setAsideHeading).toBeHidden();
    expect(await summaryRows(page)).toEqual(before);

    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await expect(resultPage.categoryHeading).toBeVisible();
    const category = await resultPage.categoryHeading.innerText();
    await resultPage.startAgain.click();
    await expect(page).toHaveURL(/\/$/);
    await expect(startPage.cleared).toContainText(/\d+ answers were cleared/);
    // The way back is the first thing on the page, and has focus: not a screenful down on a phone.
    await expect(startPage.cleared).toBeFocused();
    await page.setViewportSize({ width: 360, height: 740 });
    await expect(startPage.undo).toBeInViewport({ ratio: 1 });
    await expect(startPage.continueWhereLeft).toHaveCount(0);
    await page.reload();
    await settled(page);
    await startPage.undo.click();
    await resultPage.expectOpen();
    await expect(resultPage.categoryHeading).toHaveText(category);
    await resultPage.backToAnswers.click();
    await summaryPage.expectOpen();
    await expect(summaryPage.changeLinks).toHaveCount(expectedQuestions(loadVignette('V01').answers).length);
  });

  test('after Start again, a file read on the start page asks first (Undo could still bring the cleared answers back), and Undo still works after "Keep my answers"', async ({
    page,
    startPage,
    questionPage,
  }) => {
    await openWithAnswers(page, { G1: 'both', G2: 'no' }, 'start');
    await startPage.startAgain.click();
    await expect(startPage.cleared).toContainText('2 answers were cleared');
    await startPage.attestation.check();
    const file = JSON.stringify(toQuestionnaireResponse({ G1: 'regular_oscillation_only' }, content, { authored: '2026-11-24T10:00:00Z' }));
    await page.getByLabel(/FHIR QuestionnaireResponse file/).setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const warning = page.getByRole('alert').filter({ hasText: 'This file will replace' });
    await expect(warning).toContainText('the 2 answers Start again cleared');
    await warning.getByRole('button', { name: 'Keep my answers' }).click();
    await startPage.undo.click();
    // Undo returns to the last question answered when Start again was pressed, with its answer.
    await questionPage.expectQuestion('G2');
    await questionPage.expectAnswer('G2', 'no');
  });

  test('a resumed file that would replace answers says so first, and "Keep my answers" changes nothing', async ({ page, summaryPage }) => {
    await openWithAnswers(page, { G1: 'both', G2: 'no' }, 'summary');
    const before = await page.getByRole('main').getByRole('region').allInnerTexts();
    const file = JSON.stringify(toQuestionnaireResponse({ G1: 'regular_oscillation_only' }, content, { authored: '2026-11-24T10:00:00Z' }));
    await page.getByLabel(/FHIR QuestionnaireResponse file/).setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const warning = page.getByRole('alert').filter({ hasText: 'This file will replace' });
    await expect(warning).toContainText('the 2 answers given in this tab');
    await warning.getByRole('button', { name: 'Keep my answers' }).click();
    await expect(warning).toBeHidden();
    await summaryPage.expectOpen();
    expect(await page.getByRole('main').getByRole('region').allInnerTexts()).toEqual(before);
  });
});
