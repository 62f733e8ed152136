/**
 * Accessibility: axe (WCAG 2.0/2.1 A and AA, 2.2 AA) finds no violation on any kind of page, in
 * light mode and, for the start, question and result pages, in dark mode.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../support/fixtures';
import type { QuestionPage, ResultPage, StartPage, SummaryPage } from '../support/pages';
import { openWithAnswers } from '../support/session';
import { loadVignette } from '../support/vignettes';

type TPages = { page: Page; startPage: StartPage; questionPage: QuestionPage; summaryPage: SummaryPage; resultPage: ResultPage };

const jerksAllUnknown = { G1: 'positive_jerks', G2: 'no', G3: 'absent' };

/** Each kind of page, opened and waited for. */
const pageKinds: Array<{ name: string; open: (p: TPages) => Promise<void> }> = [
  {
    name: 'start',
    open: async ({ startPage }) => {
      await startPage.goto();
      await expect(startPage.attestation).toBeVisible();
    },
  },
  {
    name: 'start with the error summary',
    open: async ({ startPage }) => {
      await startPage.goto();
      await startPage.startNow.click();
      await expect(startPage.errorSummary).toBeVisible();
      await expect(startPage.attestationError).toBeVisible();
    },
  },
  {
    name: 'a single-select question',
    open: async ({ startPage, questionPage }) => {
      await startPage.goto();
      await startPage.start();
      await questionPage.expectQuestion('G1');
    },
  },
  {
    name: 'a multi-select question',
    open: async ({ page, questionPage }) => {
      await openWithAnswers(page, { ...jerksAllUnknown, A1: 'focal' }, { question: 'A2' });
      await questionPage.choose('A2', ['hands_fingers', 'neck']);
      await expect(questionPage.checked).toHaveCount(2);
    },
  },
  {
    name: 'a question with the error summary',
    open: async ({ startPage, questionPage }) => {
      await startPage.goto();
      await startPage.start();
      await questionPage.continueButton.click();
      await expect(questionPage.errorSummary).toBeFocused();
    },
  },
  {
    name: 'saved progress that could not be used',
    open: async ({ page, startPage }) => {
      await page.addInitScript(() => sessionStorage.setItem('myoclonus-navigator.session', 'not json'));
      await page.goto('/');
      await expect(startPage.storageProblem).toBeVisible();
    },
  },
  {
    name: 'the summary',
    open: async ({ page, summaryPage }) => {
      await openWithAnswers(page, loadVignette('V01').answers, 'summary');
      await expect(summaryPage.changeLinks.first()).toBeVisible();
    },
  },
  {
    name: 'a determinate result (V01, cortical, DBS discussed)',
    open: async ({ page, resultPage }) => {
      await openWithAnswers(page, loadVignette('V01').answers, 'result');
      await expect(resultPage.dbsDiscussion).toBeVisible();
    },
  },
  {
    name: 'an indeterminate result',
    open: async ({ page, resultPage }) => {
      await openWithAnswers(page, { ...jerksAllUnknown, D1: 'none', E0: 'no' }, 'result');
      await expect(resultPage.categoryHeading).toHaveText(/^Indeterminate/);
      await expect(resultPage.missing).toBeVisible();
    },
  },
  {
    name: 'a mimic result (V20)',
    open: async ({ page, resultPage }) => {
      await openWithAnswers(page, loadVignette('V20').answers, 'result');
      await expect(resultPage.mimicHeading).toBeVisible();
    },
  },
  {
    name: 'a red-flag result (V22)',
    open: async ({ page, resultPage }) => {
      await openWithAnswers(page, loadVignette('V22').answers, 'result');
      await expect(resultPage.redFlagsHeading).toBeVisible();
    },
  },
  {
    name: 'the method and sources page',
    open: async ({ page }) => {
      await page.goto('/sources');
      await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
    },
  },
  {
    name: 'page not found',
    open: async ({ page }) => {
      await page.goto('/no-such-page');
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    },
  },
];

const darkToo = new Set(['start', 'a single-select question', 'a question with the error summary', 'a determinate result (V01, cortical, DBS discussed)', 'a red-flag result (V22)']);

for (const { name, open } of pageKinds) {
  test(`axe finds no violation: ${name}`, async ({ page, axe, startPage, questionPage, summaryPage, resultPage }) => {
    await open({ page, startPage, questionPage, summaryPage, resultPage });
    await expectNoAxeViolations(axe);
  });
}

for (const { name, open } of pageKinds.filter((k) => darkToo.has(k.name))) {
  test(`axe finds no violation in dark mode: ${name}`, async ({ page, axe, startPage, questionPage, summaryPage, resultPage }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open({ page, startPage, questionPage, summaryPage, resultPage });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await expectNoAxeViolations(axe);
  });
}
