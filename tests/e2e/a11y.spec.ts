/**
 * Accessibility: axe (WCAG 2.0/2.1 A and AA, 2.2 AA) finds no violation on any kind of page, in
 * light mode and, for the start and question pages, in dark mode. The result pages (a category with
 * DBS discussed, a red-flag result, a mimic and an indeterminate one) are checked light and dark at
 * 320 and 1280 wide in tests/e2e/result.spec.ts; this spec checks one more indeterminate result.
 *
 * Each test opens one page and checks it in every state and colour scheme it is listed for: the
 * colour scheme is a CSS media query, so switching it on the open page shows what loading the page
 * in it would.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../support/fixtures';
import { openWithAnswers } from '../support/session';
import { loadVignette } from '../support/vignettes';

const jerksAllUnknown = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };

/** axe on the page as it is, in the given colour scheme (a labelled step in the report). */
async function expectNoViolations(page: Page, axe: Parameters<typeof expectNoAxeViolations>[0], what: string, scheme: 'light' | 'dark' = 'light') {
  await test.step(`axe: ${what}, ${scheme} mode`, async () => {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await expectNoAxeViolations(axe);
  });
}

test('axe finds no violation: the start page, light and dark, and with the error summary', async ({ page, axe, startPage }) => {
  await startPage.goto();
  await expect(startPage.attestation).toBeVisible();
  await expectNoViolations(page, axe, 'start');
  await expectNoViolations(page, axe, 'start', 'dark');

  await startPage.startNow.click();
  await expect(startPage.errorSummary).toBeVisible();
  await expect(startPage.attestationError).toBeVisible();
  await expectNoViolations(page, axe, 'start with the error summary');
});

test('axe finds no violation: a single-select question, and with the error summary, light and dark', async ({ page, axe, startPage, questionPage }) => {
  await startPage.goto();
  await startPage.start();
  await questionPage.expectQuestion('G1');
  await expectNoViolations(page, axe, 'a single-select question');
  await expectNoViolations(page, axe, 'a single-select question', 'dark');

  await questionPage.continueButton.click();
  await expect(questionPage.errorSummary).toBeFocused();
  await expectNoViolations(page, axe, 'a question with the error summary', 'dark');
  await expectNoViolations(page, axe, 'a question with the error summary');
});

test('axe finds no violation: a multi-select question', async ({ page, axe, questionPage }) => {
  await openWithAnswers(page, { ...jerksAllUnknown, A1: 'focal' }, { question: 'A2' });
  await questionPage.choose('A2', ['hands_fingers', 'neck']);
  await expect(questionPage.checked).toHaveCount(2);
  await expectNoViolations(page, axe, 'a multi-select question');
});

test('axe finds no violation: saved progress that could not be used', async ({ page, axe, startPage }) => {
  await page.addInitScript(() => sessionStorage.setItem('myoclonus-navigator.session', 'not json'));
  await page.goto('/');
  await expect(startPage.storageProblem).toBeVisible();
  await expectNoViolations(page, axe, 'saved progress that could not be used');
});

test('axe finds no violation: the summary', async ({ page, axe, summaryPage }) => {
  await openWithAnswers(page, loadVignette('V01').answers, 'summary');
  await expect(summaryPage.changeLinks.first()).toBeVisible();
  await expectNoViolations(page, axe, 'the summary');
});

test('axe finds no violation: an indeterminate result', async ({ page, axe, resultPage }) => {
  await openWithAnswers(page, { ...jerksAllUnknown, D1: 'none', E0: 'no' }, 'result');
  await expect(resultPage.categoryHeading).toHaveText(/^Indeterminate/);
  await expect(resultPage.missing).toBeVisible();
  await expectNoViolations(page, axe, 'an indeterminate result');
});

test('axe finds no violation: the method and sources page, and page not found', async ({ page, axe }) => {
  await page.goto('/sources');
  await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
  await expectNoViolations(page, axe, 'the method and sources page');

  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoViolations(page, axe, 'page not found');
});
