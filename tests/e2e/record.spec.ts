/**
 * Launch from the electronic record (SMART on FHIR), end to end against the sandbox record that
 * playwright.config.ts starts (`npm run ehr`): a real authorization server with PKCE in front of a real
 * FHIR R4 API, seeded with synthetic charts (scripts/ehr/patients) and fault patients.
 */
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { fromQuestionnaireResponse } from '../../machines/exchange/fhir-import';
import { answerVignette } from '../support/answer-vignette';
import { expect, expectNoAxeViolations, test } from '../support/fixtures';
import { settled } from '../support/pages';
import { EHR_ORIGIN, launchAddress, seededCharts, suggestedAnswers, suggestionRegion, walkFromRecord } from '../support/record';
import { saveInTab } from '../support/session';
import { serialise } from '../../machines/exchange/persistence';
import { chartFor, localToday } from '../../scripts/ehr/patients/shift-dates.mjs';

/**
 * Edith Sandbox's birth date as the sandbox holds it: it moves every date of her chart from the day
 * it was written to today (shift-dates.mjs), so that her age stays the same.
 */
const EDITH_BORN = chartFor('1948-05-19', localToday());

/** Every origin the page asked anything of. */
function originsAsked(page: Page): Set<string> {
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  return origins;
}

/** The result as a clinician reads it, without what only a case from the record has. */
async function resultReading(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
  const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allInnerTexts();
  return {
    headings: headings.filter((h) => !/record/i.test(h)),
    ranking: await page.getByRole('region', { name: 'Why: the categories ranked' }).innerText().catch(() => ''),
  };
}

/** Launch for a seeded patient and wait for the start page that names them. */
async function launch(page: Page, patient: string, name: string) {
  await page.goto(launchAddress(patient));
  await expect(page.getByRole('region', { name: 'Opened from Sandbox record (npm run ehr)' })).toContainText(`Patient: ${name}`);
}

for (const chart of seededCharts) {
  test(`${chart.patient}: an EHR launch suggests its answers with their evidence; confirmed, they give the assessment the same answers typed by hand give`, async ({ page, browser }) => {
    const asked = originsAsked(page);
    await launch(page, chart.patient, chart.name);
    const count = Object.values(chart.suggests).reduce((n, options) => n + Object.keys(options).length, 0);
    await expect(page.getByRole('main')).toContainText(`The record suggests ${count === 1 ? 'an answer' : `${count} answers`}`);

    const answers = suggestedAnswers(chart);
    const shown: string[] = [];
    await walkFromRecord(page, answers, Object.keys(chart.suggests), async (id) => {
      shown.push(id);
      const region = suggestionRegion(page);
      // Each suggested option with every resource behind it.
      for (const [option, references] of Object.entries(chart.suggests[id] ?? {})) {
        const label = content.questions.find((q) => q.id === id)!.options.find((o) => o.id === option)!.label;
        await expect(region).toContainText(label);
        for (const reference of references) await expect(region).toContainText(`(${reference})`);
      }
      // Nothing is ticked until the clinician uses the suggestion.
      await expect(page.getByRole('main').locator('input:checked')).toHaveCount(0);
      const use = region.getByRole('button', { name: /^Use this answer/ });
      while ((await use.count()) > 0) await use.first().click();
      await expect(region.getByRole('status')).toHaveCount(Object.keys(chart.suggests[id] ?? {}).length);
      await expect(page.getByRole('main').locator('input:checked')).toHaveCount(Object.keys(chart.suggests[id] ?? {}).length);
    });
    expect(shown.sort()).toEqual(Object.keys(chart.suggests).sort());

    // The summary says which answers came from the record, and from which resource.
    for (const references of Object.values(chart.suggests).flatMap((o) => Object.values(o))) {
      for (const reference of references) await expect(page.getByRole('main')).toContainText(reference);
    }
    await expect(page.getByRole('main').getByText('from the record', { exact: true })).toHaveCount(count);
    await page.getByRole('button', { name: 'See the assessment' }).click();
    const fromRecord = await resultReading(page);
    await expect(page.getByRole('region', { name: 'From the patient’s record' })).toContainText(Object.values(Object.values(chart.suggests)[0]!)[0]![0]!);

    // Nothing went anywhere but this app and the record that launched it.
    expect([...asked].sort()).toEqual([EHR_ORIGIN, new URL(page.url()).origin].sort());

    // The same answers typed by hand, in a browser that never saw the record.
    const other = await browser.newContext();
    const byHand = await other.newPage();
    await answerVignette(byHand, { answers });
    await byHand.getByRole('button', { name: 'See the assessment' }).click();
    expect(await resultReading(byHand)).toEqual(fromRecord);
    await other.close();
  });
}

test('a suggestion set aside leaves its question unanswered; the summary still shows it, and Use this answer there ticks it on its page, where Continue confirms it and asks what it newly opens', async ({ page, summaryPage }) => {
  await launch(page, 'sandbox-sgce-md', 'Tom Sandbox');
  await walkFromRecord(page, {}, ['D1'], async () => {
    await suggestionRegion(page).getByRole('button', { name: /^Not this/ }).click();
    await expect(suggestionRegion(page)).toContainText('Set aside: not in your answer.');
    await expect(page.getByRole('main').locator('input:checked')).toHaveCount(0);
  });
  await expect(summaryPage.heading).toBeVisible();
  const d1 = page.locator('.summary-list__row').filter({ hasText: content.questions.find((q) => q.id === 'D1')!.prompt });
  await expect(d1).toContainText('Unknown / not assessed');
  await expect(d1).toContainText('The record suggests, and your answer leaves out: Myoclonus-dystonia, SGCE variant confirmed');
  await d1.getByRole('link', { name: /^Use this answer/ }).click();
  // Its page, the record's option ticked and nothing counted yet.
  await expect(page).toHaveURL(/#D1$/);
  await expect(page.getByRole('radio', { name: 'Myoclonus-dystonia, SGCE variant confirmed' })).toBeChecked();
  await expect(suggestionRegion(page)).toContainText('Ticked below: Continue confirms it.');
  await page.getByRole('button', { name: 'Continue' }).click();
  // D2 is asked now that D1 names a myoclonus-dystonia, then the summary comes back.
  await expect(page).toHaveURL(/#D2$/);
  await page.getByLabel('Unknown / not assessed').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summaryPage.heading).toBeVisible();
  await expect(d1).toContainText('Myoclonus-dystonia, SGCE variant confirmed');
  await expect(d1).toContainText('from the record');
  await expect(d1).toContainText('Observation/sgce-variant');
});

test('Save to the record writes one QuestionnaireResponse, after a confirmation, that the app’s own import reads back to the same answers', async ({ page, request }) => {
  const saved = async () => (await (await request.get(`${EHR_ORIGIN}/_sandbox/QuestionnaireResponse?patient=sandbox-gabapentin-ckd`)).json()) as { entry?: { resource: unknown }[] };
  const before = (await saved()).entry?.length ?? 0;
  const chart = seededCharts.find((c) => c.patient === 'sandbox-gabapentin-ckd')!;
  await launch(page, chart.patient, chart.name);
  const answers = suggestedAnswers(chart);
  await walkFromRecord(page, answers, ['C6']);
  await page.getByRole('button', { name: 'See the assessment' }).click();
  const save = page.getByRole('region', { name: 'Save to the patient’s record' });
  await save.getByRole('button', { name: 'Save to the record' }).click();
  await expect(save).toContainText(`This writes this case’s answers to Sandbox record (npm run ehr) for Edith Sandbox, born ${EDITH_BORN}`);
  expect((await saved()).entry?.length ?? 0).toBe(before);
  await save.getByRole('button', { name: 'Yes, write to the record' }).click();
  await expect(save.getByRole('status')).toContainText(/Saved as QuestionnaireResponse\/\S+ in Sandbox record \(npm run ehr\) at /);

  const after = (await saved()).entry ?? [];
  expect(after).toHaveLength(before + 1);
  const written = after.at(-1)!.resource as { subject?: { reference?: string }; author?: { reference?: string } };
  expect(written.subject?.reference).toBe('Patient/sandbox-gabapentin-ckd');
  expect(written.author?.reference).toBe('Practitioner/sandbox-practitioner');
  const read = fromQuestionnaireResponse(written, content);
  if (!read.ok) throw new Error(read.message);
  const given = await page.evaluate(() => JSON.parse(sessionStorage.getItem('myoclonus-navigator.session') ?? '{}').answers);
  expect(read.answers).toEqual(given);
  expect(Object.keys(read.fromRecord ?? {})).toEqual(['C6']);
});

test.describe('faults get a message and a way on', () => {
  test('consent declined in the record', async ({ page }) => {
    await page.goto(launchAddress('fault-consent'));
    await page.getByRole('button', { name: /deny/i }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('The record did not grant access (consent was declined)');
    await expect(page.getByRole('link', { name: 'Go on without the record' })).toHaveAttribute('href', '/');
    // The spent code and state are not left in the address.
    await expect(page).toHaveURL(/\/launch\/return$/);
  });

  test('a return this tab did not start (state mismatch)', async ({ page }) => {
    await page.goto('/launch/return?code=forged&state=not-from-this-tab');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('does not match a launch made in this tab');
  });

  test('a record the deployment does not trust is never contacted, and the message says how to add it', async ({ page }) => {
    const asked = originsAsked(page);
    await page.goto(`/launch?${new URLSearchParams({ iss: 'https://ehr.example.org/fhir', launch: 'x' }).toString()}`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('is not one this deployment of the app trusts');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('ehr.config.json');
    expect([...asked]).toEqual([new URL(page.url()).origin]);
  });

  test('the record unreachable: the app goes on without it', async ({ page }) => {
    await page.route(`${EHR_ORIGIN}/**`, (route) => route.abort('connectionrefused'));
    await page.goto(launchAddress('sandbox-gabapentin-ckd'));
    await expect(page.getByRole('main').getByRole('alert')).toContainText('could not be reached, so nothing was read');
    await page.getByRole('link', { name: 'Go on without the record' }).click();
    await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  });

  test('a patient the record cannot find (404)', async ({ page }) => {
    await page.goto(launchAddress('fault-missing'));
    await expect(page.getByRole('main').getByRole('alert')).toContainText('did not return the patient');
  });

  for (const [patient, name, gap] of [
    ['fault-forbidden', 'Fault: medications refused (403)', 'Medication orders: the record refused access (HTTP 403)'],
    ['fault-oversized', 'Fault: oversized medication statement (over 3 MB)', 'Medication statements: the answer was too large to read'],
    ['fault-malformed', 'Fault: malformed observation', 'Observation/fault-malformed-broken'],
  ] as const) {
    test(`${patient}: what could not be read is named, on the start page and on the question it concerns, and the rest is used`, async ({ page }) => {
      await launch(page, patient, name);
      await expect(page.getByRole('region', { name: 'Opened from Sandbox record (npm run ehr)' })).toContainText(gap);
      // On the drug and metabolic question too: no suggestion there is not "no drug".
      let seen = false;
      await walkFromRecord(page, {}, [], undefined, async (id) => {
        if (id !== 'C6') return;
        await expect(page.getByRole('region', { name: 'Not read from the record for this question' })).toContainText(gap);
        seen = true;
      });
      expect(seen).toBe(true);
    });
  }

  test('the sign-in ends mid-case: the answers are kept, and Reconnect signs in again, refusing another patient, before anything is written', async ({ page, request }) => {
    const patient = 'fault-forbidden';
    await launch(page, patient, 'Fault: medications refused (403)');
    // A case at its result, as the app saves it (faster than walking every question).
    await saveInTab(page, serialise({ answers: { G1: 'positive_jerks', C6: ['new_or_changed_drug'] }, position: 'result', attested: true }, content));
    await page.goto('/result');
    await settled(page);
    await request.post(`${EHR_ORIGIN}/_sandbox/revoke?patient=${patient}`);
    const save = page.getByRole('region', { name: 'Save to the patient’s record' });
    await save.getByRole('button', { name: 'Save to the record' }).click();
    await save.getByRole('button', { name: 'Yes, write to the record' }).click();
    await expect(save.getByRole('alert')).toContainText('sign-in has ended, so nothing was written. Your answers are kept');
    await save.getByRole('button', { name: 'Reconnect to the record' }).click();
    // A standalone launch: the record asks which patient. Another patient is refused, nothing written.
    await page.getByRole('button', { name: /Fault: entries of another patient/ }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('different patient than this case’s, so nothing was written');
    await page.getByRole('link', { name: 'Back to the case' }).click();
    await expect(page).toHaveURL(/\/result$/);
    await save.getByRole('button', { name: /Save/ }).first().click();
    await save.getByRole('button', { name: 'Yes, write to the record' }).click();
    await expect(save.getByRole('alert')).toContainText('different patient than this case’s');
    // This case's patient, then.
    await save.getByRole('button', { name: 'Reconnect to the record' }).click();
    await page.getByRole('button', { name: /Fault: medications refused/ }).click();
    await expect(page).toHaveURL(/\/result$/);
    await save.getByRole('button', { name: /Save/ }).first().click();
    await save.getByRole('button', { name: 'Yes, write to the record' }).click();
    await expect(save.getByRole('status')).toContainText('Saved as QuestionnaireResponse/');
    const answers = await page.evaluate(() => JSON.parse(sessionStorage.getItem('myoclonus-navigator.session') ?? '{}').answers);
    expect(answers).toEqual({ G1: 'positive_jerks', C6: ['new_or_changed_drug'] });
  });
});

test.describe('a case is never joined to another patient, and the record cannot steer the app', () => {
  const cleared = { answers: { G1: 'positive_jerks', C6: ['new_or_changed_drug'] }, setAside: {}, position: 'summary' as const };

  test('answers Start again cleared, brought back by Undo after a launch, are not the new patient’s', async ({ page }) => {
    await saveInTab(page, serialise({ answers: {}, discarded: cleared, position: 'start', attested: true }, content));
    await launch(page, 'sandbox-gabapentin-ckd', 'Edith Sandbox');
    await page.getByRole('button', { name: 'Undo: bring my answers back' }).click();
    // Undo opens the case where it was (its summary); the start page then offers the record's choice.
    await expect(page).toHaveURL(/\/summary$/);
    await expect(page.getByRole('main')).not.toContainText('Patient: Edith Sandbox');
    await page.goto('/');
    const banner = page.getByRole('region', { name: 'Opened from Sandbox record (npm run ehr)' });
    await expect(banner).toContainText('This tab holds a case in progress that was not started for this patient');
    // The only ways on are the banner's: a new case for this patient, or this one without the record.
    await expect(page.getByRole('main').getByRole('link', { name: 'Continue where you left off' })).toHaveCount(0);
    await page.goto('/result');
    await settled(page);
    await expect(page.getByRole('region', { name: 'Save to the patient’s record' })).toHaveCount(0);
    await expect(page.getByRole('main')).not.toContainText('Patient: Edith Sandbox');
  });

  test('a file that names another patient goes on without the record, and the summary says so', async ({ page }) => {
    await launch(page, 'sandbox-gabapentin-ckd', 'Edith Sandbox');
    const { toQuestionnaireResponse } = await import('../../machines/exchange/fhir');
    const file = toQuestionnaireResponse({ G1: 'positive_jerks' }, content, { authored: '2026-12-01T10:00:00Z', subject: 'Patient/sandbox-child-cln2' });
    await page.getByLabel(/^I am a licensed clinician/).check();
    await page.getByLabel(/^FHIR QuestionnaireResponse file/).setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`The file does not name Edith Sandbox, born ${EDITH_BORN} as its patient`);
    await expect(page.getByRole('main')).not.toContainText('Patient: Edith Sandbox');
  });

  test('a return whose state names a key of the app’s own storage is refused, and the answers are kept', async ({ page }) => {
    await saveInTab(page, serialise({ answers: cleared.answers, position: 'summary', attested: true }, content));
    const saved = await page.evaluate(() => sessionStorage.getItem('myoclonus-navigator.session'));
    await page.goto('/launch/return?code=forged&state=myoclonus-navigator.session');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('does not match a launch made in this tab');
    expect(await page.evaluate(() => sessionStorage.getItem('myoclonus-navigator.session'))).toBe(saved);
  });

  test('a launch address with more than a record and a launch (a client id, a patient) is refused before anything is asked', async ({ page }) => {
    const asked = originsAsked(page);
    await page.goto(`${launchAddress('sandbox-gabapentin-ckd')}&clientId=someone-else`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('holds more than a record and a launch');
    expect([...asked]).toEqual([new URL(page.url()).origin]);
  });

  test('entries of another patient that the record sends with a search suggest nothing, and are named as left out', async ({ page }) => {
    await launch(page, 'fault-foreign', 'Fault: entries of another patient');
    const banner = page.getByRole('region', { name: 'Opened from Sandbox record (npm run ehr)' });
    await expect(banner).toContainText('The record suggests no answer');
    await expect(banner).toContainText('Conditions: the record also sent entries that are not this patient’s');
  });
});

test('the record’s pages and panels meet WCAG 2.2 AA', async ({ page, axe }) => {
  await launch(page, 'sandbox-gabapentin-ckd', 'Edith Sandbox');
  await expectNoAxeViolations(axe);
  await page.goto(`/launch?${new URLSearchParams({ iss: 'https://ehr.example.org/fhir' }).toString()}`);
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(axe);
  await page.goto(launchAddress('sandbox-gabapentin-ckd'));
  await walkFromRecord(page, {}, ['C6'], async (id) => {
    if (id === 'C6') await expectNoAxeViolations(axe);
    await suggestionRegion(page).getByRole('button', { name: /^Not this/ }).first().click();
  });
  await expectNoAxeViolations(axe);
});
