/**
 * Faults a clinician may meet, through the real pages: saved progress that cannot be used (found on
 * opening a question page), a browser that will not store anything, and an address that does not
 * exist. Each time the page says what happened and offers a way on — never a blank page.
 */
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { formatPath } from '../../machines/flow/paths';
import { settleAnswers } from '../../machines/answers/answers';
import { serialise, STORAGE_KEY } from '../../machines/exchange/persistence';
import { RESULT_PICTURE_KEY } from '../../machines/exchange/storage-key';
import { expect, test } from '../support/fixtures';
import { failScriptHolding, holdRedFlagCheck, RED_FLAG_CHECK, settled } from '../support/pages';
import { clearTab, saveInTab } from '../support/session';
import { answerVignette } from '../support/answer-vignette';
import { answersOf, loadVignette } from '../support/vignettes';

const valid = { contentVersion: content.version, answers: { G1: 'positive_jerks' }, position: { question: 'G2' }, attested: true };
const savedProgress = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY);

/** Uncaught errors in the page: a fault must be handled, not crash a script. */
function uncaughtErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const faults = [
  { fault: 'malformed JSON', raw: '{"contentVersion":"1.0.0","answers":{', says: 'damaged (not valid JSON)' },
  {
    fault: 'values of the wrong types',
    raw: JSON.stringify({ contentVersion: content.version, answers: { G1: 42 }, position: 7, attested: 'yes' }),
    says: 'not in the expected form',
  },
  {
    fault: 'an unknown question id',
    raw: JSON.stringify({ ...valid, answers: { G1: 'positive_jerks', Q99: 'yes' } }),
    says: 'names a question (Q99) this questionnaire does not have',
  },
  { fault: 'an unknown option', raw: JSON.stringify({ ...valid, answers: { G1: 'made_up' } }), says: 'The saved answer to G1 is not one of its options' },
  {
    fault: 'another content version',
    raw: JSON.stringify({ ...valid, contentVersion: '0.9.0' }),
    says: `made with questionnaire version 0.9.0; this is version ${content.version}`,
  },
  {
    fault: 'a position these answers do not lead to',
    raw: JSON.stringify({ ...valid, answers: { G1: 'regular_oscillation_only' }, position: { question: 'A1' } }),
    says: 'points to a question that these answers do not lead to',
  },
  {
    fault: 'an oversized value (the whole saved progress)',
    raw: JSON.stringify({ ...valid, answers: { G1: 'x'.repeat(20_000) } }),
    says: 'larger than any real session',
  },
  {
    fault: 'an oversized value (one answer)',
    raw: JSON.stringify({ ...valid, answers: { G1: 'positive_jerks_'.repeat(6) } }),
    says: 'not in the expected form',
  },
];

test.describe('saved progress that cannot be used, found on opening a question page', () => {
  // One tab for all the faults: each is saved from the app's icon (no page of the app is open to find
  // and clear it first), then the question page is opened.
  test(`each fault — ${faults.map((f) => f.fault).join('; ')} — is named, and Start again leads to a working start page`, async ({
    page,
    startPage,
    questionPage,
  }) => {
    const errors = uncaughtErrors(page);
    for (const { fault, raw, says } of faults) {
      await test.step(fault, async () => {
        await saveInTab(page, raw);
        await page.goto(formatPath({ question: 'G2' }));

        await expect(startPage.storageProblem).toBeVisible();
        await expect(startPage.storageNotice).toContainText(says);
        await expect(startPage.storageNotice).toContainText('Start again to continue; nothing was sent anywhere.');
        await startPage.storageStartAgain.click();

        await expect(startPage.storageProblem).toBeHidden();
        await expect(page).toHaveURL(/\/$/);
        await expect(startPage.heading).toBeVisible();
        await expect.poll(() => savedProgress(page)).toBeNull();
        await startPage.start();
        await questionPage.expectAnswer('G1', undefined);
        expect(errors).toEqual([]);
      });
    }
  });
});

test.describe('a browser that will not store anything', () => {
  const blockers = [
    {
      name: 'session storage is denied (SecurityError)',
      block: () =>
        Object.defineProperty(window, 'sessionStorage', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        }),
    },
    {
      name: 'session storage is full (QuotaExceededError on every write)',
      block: () => {
        Storage.prototype.setItem = function setItem() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    },
  ];

  for (const { name, block } of blockers) {
    test(`${name}: the page warns that progress will not be saved, and the questionnaire still reaches a result`, async ({
      page,
      startPage,
      summaryPage,
      resultPage,
    }) => {
      const errors = uncaughtErrors(page);
      await page.addInitScript(block);
      const notice = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Progress will not be saved' }) });

      await startPage.goto();
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('your answers will be lost if you reload or close this tab');
      await expect(startPage.storageProblem).toBeHidden();

      const v20 = loadVignette('V20');
      // The gate mimic (G3) closes the bedside, never the safety screen.
      const asked = await answerVignette(page, v20);
      expect(asked).toEqual(['G1', 'G2', 'G3', 'C1', 'C1a', 'C2', 'C3', 'C4', 'C5', 'C6']);
      await summaryPage.expectOpen();
      await expect(summaryPage.changeLinks).toHaveCount(asked.length);
      await summaryPage.seeAssessment.click();
      await resultPage.expectOpen();
      await expect(resultPage.mimicHeading).toHaveText(/functional/i);

      await notice.getByRole('button', { name: 'Carry on' }).click();
      await expect(notice).toBeHidden();
      await expect(resultPage.heading).toBeVisible();
      expect(errors).toEqual([]);
    });
  }
});

test('a tab too full to save more gives back the answers it holds: the summary shows them, says progress will not be saved, and keeps them', async ({
  page,
  summaryPage,
}) => {
  const errors = uncaughtErrors(page);
  const v01 = settleAnswers(answersOf(loadVignette('V01')), content).answers;
  const saved = serialise({ answers: v01, position: 'summary', attested: true }, content);
  await saveInTab(page, saved);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/summary');
  await settled(page);
  await summaryPage.expectOpen();
  await expect(page.getByRole('heading', { name: 'Progress will not be saved' })).toBeVisible();
  await expect(summaryPage.changeLinks).toHaveCount(Object.keys(v01).length);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBe(saved);
  expect(errors).toEqual([]);
});

test.describe('an address that does not exist', () => {
  // An unknown page, and the old one-route-per-question addresses (which would tell the server the
  // question), are the not-found page's: it stays, says so, and leads back to a working start page.
  const addresses = ['/no-such-page', '/questionnaire/Z9', '/questionnaire/G2'];
  test(`${addresses.join(', ')} are answered 404 with "Page not found" and a link to a working start page`, async ({ page, startPage, chrome }) => {
    for (const address of addresses) {
      await test.step(address, async () => {
        await clearTab(page); // as in a new tab: nothing saved
        const response = await page.goto(address);
        expect(response?.status()).toBe(404);
        await settled(page);
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
        await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeFocused();
        await expect(page).toHaveURL(new RegExp(`${address}$`));
        await chrome.expectNotMedicalAdvice();
        await page.getByRole('main').getByRole('link', { name: 'Go to the start page' }).click();
        await expect(page).toHaveURL(/\/$/);
        await settled(page);
        await expect(startPage.heading).toBeVisible();
        await startPage.start();
      });
    }
  });
});

test.describe('a question address these answers cannot reach', () => {
  const fragments = ['Z9', '%', 'D1a'];
  test(`${fragments.map((f) => `/questionnaire#${f}`).join(', ')} with no answers lead to a working start page`, async ({ page, startPage }) => {
    for (const fragment of fragments) {
      await test.step(`/questionnaire#${fragment}`, async () => {
        await clearTab(page); // as in a new tab: no answers
        await page.goto(`/questionnaire#${fragment}`);
        await expect(page).toHaveURL(/\/$/);
        await settled(page);
        await expect(startPage.heading).toBeVisible();
        await startPage.start();
      });
    }
  });
});

test.describe('a red-flag check that does not arrive', () => {
  test('a question after the first section waits at most two seconds for it, then shows its form with a notice that red flags will show once the check is in; when it comes, the red flag shows', async ({
    page,
    questionPage,
  }) => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await holdRedFlagCheck(page, () => gate);
    // Acute onset raises a red flag, which only the check can show.
    await saveInTab(page, JSON.stringify({ contentVersion: content.version, answers: { G1: 'both', G2: 'no', G3: 'absent', C1: 'acute_hours_to_days' }, position: { question: 'C4' }, attested: true }));
    await page.goto(formatPath({ question: 'C4' }), { waitUntil: 'commit' });
    const late = page.getByRole('note').filter({ hasText: 'The red-flag check is still loading' });
    await expect(late).toBeVisible({ timeout: 10_000 });
    await questionPage.expectQuestion('C4');
    await expect(questionPage.continueButton).toBeEnabled();
    await expect(questionPage.redFlagNotice).toHaveCount(0);

    release();
    await expect(questionPage.redFlagNotice).toBeVisible();
    await expect(late).toHaveCount(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });
});

test.describe('a red-flag check that cannot load on the summary', () => {
  test('the summary says the red flags are not named there and offers a reload, instead of showing none', async ({ page }) => {
    // The check's script fails as a dropped connection would; acute onset raises a red flag only it can name.
    await failScriptHolding(page, RED_FLAG_CHECK);
    await saveInTab(page, JSON.stringify({ contentVersion: content.version, answers: { G1: 'both', G2: 'no', G3: 'absent', C1: 'acute_hours_to_days' }, position: 'summary', attested: true }));
    await page.goto('/summary');
    await settled(page);
    const missing = page.getByRole('alert').filter({ hasText: 'The red-flag check could not be loaded on this page' });
    await expect(missing).toBeVisible();
    await expect(missing.getByRole('button', { name: 'Reload the page' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Red flags? raised/ })).toHaveCount(0);
    // With the check in, the same summary names the red flag and says nothing is missing.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await missing.getByRole('button', { name: 'Reload the page' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { name: /Red flags? raised/ })).toBeVisible();
    await expect(missing).toHaveCount(0);
  });
});

/**
 * A script of the question page that fails as a dropped connection would: the page says so, keeps the
 * answers and nothing can be answered over them (the question stays a picture); Reload brings it.
 * Each script is told by a message only it holds.
 */
const missingScripts = [
  { script: 'the code that reads saved progress', holds: 'The saved progress in this tab is damaged', says: 'Your saved answers could not be read' },
  { script: 'the question form’s code (question-step.tsx)', holds: 'answers will be set aside', says: 'This question could not be loaded' },
];

for (const { script, holds, says } of missingScripts) {
  test.describe(`${script} does not load`, () => {
    test(`the page says "${says}", keeps the answers and nothing can be answered over them; Reload brings it`, async ({ page, questionPage }) => {
      await failScriptHolding(page, holds);
      const saved = JSON.stringify({ contentVersion: content.version, answers: { G1: 'both', G2: 'no', G3: 'absent' }, position: { question: 'C1' }, attested: true });
      await saveInTab(page, saved);
      await page.goto(formatPath({ question: 'C1' }));
      const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: says }) });
      await expect(alert).toBeVisible();
      // The question is shown as a picture (the page's inline script), nothing in it can be pressed.
      await expect(questionPage.continueButton).toBeDisabled();
      expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBe(saved);

      await page.unrouteAll({ behavior: 'ignoreErrors' });
      await alert.getByRole('button', { name: 'Reload the page' }).click();
      await questionPage.expectQuestion('C1');
      await expect(questionPage.continueButton).toBeEnabled();
      await expect(alert).toHaveCount(0);
    });
  });
}

/**
 * The pages that paint their answers from a picture before the scripts load (the summary, and the
 * result on a reload after it was shown), when the code that reads saved progress does not load.
 */
const pictured = [
  { page: 'the summary', path: '/summary', shown: '#summary-picture-shown', heading: 'Check your answers' },
  { page: 'the result', path: '/result', shown: '#result-picture-shown', heading: 'Assessment' },
];

for (const route of pictured) {
  test(`the code that reads saved progress does not load on ${route.page}: the answers’ picture gives way to the loading line, under the alert; Reload brings the page`, async ({
    page,
  }) => {
    const saved = serialise({ answers: settleAnswers(answersOf(loadVignette('V01')), content).answers, position: route.path === '/result' ? 'result' : 'summary', attested: true }, content);
    await saveInTab(page, saved);
    // The result keeps its picture once shown: the reload below finds it.
    if (route.path === '/result') {
      await page.goto('/result');
      await settled(page);
      await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), RESULT_PICTURE_KEY)).not.toBeNull();
    }
    await failScriptHolding(page, missingScripts[0]!.holds);
    await page.goto(route.path);
    const alert = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: missingScripts[0]!.says }) });
    await expect(alert).toBeVisible();
    // Its answers look like a page that works, and none of it does: they are not left under the alert.
    await expect(page.locator(route.shown)).toBeHidden();
    await expect(page.locator('main').getByText(/^(Change|Most likely)/)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Loading your answers from this tab…' })).toBeVisible();
    expect(await page.evaluate((key) => sessionStorage.getItem(key), STORAGE_KEY)).toBe(saved);

    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await settled(page);
    await expect(page.getByRole('heading', { level: 1, name: route.heading, exact: true })).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
}
