/**
 * Security as the clinician is promised it: everything entered stays in this browser. Every route
 * and a whole run by clicks (with a case label, the PDF and the FHIR file) load nothing from another
 * origin, send no answer and no case label anywhere, and trip no Content-Security-Policy violation;
 * tests/e2e/static.spec.ts checks the headers of every page and error answer.
 */
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { resolveAnswers } from '../../machines/answers/answers';
import { formatPath } from '../../machines/flow/paths';
import { downloadFrom, watchBrowser } from '../support/exports';
import { expect, test } from '../support/fixtures';
import { settled } from '../support/pages';
import { openWithAnswers } from '../support/session';
import { answerVignette } from '../support/answer-vignette';
import { loadVignette } from '../support/vignettes';

const V01 = loadVignette('V01');
/** The questions V01's answers lead to, in order. */
const V01_ENABLED = resolveAnswers(V01.answers, content).enabled;
const CASE_LABEL = 'ZZ-CASE-7781';
/** V01's answers that could not turn up in a request by chance (not "yes", "no", "none"…). */
const DISTINCTIVE_ANSWERS = [...new Set(Object.values(V01.answers).flat())].filter((id) => id.includes('_') || id.length >= 8);
const SECRETS = [...DISTINCTIVE_ANSWERS, CASE_LABEL];

type TWatch = Awaited<ReturnType<typeof watchBrowser>>;

/** Nothing blocked by the policy, nothing sent to another origin, nothing entered sent anywhere. */
async function expectNothingLeft(page: Page, watch: TWatch) {
  const origin = new URL(page.url()).origin;
  const onPage = await page.evaluate(() => (window as unknown as { __cspViolations?: unknown[] }).__cspViolations ?? []);
  expect(onPage, 'CSP violations on the last page').toEqual([]);
  expect(watch.cspProblems(), 'CSP violations').toEqual([]);
  expect(watch.otherOrigins(origin), 'requests to another origin').toEqual([]);
  expect(watch.carrying(SECRETS), 'requests carrying an answer or the case label').toEqual([]);
}

test('the sanity check: the watch notices a blocked image, a request to another origin and a leaked case label', async ({ page }) => {
  const watch = await watchBrowser(page);
  await page.goto('/');
  await settled(page);
  await page.evaluate((label) => {
    const img = document.createElement('img');
    img.src = 'https://example.com/tracker.png';
    document.body.append(img);
    void fetch(`/echo?label=${encodeURIComponent(label)}`);
  }, CASE_LABEL);
  await expect.poll(() => watch.cspProblems().join('\n')).toContain('img-src blocked https://example.com/tracker.png');
  await expect.poll(() => watch.carrying(SECRETS)).toEqual([expect.stringContaining(`carries "${CASE_LABEL}"`)]);
  const origin = new URL(page.url()).origin;
  await page.goto('http://localhost:9/').catch(() => {}); // nothing listens there; the request is what counts
  // The blocked image counts too: the browser reports the attempt even though the policy stops it.
  expect(watch.otherOrigins(origin)).toEqual(['GET https://example.com/tracker.png', 'GET http://localhost:9/']);
});

test.describe('every route stays on this origin without a policy violation', () => {
  // Every question page V01's answers reach is opened by its address (static.spec.ts checks every page's headers).
  const ids = V01_ENABLED.map((q) => q.id);
  test(`start, summary, result, question pages ${ids[0]} to ${ids.at(-1)}, method and sources, the FHIR Questionnaire and a page not found`, async ({
    page,
    startPage,
    summaryPage,
    resultPage,
    questionPage,
  }) => {
    const watch = await watchBrowser(page);
    await startPage.goto();
    await expect(startPage.heading).toBeVisible();
    await openWithAnswers(page, V01.answers, 'summary');
    await summaryPage.expectOpen();
    await page.goto('/result');
    await settled(page);
    await resultPage.expectOpen();
    await expect(resultPage.categoryHeading).toHaveText(/category: Cortical$/);
    for (const id of ids) {
      await page.goto(formatPath({ question: id }));
      await settled(page);
      await questionPage.expectQuestion(id);
      await questionPage.expectAnswer(id, V01.answers[id]);
    }
    await page.goto('/sources');
    await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
    const notFound = await page.goto('/no-such-page');
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    const json = await page.goto('/fhir/questionnaire.json');
    expect(json?.status()).toBe(200);
    await expect(page.locator('body')).toContainText('"resourceType": "Questionnaire"');
    await expectNothingLeft(page, watch);
  });
});

// The whole run by clicks of journeys.spec.ts's 'whole runs': V01 is answered question by question,
// and what the clinician sees on the way is checked here too.
test('a whole run by clicks (V01, a progressive myoclonus epilepsy with cortical physiology) gets a cortical result and the SNr/STN discussion, and with a case label, the PDF and the FHIR file sends nothing anywhere', async ({
  page,
  summaryPage,
  resultPage,
}) => {
  test.slow(); // 27 questions answered by clicks, then both downloads.
  const watch = await watchBrowser(page);
  expect(await answerVignette(page, V01)).toEqual(V01_ENABLED.map((q) => q.id));
  await summaryPage.expectOpen();
  await expect(summaryPage.section('Related diagnoses')).toContainText('Progressive myoclonus epilepsy');
  await expect(summaryPage.section('Related diagnoses')).toContainText('Unverricht-Lundborg disease');
  await summaryPage.seeAssessment.click();
  await resultPage.expectOpen();
  await expect(resultPage.categoryHeading).toHaveText(/category: Cortical$/);
  await expect(resultPage.dbsDiscussion).toContainText('substantia nigra pars reticulata');
  await expect(resultPage.dbsDiscussion).toContainText('subthalamic nucleus');
  await expect(resultPage.dbsDiscussion).toContainText('not a first-line treatment');
  await expect(resultPage.redFlagsHeading).toBeHidden();
  await expect(resultPage.ranking).toBeVisible();
  await expect(resultPage.sources).toBeVisible();

  await page.getByLabel('Case label (optional)').fill(CASE_LABEL);
  const pdf = await downloadFrom(page, page.getByRole('button', { name: 'Download PDF recap' }));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expectNothingLeft(page, watch);

  const fhir = await downloadFrom(page, page.getByRole('button', { name: 'Download FHIR QuestionnaireResponse' }));
  expect(fhir.bytes.toString()).toContain('focal_cortical_spike_before_jerk');
  expect(fhir.bytes.toString()).not.toContain(CASE_LABEL);
  await expectNothingLeft(page, watch);
});

test('downloading the FHIR file and resuming from one trip no policy violation', async ({ page, resultPage, summaryPage }) => {
  const watch = await watchBrowser(page);
  await openWithAnswers(page, V01.answers, 'result');
  await resultPage.expectOpen();
  const fhir = await downloadFrom(page, page.getByRole('button', { name: 'Download FHIR QuestionnaireResponse' }));
  await expectNothingLeft(page, watch);

  await resultPage.backToAnswers.click();
  await summaryPage.expectOpen();
  await page.reload(); // a fresh page, so the FHIR code loads again for the resume
  await settled(page);
  await page.getByLabel('FHIR QuestionnaireResponse file (.json) from this tool or another FHIR form').setInputFiles({
    name: fhir.name,
    mimeType: 'application/fhir+json',
    buffer: fhir.bytes,
  });
  await summaryPage.expectOpen();
  await expect(summaryPage.changeLinks).toHaveCount(V01_ENABLED.length);
  await expectNothingLeft(page, watch);
});
