/**
 * At the bedside on a phone (issue 22): at 320×640 and 390×844 every question page of every public
 * vignette shows its heading, its first choice and Continue on the first screen; no page is wider
 * than the screen; radios and checkboxes read at 3:1 or better in both colour schemes; a slow start
 * explains itself and then works.
 *
 * Each vignette is walked once: on each question page the open page is resized. A question page is
 * measured the first time the public vignettes, in order, reach it with what it shows above its
 * choices and in its bar (the question, the red flags raised so far, "See the red flags now", "Go to
 * the summary"); a vignette that reaches no page not measured before is not walked, and its summary
 * and result are opened from the tab instead. The layout is CSS
 * (media queries; no script measures the window), so resizing the open page shows what loading it at
 * that size does. The dark scheme changes colours and nothing else (tests/unit/colour-scheme.test.ts
 * fails otherwise), so the layout is measured in the light scheme only; the colours are checked in
 * both schemes below.
 */
import type { Page } from '@playwright/test';
import { createActor } from 'xstate';
import { content } from '../../content';
import { UNKNOWN } from '../../content/ids';
import type { TAnswers } from '../../machines/answers/answers';
import { questionnaireMachine } from '../../machines/flow/questionnaire.machine';
import { redFlagLabels, settledCheck, urgentCheck } from '../../machines/flow/shortcut-check';
import { expect, expectNoAxeViolations, test } from '../support/fixtures';
import type { QuestionPage } from '../support/pages';
import { controlColours, firstScreenPlace, overflowOf, PHONES, stateShortfalls } from '../support/phone';
import { openWithAnswers } from '../support/session';
import { answerVignette } from '../support/answer-vignette';
import { answersOf, loadVignette, vignetteIds } from '../support/vignettes';

const SCHEMES = ['light', 'dark'] as const;
const ON_FIRST_SCREEN = 'on the first screen';
const publicVignettes = vignetteIds('public');

test.use({ isMobile: true, hasTouch: true, viewport: PHONES[0] });

/**
 * Run `check` at each phone size, on the page as it is. The page is at 320×640 when a test starts and
 * after each call.
 */
async function atEverySize(page: Page, check: (what: string) => Promise<void>) {
  const [small, large] = PHONES;
  await check(`${small.width}×${small.height}`);
  await page.setViewportSize(large);
  await check(`${large.width}×${large.height}`);
  await page.setViewportSize(small);
}

async function expectQuestionFits(page: Page, questionPage: QuestionPage, id: string) {
  await atEverySize(page, async (where) => {
    // Measured together: one round trip to the page rather than four.
    const places = async () => {
      const [heading, firstChoice, continueButton, wider] = await Promise.all([
        firstScreenPlace(questionPage.heading),
        firstScreenPlace(questionPage.firstChoice),
        firstScreenPlace(questionPage.continueButton),
        overflowOf(page),
      ]);
      return { heading, 'first choice': firstChoice, Continue: continueButton, 'wider than the screen by': wider };
    };
    await expect.poll(places, { message: `${id} at ${where}` }).toEqual({
      heading: ON_FIRST_SCREEN,
      'first choice': ON_FIRST_SCREEN,
      Continue: ON_FIRST_SCREEN,
      'wider than the screen by': 0,
    });
  });
}

async function expectNoOverflow(page: Page, what: string) {
  await atEverySize(page, (where) => expect.poll(() => overflowOf(page), { message: `${what} at ${where}` }).toBe(0));
}

/**
 * What a question page shows that can move its heading, first choice or Continue: the question, the
 * red flags raised so far (listed above the heading), and the buttons of its bar. Worked out by the
 * flow machine itself, walking a vignette the way `answerVignette` does.
 */
function pagesOf(answers: TAnswers): { question: string; shows: string }[] {
  const flow = createActor(questionnaireMachine, { input: { content, settledCheck, urgentCheck } }).start();
  flow.send({ type: 'session.start', attested: true });
  const pages: { question: string; shows: string }[] = [];
  while (flow.getSnapshot().matches('question')) {
    const { question, answers: sofar } = flow.getSnapshot().context;
    pages.push({ question: question!, shows: [question, redFlagLabels(sofar).join('; '), urgentCheck(sofar), settledCheck(sofar)].join(' | ') });
    flow.send({ type: 'answer.submit', question: question!, value: answers[question!] ?? UNKNOWN });
  }
  return pages;
}

/** For each public vignette, the question pages measured on its walk: those no earlier vignette showed. */
const measuredOn = (() => {
  const seen = new Set<string>();
  return new Map(
    publicVignettes.map((id) => {
      const fresh = pagesOf(answersOf(loadVignette(id))).filter((p) => !seen.has(p.shows));
      fresh.forEach((p) => seen.add(p.shows));
      return [id, new Set(fresh.map((p) => p.question))] as const;
    }),
  );
})();

for (const id of publicVignettes) {
  const measure = measuredOn.get(id)!;
  if (measure.size === 0) {
    test(`${id}: every question page it reaches was measured on an earlier walk; its summary and result are no wider than the screen`, async ({ page, summaryPage, resultPage }) => {
      await openWithAnswers(page, loadVignette(id).answers, 'summary');
      await summaryPage.expectOpen();
      await expectNoOverflow(page, 'the summary');
      await openWithAnswers(page, loadVignette(id).answers, 'result');
      await resultPage.expectOpen();
      await expectNoOverflow(page, 'the result');
    });
    continue;
  }
  test(`${id}: on each question page not measured before (${measure.size}), the heading, the first choice and Continue are on the first screen at 320×640 and 390×844; no page is wider than the screen; the result opens at its top`, async ({ page, chrome, startPage, questionPage, summaryPage, resultPage }) => {
    test.setTimeout(120_000);
    await startPage.goto();
    await test.step('the start page: Start now on the first screen', async () => {
      await expect.poll(() => firstScreenPlace(startPage.startNow)).toBe(ON_FIRST_SCREEN);
      await expectNoOverflow(page, 'the start page');
    });
    const asked = await answerVignette(page, loadVignette(id), { onQuestion: (q) => (measure.has(q) ? expectQuestionFits(page, questionPage, q) : Promise.resolve()) });
    // The pages measured were chosen by walking the flow machine (pagesOf): the browser asked the same.
    expect(asked).toEqual(pagesOf(answersOf(loadVignette(id))).map((p) => p.question));
    await summaryPage.expectOpen();
    await expectNoOverflow(page, 'the summary');
    await summaryPage.seeAssessment.click();
    await resultPage.expectOpen();
    await test.step('the result opens at its top, the header and the disclaimer in view', async () => {
      await expect(chrome.homeLink).toBeInViewport({ ratio: 1 });
      await expect(chrome.disclaimer).toBeInViewport({ ratio: 1 });
      await expect(chrome.disclaimer).toContainText('Not medical advice.');
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      await expectNoOverflow(page, 'the result');
    });
  });
}

test('the method page and page not found are no wider than the screen, and the one-line disclaimer leads to the whole of it', async ({ page, chrome }) => {
  await page.goto('/no-such-page');
  await expectNoOverflow(page, 'page not found');
  await page.goto('/sources');
  await expectNoOverflow(page, 'the method page');
  await expect(chrome.disclaimer).toContainText('Not medical advice.');
  await chrome.disclaimer.getByRole('link', { name: 'Read the disclaimer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Not medical advice' })).toBeInViewport();
});

test.describe('radios and checkboxes', () => {
  const early = { G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: 'over_50', C3: 'progressive', C4: ['none'], C5: 'none', C6: ['none'], D1: 'none', E0: 'no', B6: 'none', B1: 'no', B2: 'yes' };

  test('checked and unchecked, each at 3:1 or better against the page in light and dark, a chosen one filled (not only ticked); axe finds no violation', async ({ page, axe, questionPage }) => {
    test.setTimeout(60_000);
    for (const [question, choose] of [
      ['G3', 'absent'],
      ['B3', ['touch_or_stretch_local_jerk', 'visual_or_flashing_light']],
    ] as const) {
      await openWithAnswers(page, early, { question });
      await questionPage.choose(question, choose);
      await expect(questionPage.checked).toHaveCount(typeof choose === 'string' ? 1 : choose.length);
      for (const scheme of SCHEMES) {
        await page.emulateMedia({ colorScheme: scheme });
        await test.step(`${question}, ${scheme}`, async () => {
          const colours = await controlColours(page);
          expect(colours.some((c) => c.checked) && colours.some((c) => !c.checked)).toBe(true);
          expect(colours.flatMap(stateShortfalls)).toEqual([]);
          await expectNoAxeViolations(axe);
        });
      }
    }
  });
});

test('at 320×640, keyboard focus never goes under the sticky Continue bar: each choice of a long question is scrolled into view above it', async ({ page, questionPage }) => {
  await openWithAnswers(page, { G1: 'positive_jerks', G2: 'no', G3: 'absent', C1: 'chronic_months_to_years', C2: 'over_50', C3: 'progressive', C4: ['none'], C5: 'none' }, { question: 'C6' });
  const choices = questionPage.page.getByRole('main').getByRole('checkbox');
  const count = await choices.count();
  expect(count).toBeGreaterThan(8);
  await questionPage.heading.focus();
  const covered: string[] = [];
  for (let i = 0; i < count; ) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    if ((await focused.getAttribute('type')) !== 'checkbox') continue;
    i += 1;
    const place = await focused.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit === el ? 'in view' : `covered by <${hit?.tagName.toLowerCase()}>`;
    });
    if (place !== 'in view') covered.push(`${await focused.getAttribute('value')}: ${place}`);
  }
  expect(covered).toEqual([]);
});

test('the summary, at 320×640 light and dark: no axe violation, and its rows compact enough that "See the assessment" is within four screens for a whole case', async ({
  page,
  axe,
  summaryPage,
}) => {
  await openWithAnswers(page, loadVignette('V01').answers, 'summary');
  await expect(summaryPage.changeLinks.first()).toBeVisible();
  const screens = await summaryPage.seeAssessment.evaluate((el) => (el.getBoundingClientRect().bottom + window.scrollY) / window.innerHeight);
  expect(screens).toBeLessThanOrEqual(4);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await test.step(`axe, ${scheme}`, () => expectNoAxeViolations(axe));
  }
});

test('on a slow connection (400 kbps, 400 ms), Start says it is checking for a case in progress, remembers a press made meanwhile, and then starts', async ({
  page,
  startPage,
  questionPage,
}) => {
  test.setTimeout(90_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(startPage.startStatus).toHaveText('Checking for a case in progress…');
  await expect(startPage.startNow).toBeDisabled();
  await startPage.attestation.check();
  // Pressed while still checking: a real tap on the spot, which the page must not ignore.
  await startPage.startNow.click({ force: true });
  await expect(startPage.startStatus).toHaveText('Checking for a case in progress… You will go on as soon as it is done.');
  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveURL(/#G1$/, { timeout: 60_000 });
  await questionPage.expectQuestion('G1');
});

test('a press of Start without the box ticked, while checking, is answered at once: tick the box first', async ({ page, startPage }) => {
  // The scripts are held back: the page is as a slow connection paints it, before they have run.
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(startPage.startStatus).toHaveText('Checking for a case in progress…');
  await startPage.startNow.click({ force: true });
  await expect(startPage.startStatus).toHaveText('Tick the box above first, then press Start now.');
  release();
  await expect(startPage.startNow).toBeEnabled({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/$/);
});
