/**
 * Page objects: what a clinician sees on each page, as locators found the way assistive technology
 * finds them (roles, accessible names, labels). No CSS selectors, no test ids.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { content } from '../../content';
import type { TQuestion } from '../../content/schema';
import type { TAnswerValue } from '../../machines/answers/answers';
import { formatPath } from '../../machines/flow/paths';

/** The address of a question page, as a pattern: `/questionnaire#G2`. */
export const questionUrl = (id: string) => new RegExp(`${formatPath({ question: id }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const UNKNOWN_LABEL = 'Unknown / not assessed';

const questionsById = new Map(content.questions.map((q) => [q.id, q]));

export function questionById(id: string): TQuestion {
  const q = questionsById.get(id);
  if (!q) throw new Error(`no question ${id} in the content`);
  return q;
}

/** The labels a clinician ticks for an answer: option labels, or "Unknown / not assessed". */
export function labelsFor(q: TQuestion, value: TAnswerValue | undefined): string[] {
  if (value === undefined || value === 'unknown') return [UNKNOWN_LABEL];
  const ids = typeof value === 'string' ? [value] : [...value];
  if (ids.includes('unknown')) return [UNKNOWN_LABEL];
  return ids.map((id) => {
    const option = q.options.find((o) => o.id === id);
    if (!option) throw new Error(`${id} is not an option of ${q.id}`);
    return option.hint ? `${option.label} ${option.hint}` : option.label;
  });
}

/** What every page shares: the header, the "Not medical advice" banner and the footer. */
export class SiteChrome {
  readonly disclaimer: Locator;
  readonly homeLink: Locator;
  readonly methodLink: Locator;

  constructor(readonly page: Page) {
    this.disclaimer = page.getByRole('region', { name: 'Disclaimer' });
    this.homeLink = page.getByRole('banner').getByRole('link', { name: 'Myoclonus Navigator' });
    this.methodLink = page.getByRole('banner').getByRole('link', { name: 'Method and sources' });
  }

  async expectNotMedicalAdvice() {
    await expect(this.disclaimer).toBeVisible();
    await expect(this.disclaimer).toContainText('Not medical advice.');
  }
}

/** The GOV.UK error summary and the saved-progress notice, which any flow page can show. */
class Notices {
  readonly errorSummary: Locator;
  readonly storageProblem: Locator;
  readonly storageNotice: Locator;
  readonly storageStartAgain: Locator;

  constructor(page: Page) {
    this.errorSummary = page.getByRole('alert', { name: 'There is a problem' });
    this.storageProblem = page.getByRole('heading', { name: 'Saved progress could not be used' });
    this.storageNotice = page.getByRole('alert').filter({ has: this.storageProblem });
    this.storageStartAgain = this.storageNotice.getByRole('button', { name: 'Start again' });
  }
}

export class StartPage extends Notices {
  readonly heading: Locator;
  readonly attestation: Locator;
  readonly startNow: Locator;
  readonly continueWhereLeft: Locator;
  readonly startAgain: Locator;
  readonly attestationError: Locator;
  /** The line under Start now: what is happening while this tab is checked for a case in progress. */
  readonly startStatus: Locator;
  /** Start again's notification banner and its Undo button. */
  readonly cleared: Locator;
  readonly undo: Locator;

  constructor(readonly page: Page) {
    super(page);
    this.cleared = page.getByRole('region', { name: 'Your answers were cleared' });
    this.undo = this.cleared.getByRole('button', { name: 'Undo: bring my answers back' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Myoclonus Navigator' });
    this.attestation = page.getByLabel(/^I am a licensed clinician/);
    this.startNow = page.getByRole('button', { name: 'Start now' });
    // A link to where the flow stands; a button on the start page itself (Back from the first question).
    this.continueWhereLeft = page.getByRole('main').getByRole('link', { name: 'Continue where you left off' }).or(page.getByRole('main').getByRole('button', { name: 'Continue where you left off' }));
    this.startAgain = page.getByRole('main').getByRole('button', { name: 'Start again' });
    this.attestationError = page.getByRole('link', { name: /^Confirm that you are a licensed clinician/ });
    this.startStatus = page.getByRole('main').getByRole('status').filter({ hasText: /case in progress|^Tick the box above first/ });
  }

  async goto() {
    await this.page.goto('/');
    await settled(this.page);
  }

  async start() {
    await this.attestation.check();
    await this.startNow.click();
    await expect(this.page).toHaveURL(questionUrl('G1'));
  }
}

export class QuestionPage extends Notices {
  readonly heading: Locator;
  readonly continueButton: Locator;
  readonly back: Locator;
  readonly checked: Locator;
  readonly skipSection: Locator;
  readonly goToSummary: Locator;
  readonly seeRedFlags: Locator;
  readonly progress: Locator;
  readonly redFlagNotice: Locator;

  constructor(readonly page: Page) {
    super(page);
    this.heading = page.getByRole('heading', { level: 1 });
    this.continueButton = page.getByRole('button', { name: 'Continue' });
    this.skipSection = page.getByRole('button', { name: 'Skip the rest of this section', exact: true });
    this.goToSummary = page.getByRole('button', { name: 'Go to the summary', exact: true });
    this.seeRedFlags = page.getByRole('button', { name: 'See the red flags now', exact: true });
    this.progress = page.getByRole('main').getByText(/^Question \d+ of up to \d+/);
    this.redFlagNotice = page.getByRole('note').filter({ has: page.getByRole('heading', { name: /^Red flags? raised/ }) });
    this.back = page.getByRole('main').getByRole('link', { name: /^(‹ )?Back$/ });
    this.checked = page.getByRole('main').getByRole('radio', { checked: true }).or(page.getByRole('main').getByRole('checkbox', { checked: true }));
  }

  /** The first choice of the question on screen (radio or checkbox). */
  get firstChoice(): Locator {
    return this.page.getByRole('main').getByRole('radio').or(this.page.getByRole('main').getByRole('checkbox')).first();
  }

  /** The id of the question on screen, from the address. */
  async currentId(): Promise<string> {
    return new URL(this.page.url()).hash.slice(1);
  }

  /** The group of choices, named by its legend (the question). */
  group(id: string): Locator {
    return this.page.getByRole('group', { name: questionById(id).prompt });
  }

  /** One choice of a question, by its label (an option with a hint is named by both). */
  choice(id: string, label: string): Locator {
    const q = questionById(id);
    const role = q.kind === 'single' ? 'radio' : 'checkbox';
    const hint = q.options.find((o) => o.label === label)?.hint;
    return this.page.getByRole(role, { name: hint ? `${label} ${hint}` : label, exact: true });
  }

  async expectQuestion(id: string) {
    await expect(this.page).toHaveURL(questionUrl(id));
    await expect(this.heading).toHaveText(questionById(id).prompt);
  }

  /** The answer shown ticked: exactly these labels, or none at all. */
  async expectAnswer(id: string, value: TAnswerValue | undefined) {
    if (value === undefined) {
      await expect(this.checked).toHaveCount(0);
      return;
    }
    const labels = labelsFor(questionById(id), value);
    for (const label of labels) await expect(this.choice(id, label)).toBeChecked();
    await expect(this.checked).toHaveCount(labels.length);
  }

  /** Tick the answer (clearing other boxes of a checkbox group) without continuing. */
  async choose(id: string, value: TAnswerValue | undefined) {
    const q = questionById(id);
    const labels = labelsFor(q, value);
    if (q.kind === 'multi' && (await this.checked.count()) > 0) {
      for (const option of [...q.options.map((o) => o.label), UNKNOWN_LABEL]) {
        const box = this.choice(id, option);
        if (!labels.includes(option) && (await box.isChecked())) await box.uncheck();
      }
    }
    for (const label of labels) await this.choice(id, label).check();
  }

  /** Answer the question on screen and continue; waits until the page has moved on. */
  async answer(id: string, value: TAnswerValue | undefined) {
    await this.expectQuestion(id);
    await this.submit(id, value);
  }

  /**
   * The same, for a caller that has just checked that this question is on screen (the model's state
   * check): tick the answer, continue, and wait until the page has moved on.
   */
  async submit(id: string, value: TAnswerValue | undefined) {
    await this.choose(id, value);
    await this.continueButton.click();
    await expect(this.page).not.toHaveURL(questionUrl(id));
  }
}

export class SummaryPage {
  readonly heading: Locator;
  readonly changeLinks: Locator;
  readonly seeAssessment: Locator;
  readonly back: Locator;
  readonly main: Locator;
  /** "N answers set aside", the heading of the answers a change has set aside. */
  readonly setAsideHeading: Locator;
  readonly setAside: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.setAsideHeading = page.getByRole('heading', { level: 2, name: /^\d+ answers? set aside$/ });
    this.setAside = page.getByRole('region', { name: /^\d+ answers? set aside$/ });
    this.heading = page.getByRole('heading', { level: 1, name: 'Check your answers' });
    this.changeLinks = page.getByRole('link', { name: /^Change your answer to: / });
    this.seeAssessment = page.getByRole('button', { name: 'See the assessment' });
    this.back = page.getByRole('main').getByRole('link', { name: /^(‹ )?Back$/ });
  }

  changeLink(id: string): Locator {
    return this.page.getByRole('link', { name: `Change your answer to: ${questionById(id).prompt}`, exact: true });
  }

  /** The answers of one section, a region named by the section's title. */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }

  async expectOpen() {
    await expect(this.page).toHaveURL(/\/summary$/);
    await expect(this.heading).toBeVisible();
  }
}

export class ResultPage {
  readonly heading: Locator;
  readonly mimicHeading: Locator;
  readonly redFlagsHeading: Locator;
  readonly categoryHeading: Locator;
  readonly dbsDiscussion: Locator;
  readonly dbsNoTarget: Locator;
  readonly backToAnswers: Locator;
  readonly changeAnswers: Locator;
  readonly startAgain: Locator;
  readonly ranking: Locator;
  readonly missing: Locator;
  readonly sources: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Assessment' });
    this.mimicHeading = page.getByRole('heading', { level: 2, name: /^Possibly not myoclonus:/ });
    this.redFlagsHeading = page.getByRole('heading', { level: 2, name: /^Red flags:/ });
    this.categoryHeading = page.getByRole('heading', { level: 2, name: /^(Most likely physiological category|Indeterminate)/ });
    this.dbsDiscussion = page.getByRole('region', { name: 'Deep brain stimulation: what the literature discusses' });
    this.dbsNoTarget = page.getByRole('region', { name: 'Deep brain stimulation', exact: true });
    this.backToAnswers = page.getByRole('link', { name: 'Back to your answers' });
    this.changeAnswers = page.getByRole('link', { name: 'Change your answers' });
    this.startAgain = page.getByRole('main').getByRole('button', { name: 'Start again' });
    this.ranking = page.getByRole('region', { name: 'Why: the categories ranked' });
    this.missing = page.getByRole('region', { name: 'What would change this' });
    this.sources = page.getByRole('region', { name: 'Sources cited' });
  }

  async expectOpen() {
    await expect(this.page).toHaveURL(/\/result$/);
    await expect(this.heading).toBeVisible();
  }
}

/** A sentence only the red-flag check's code holds (machines/assessment/settled.ts): marks its script. */
export const RED_FLAG_CHECK = 'a red flag can still be raised or cleared';

/** Make the page's script that holds `text` fail as a dropped connection would; every other loads. */
export async function failScriptHolding(page: Page, text: string) {
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(text)) await route.abort('internetdisconnected');
    else await route.fulfill({ response, body });
  });
}

/**
 * Hold back the red-flag check, which a question page loads after its first scripts: its script is
 * answered only once `until()` (called when it is asked for) settles.
 */
export async function holdRedFlagCheck(page: Page, until: () => Promise<unknown>) {
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes(RED_FLAG_CHECK)) await until();
    await route.fulfill({ response, body });
  });
}

/**
 * How far the page moves by itself while it loads: from the next page load on, the browser's
 * layout-shift scores are summed (Cumulative Layout Shift); `layoutShift` reads the sum so far.
 */
export async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShiftSum: number };
    w.layoutShiftSum = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.layoutShiftSum += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { layoutShiftSum: number }).layoutShiftSum);

/**
 * Wait until the page is hydrated and has read saved progress. A choice made before that would be
 * lost when the form remounts with the saved answer, so tests wait for it after a load or reload.
 * Saved progress is read after hydration (its validator loads on its own): until then the start
 * page's "Start now" is marked disabled (aria-disabled: a press is remembered, not lost) and the
 * other pages of the flow show a placeholder heading.
 */
export async function settled(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    if (!main || !Object.keys(main).some((key) => key.startsWith('__reactFiber'))) return false;
    if (main.querySelector('h1[data-loading]')) return false;
    const start = [...main.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start now');
    return !start || (!start.disabled && start.getAttribute('aria-disabled') !== 'true');
  });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
