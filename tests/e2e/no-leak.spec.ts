/**
 * No answer leaves the browser. Every request the page makes is recorded, and after the first page
 * load none may name a question or carry an answer: not with JavaScript off, not while the scripts
 * are still loading (delayed here by three seconds), and not through a whole case with Change, Back,
 * Forward and the result's links once they have run.
 */
import type { Page, Request } from '@playwright/test';
import { content } from '../../content';
import { formatPath } from '../../machines/flow/paths';
import { MAX_SAVED_BYTES, serialise } from '../../machines/exchange/persistence';
import { expect, test } from '../support/fixtures';
import { layoutShift, questionById, settled, watchLayoutShifts } from '../support/pages';
import { openWithAnswers, saveInTab } from '../support/session';
import { loadVignette } from '../support/vignettes';

const questionIds = new Set(content.questions.map((q) => q.id));
const optionIds = new Set(content.questions.flatMap((q) => [...q.options.map((o) => o.id), 'unknown']));

/** What in a request could name a question or carry an answer, or null when nothing does. */
function leak(request: Request): string | null {
  if (request.method() !== 'GET' && request.method() !== 'HEAD') return `${request.method()} ${request.url()}`;
  const url = new URL(request.url());
  const parts = [
    ...url.pathname.split('/').map(decodeURIComponent),
    ...[...url.searchParams].flatMap(([key, value]) => [key, ...value.split(/[,\s]/)]),
  ];
  const named = parts.find((part) => questionIds.has(part) || optionIds.has(part) || part === 'attested');
  return named === undefined ? null : `${request.url()} names "${named}"`;
}

/** Record every request from now on; `leaks()` lists those that name a question or an answer. */
function recordRequests(page: Page) {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  return {
    all: () => requests.map((r) => `${r.method()} ${r.url()}`),
    leaks: () => requests.map(leak).filter((x): x is string => x !== null),
  };
}

test('the leak check catches the addresses the old routes and a native submission used', () => {
  const fake = (url: string, method = 'GET') => ({ url: () => url, method: () => method }) as unknown as Request;
  expect([
    leak(fake('http://x/questionnaire/D1a?_rsc=1')),
    leak(fake('http://x/questionnaire/G2?G2=yes')),
    leak(fake('http://x/?attested=on')),
    leak(fake('http://x/summary', 'POST')),
    leak(fake('http://x/_next/static/chunks/0a1b2c.js')),
    leak(fake('http://x/summary?_rsc=abc')),
  ].map((x) => x !== null)).toEqual([true, true, true, true, false, false]);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the start page says the questionnaire needs JavaScript, and pressing Start sends nothing; a question address shows no question and the same message, and names nothing to the server', async ({
    page,
    startPage,
  }) => {
    await test.step('the start page', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'This questionnaire needs JavaScript' })).toBeVisible();
      await expect(page.getByText(/nothing you enter is sent anywhere/)).toBeVisible();
      const requests = recordRequests(page);
      await startPage.attestation.check();
      await startPage.attestation.press('Enter');
      await startPage.startNow.click({ force: true });
      await page.waitForTimeout(500);
      expect({ url: page.url(), requests: requests.all() }).toEqual({ url: expect.stringMatching(/\/$/), requests: [] });
    });

    await test.step('a question address', async () => {
      const requests = recordRequests(page);
      await page.goto(formatPath({ question: 'D1a' }));
      await expect(page.getByRole('heading', { name: 'This questionnaire needs JavaScript' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0);
      expect(requests.leaks()).toEqual([]);
    });
  });
});

test.describe('while the scripts are still loading', () => {
  /** The page's scripts (not its styles) arrive three seconds late, and not before `release()`. */
  let release = () => {};
  test.beforeEach(async ({ page }) => {
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/_next\/static\/.*\.js(\?|$)/, async (route) => {
      await Promise.all([gate, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      await route.continue();
    });
  });

  test('Start pressed before the scripts run says it is waiting, sends nothing, and is taken once they have run; the case then runs without naming a question', async ({ page, startPage, questionPage, summaryPage, resultPage }) => {
    test.setTimeout(90_000);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(startPage.startNow).toBeVisible();
    const requests = recordRequests(page);
    // Before hydration: Start is marked disabled and says why; Enter in the form and a press do not
    // submit it natively, but are remembered (the start page's inline script).
    await expect(startPage.startNow).toBeDisabled();
    await expect(startPage.startStatus).toHaveText('Checking for a case in progress…');
    await startPage.attestation.check();
    await startPage.attestation.press('Enter');
    await startPage.startNow.click({ force: true });
    await expect(startPage.startStatus).toHaveText('Checking for a case in progress… You will go on as soon as it is done.');
    await page.waitForTimeout(500);
    // Only the build's own files: the scripts, and the icon and manifest added after the first paint.
    const ownFiles = /\/_next\/static\/|\/icon\.svg\?|\/manifest\.webmanifest$|\/icons\/icon-\d+\.png$/;
    expect(requests.all().filter((r) => !ownFiles.test(r))).toEqual([]);
    expect(page.url()).toMatch(/\/$/);
    release();
    // The press is taken the moment the scripts have run and this tab is checked: the first question.
    await expect(page).toHaveURL(/#G1$/, { timeout: 20_000 });
    await settled(page);
    await page.unrouteAll({ behavior: 'wait' });

    // A whole case, with Change, Back and Forward: nothing names a question.
    await questionPage.answer('G1', 'positive_jerks');
    await questionPage.answer('G2', 'no');
    await questionPage.answer('G3', 'absent');
    await questionPage.answer('C1', 'chronic_months_to_years');
    await page.goBack();
    await questionPage.expectQuestion('C1');
    await page.goForward();
    await questionPage.expectQuestion('C2');
    await summaryPage.page.goto(formatPath('summary'));
    await settled(page);
    await summaryPage.expectOpen();
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await resultPage.changeAnswers.click();
    await summaryPage.expectOpen();
    await summaryPage.changeLink('D1').click();
    await questionPage.answer('D1', 'PME');
    await questionPage.expectQuestion('D1a');
    expect(requests.leaks()).toEqual([]);
  });
  test('a reload on a question shows that question at once, its saved answer ticked and nothing to press until the answers are read; then the form takes its place without moving and keeps the question’s title, and the early Continue sent nothing. An address the saved progress does not stand at shows the loading line only', async ({
    page,
    questionPage,
  }) => {
    test.setTimeout(60_000);
    const b2 = questionById('B2');
    const saved = b2.options[0]!;
    await saveInTab(page, serialise({ answers: { G1: 'both', A1: 'multifocal_independent', B2: saved.id }, position: { question: 'B2' }, attested: true }, content));

    await test.step('D1a, which these answers do not lead to (it follows PME): no question is shown', async () => {
      await page.goto(formatPath({ question: 'D1a' }), { waitUntil: 'commit' });
      await expect(questionPage.heading).toHaveText('Question');
      await expect(page.getByText('Loading your answers from this tab…').filter({ visible: true })).toHaveCount(1);
      await expect(page.getByText(questionById('D1a').prompt)).toBeHidden();
    });

    // Near misses of the picture: each of these shows the loading line, not B2.
    const atB2 = { contentVersion: content.version, answers: { G1: 'both', A1: 'multifocal_independent' }, position: { question: 'B2' }, attested: true };
    for (const [name, value] of [
      ['a red-flag answer among those set aside (a change may bring it back, with its notice above the question)', JSON.stringify({ ...atB2, setAside: { C4: ['rapidly_progressive_dementia'] } })],
      ['saved progress larger than any real session', JSON.stringify({ ...atB2, padding: 'x'.repeat(MAX_SAVED_BYTES) })],
    ] as const) {
      await test.step(name, async () => {
        await saveInTab(page, value);
        await page.goto(formatPath({ question: 'B2' }), { waitUntil: 'commit' });
        await expect(questionPage.heading).toHaveText('Question');
        await expect(page.getByText(b2.prompt)).toBeHidden();
      });
    }
    await saveInTab(page, serialise({ answers: { G1: 'both', A1: 'multifocal_independent', B2: saved.id }, position: { question: 'B2' }, attested: true }, content));

    await watchLayoutShifts(page);
    await page.goto('/icon.svg'); // a new document for B2, not a change of fragment
    await page.goto(formatPath({ question: 'B2' }), { waitUntil: 'commit' });
    await expect(questionPage.heading).toHaveText(b2.prompt);
    await expect(questionPage.choice('B2', saved.label)).toBeChecked();
    await expect(questionPage.choice('B2', saved.label)).toBeDisabled();
    await expect(questionPage.continueButton).toBeDisabled();
    const requests = recordRequests(page);
    await questionPage.continueButton.click({ force: true });
    await page.waitForTimeout(300);
    // Only the build's own files: the scripts, and the icon and manifest added after the first paint.
    const ownFiles = /\/_next\/static\/|\/icon\.svg\?|\/manifest\.webmanifest$|\/icons\/icon-\d+\.png$/;
    expect(requests.all().filter((r) => !ownFiles.test(r))).toEqual([]);
    // Where the heading stands once the press is made (a press on the sticky Continue may scroll
    // the page a few pixels to bring it wholly into view): the form must take its place without moving.
    const before = await questionPage.heading.boundingBox();

    release();
    await settled(page);
    await questionPage.expectQuestion('B2');
    await questionPage.expectAnswer('B2', saved.id);
    await expect(questionPage.continueButton).toBeEnabled();
    await expect(questionPage.progress).toBeVisible();
    expect(await questionPage.heading.boundingBox()).toEqual(before);
    expect(await layoutShift(page)).toBeLessThan(0.01);
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toBe(`${b2.prompt} — Myoclonus Navigator`);
  });
});

test('a full case, changed and changed back, asks nothing of the server that names a question', async ({ page, summaryPage, questionPage }) => {
  await openWithAnswers(page, loadVignette('V01').answers, 'summary');
  const requests = recordRequests(page);
  await summaryPage.changeLink('D1').click();
  await questionPage.answer('D1', 'none');
  await summaryPage.changeLink('D1').click();
  await questionPage.answer('D1', 'PME');
  await summaryPage.expectOpen();
  await summaryPage.changeLink('E1').click();
  await questionPage.expectQuestion('E1');
  await page.goBack();
  await summaryPage.expectOpen();
  expect(requests.leaks()).toEqual([]);
});
