/**
 * The one Playwright `test` of this project: the built-in fixtures plus an axe builder (WCAG 2.2 AA
 * tags) and the page objects. Specs import `test` and `expect` from here only.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { QuestionPage, ResultPage, SiteChrome, StartPage, SummaryPage } from './pages';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type TFixtures = {
  /** A fresh axe builder for the current page, limited to the WCAG A/AA tags. */
  axe: () => AxeBuilder;
  chrome: SiteChrome;
  startPage: StartPage;
  questionPage: QuestionPage;
  summaryPage: SummaryPage;
  resultPage: ResultPage;
};

export const test = base.extend<TFixtures>({
  // Playwright calls the second argument `use`; named `provide` here so React's hook lint leaves it be.
  // Legacy mode runs axe.run() in the page itself. The default opens a second, blank page to merge
  // the results of every frame, which more than doubles the time of each check; the pages of this
  // app have no frames, and the results are the same (same violations, passes and nodes).
  axe: async ({ page }, provide) => {
    await provide(() => new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true));
  },
  chrome: async ({ page }, provide) => provide(new SiteChrome(page)),
  startPage: async ({ page }, provide) => provide(new StartPage(page)),
  questionPage: async ({ page }, provide) => provide(new QuestionPage(page)),
  summaryPage: async ({ page }, provide) => provide(new SummaryPage(page)),
  resultPage: async ({ page }, provide) => provide(new ResultPage(page)),
});

export { expect };

/** Run axe and expect no violations, listing rule, impact and elements when there are some. */
export async function expectNoAxeViolations(axe: () => AxeBuilder) {
  const { violations } = await axe().analyze();
  expect(
    violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
  ).toEqual([]);
}
