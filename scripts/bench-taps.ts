/**
 * Taps and scrolls on a phone, for `npm run bench` (and alone: `npx tsx scripts/bench-taps.ts`).
 *
 * A clinician with a 320×640 phone walks each public vignette (tests/vignettes/V*.json) through the
 * real pages of the static build, from the start page to the result's first screen, twice:
 *  - "Continue": the file's answer ticked and Continue pressed on every question;
 *  - "shortcuts": every shortcut the page offers taken — "Skip the rest of this section" when the file
 *    has nothing more for the section, "Go to the summary" as soon as it is offered.
 * A tap is one press (a tick, a button). Before each tap the thing to press must be in view and
 * not covered (the point at its centre is the thing itself); when it is not, the page is swiped,
 * one swipe moving at most 90% of a screen, and each swipe counts as a scroll. The summary's length
 * in screens is printed too. Prints, never fails.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';
import { flowContent } from '../content/flow';
import { resolveAnswers, type TAnswerValue } from '../machines/answers/answers';
import { parsePath } from '../machines/flow/paths';
import { loadVignette, vignetteIds } from '../tests/support/vignettes';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = resolve(__dirname, '..');
const PORT = Number(process.env.BENCH_TAPS_PORT ?? 3305);
export const PHONE = { width: 320, height: 640 } as const;
/** One swipe moves at most this share of a screen. */
const SWIPE = 0.9;

type TMode = 'continue' | 'shortcuts';
export type TTapFigures = {
  vignette: string;
  mode: TMode;
  taps: number;
  scrolls: number;
  questionPages: number;
  /** Question pages on which something had to be scrolled to. */
  pagesScrolled: number;
  /** The summary in screens, down to "See the assessment". */
  summaryScreens: number;
  /** Where the swipes were needed: the page, and what was to be tapped. */
  swipedFor: string[];
};

/** Swipe until `target` is in view and not covered; the number of swipes. */
async function bringIntoReach(page: Page, target: Locator): Promise<number> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('nothing to tap');
  let swipes = 0;
  for (;;) {
    // Passed as text: the TypeScript runner's helpers do not exist inside the page.
    const away = await handle.evaluate<number, HTMLElement>((el) => {
      const r = el.getBoundingClientRect();
      const y = r.top + Math.min(r.height, 40) / 2;
      const x = r.left + r.width / 2;
      if (y >= 0 && y < innerHeight) {
        const hit = document.elementFromPoint(x, y);
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
        if (hit && (hit === el || el.contains(hit) || hit === label || (label && label.contains(hit)))) return 0;
      }
      // How far to move: its centre to the middle of the screen.
      return y - innerHeight / 2 || 1;
    });
    if (away === 0 || swipes > 40) return swipes;
    const step = Math.sign(away) * Math.min(Math.abs(away), PHONE.height * SWIPE);
    const before = await page.evaluate(() => scrollY);
    await page.evaluate((dy) => window.scrollBy(0, dy), step);
    swipes += 1;
    // Nowhere further to go (covered for good): stop counting.
    if ((await page.evaluate(() => scrollY)) === before) return swipes;
  }
}

/** The question's address, or 'summary', 'result', null. */
function where(page: Page): { question: string } | 'summary' | 'result' | null {
  const { pathname, hash } = new URL(page.url());
  const p = parsePath(pathname, hash);
  if (p === 'summary' || p === 'result') return p;
  return p !== null && typeof p !== 'string' && p.question ? { question: p.question } : null;
}

async function settledPage(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    if (!main || !Object.keys(main).some((k) => k.startsWith('__reactFiber'))) return false;
    if (main.querySelector('h1[data-loading]')) return false;
    const start = [...main.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start now');
    return !start || !(start as HTMLButtonElement).disabled;
  });
  await page.waitForLoadState('networkidle');
  // The "Go to the summary" offer is worked out a frame after the question paints.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 50))));
}

async function walkVignette(browser: Browser, base: string, vignetteId: string, mode: TMode): Promise<TTapFigures> {
  const { answers, id } = loadVignette(vignetteId);
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const figures: TTapFigures = { vignette: id, mode, taps: 0, scrolls: 0, questionPages: 0, pagesScrolled: 0, summaryScreens: 0, swipedFor: [] };
  let scrolledHere = false;
  const tap = async (target: Locator) => {
    const swipes = await bringIntoReach(page, target);
    figures.scrolls += swipes;
    if (swipes > 0) {
      scrolledHere = true;
      const what = await target.evaluate((el) => (el instanceof HTMLInputElement ? `${el.name}=${el.value}` : (el.textContent ?? '').trim()));
      figures.swipedFor.push(`${new URL(page.url()).hash || new URL(page.url()).pathname} ${what} (${swipes})`);
    }
    figures.taps += 1;
    // A plain click where it stands: the swipes above brought it into reach.
    await target.click({ noWaitAfter: true });
  };
  try {
    await page.goto(`${base}/`);
    await settledPage(page);
    await tap(page.getByLabel(/^I am a licensed clinician/));
    await tap(page.getByRole('button', { name: 'Start now' }));
    await page.waitForURL(/#G1$/);
    const asked = new Set<string>();
    for (;;) {
      await settledPage(page);
      const here = where(page);
      if (here === 'summary' || here === 'result') break;
      if (here === null) throw new Error(`${id}: lost at ${page.url()}`);
      const qid = here.question;
      if (asked.has(qid)) throw new Error(`${id}: ${qid} asked twice`);
      asked.add(qid);
      figures.questionPages += 1;
      scrolledHere = false;
      const main = page.getByRole('main');
      const skip = main.getByRole('button', { name: 'Skip the rest of this section', exact: true });
      const restEmpty = mode === 'shortcuts' && (await skip.count()) > 0 && sectionRestIsEmpty(qid, answers);
      if (restEmpty) {
        await tap(skip);
      } else {
        const value = answers[qid] ?? 'unknown';
        const values = typeof value === 'string' ? [value] : value;
        for (const v of values) await tap(page.locator(`main input[name="${qid}"][value="${v}"]`));
        const toSummary = main.getByRole('button', { name: 'Go to the summary', exact: true });
        // The offer follows the choice on the page: give it its frame.
        await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 50))));
        if (mode === 'shortcuts' && (await toSummary.count()) > 0) await tap(toSummary);
        else await tap(main.getByRole('button', { name: 'Continue', exact: true }));
      }
      if (scrolledHere) figures.pagesScrolled += 1;
      await page.waitForURL((u) => !u.hash.endsWith(`#${qid}`));
    }
    await page.waitForURL(/\/summary$/);
    await settledPage(page);
    figures.summaryScreens = await page
      .getByRole('button', { name: 'See the assessment' })
      .evaluate((el) => (el.getBoundingClientRect().bottom + scrollY) / innerHeight);
    await tap(page.getByRole('button', { name: 'See the assessment' }));
    await page.waitForURL(/\/result$/);
  } finally {
    await context.close();
  }
  return figures;
}

/** Whether the file has nothing for this question and the rest of its section (as the page lists them). */
function sectionRestIsEmpty(qid: string, answers: Record<string, TAnswerValue>): boolean {
  // The questions the file's answers enable: what the page asks next.
  const enabled = resolveAnswers(answers, flowContent).enabled;
  const at = enabled.findIndex((q) => q.id === qid);
  const section = enabled[at]?.section ?? flowContent.questions.find((q) => q.id === qid)?.section;
  const rest = at < 0 ? [qid] : enabled.slice(at).filter((q) => q.section === section).map((q) => q.id);
  return rest.every((id) => answers[id] === undefined);
}

export async function tapFigures(browser: Browser, base: string): Promise<TTapFigures[]> {
  const out: TTapFigures[] = [];
  for (const id of vignetteIds('public')) for (const mode of ['continue', 'shortcuts'] as const) out.push(await walkVignette(browser, base, id, mode));
  return out;
}

export function printTapFigures(figures: TTapFigures[]) {
  console.log(`\nTaps and scrolls at ${PHONE.width}×${PHONE.height}, start page to the result (a swipe moves at most ${SWIPE * 100}% of a screen):`);
  const head = ['vignette', 'questions', 'Continue: taps', 'scrolls', 'pages scrolled', 'shortcuts: taps', 'scrolls', 'pages scrolled', 'summary, screens to its button'];
  const rows = vignetteIds('public').map((id) => {
    const c = figures.find((x) => x.vignette === id && x.mode === 'continue');
    const s = figures.find((x) => x.vignette === id && x.mode === 'shortcuts');
    const cell = (x: TTapFigures | undefined) => (x ? [String(x.taps), String(x.scrolls), `${x.pagesScrolled} of ${x.questionPages}`] : ['—', '—', '—']);
    return [id, String(c?.questionPages ?? '—'), ...cell(c), ...cell(s), c ? c.summaryScreens.toFixed(1) : '—'];
  });
  const total = (mode: TMode, key: 'taps' | 'scrolls') => figures.filter((x) => x.mode === mode).reduce((a, x) => a + x[key], 0);
  rows.push(['total', '', String(total('continue', 'taps')), String(total('continue', 'scrolls')), '', String(total('shortcuts', 'taps')), String(total('shortcuts', 'scrolls')), '', '']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  if (process.env.BENCH_TAPS_DETAIL) for (const f of figures) if (f.swipedFor.length > 0) console.log(`${f.vignette} ${f.mode}: ${f.swipedFor.join('; ')}`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once('error', () => done(false))
      .once('listening', () => probe.close(() => done(true)))
      .listen(port, '127.0.0.1');
  });
}

/** Its own server on its own port (BENCH_TAPS_PORT, default 3305), the build made if missing. */
export async function benchTaps(): Promise<void> {
  if (!existsSync(join(root, 'out/index.html'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!(await portFree(PORT))) {
    console.log(`taps and scrolls: port ${PORT} is in use, set BENCH_TAPS_PORT to a free one`);
    return;
  }
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: [...chromiumArgs] });
  try {
    server = spawn(process.execPath, [join(root, 'scripts/serve.mjs')], { cwd: root, stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT) } });
    const base = `http://127.0.0.1:${PORT}`;
    for (let i = 0; i < 100 && !(await fetch(`${base}/`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
    printTapFigures(await tapFigures(browser, base));
  } finally {
    await browser.close();
    server?.kill();
  }
}

if (require.main === module) {
  benchTaps().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
