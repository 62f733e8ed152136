// Lighthouse (mobile preset) for a page that needs saved progress, such as a question page.
// Lighthouse's CLI cannot put anything in sessionStorage first, so this drives it through its Node
// API with a Puppeteer page that seeds the tab's storage before every navigation.
//
//   node scripts/lighthouse-session.mjs LIGHTHOUSE_DIR URL STORAGE_JSON
//
// STORAGE_JSON is what the tab's sessionStorage holds, as a JSON object of keys and values: saved
// progress, and on the result the picture the page kept of it (`{}` for nothing).
//
// LIGHTHOUSE_DIR is a separate install (npm install lighthouse@12 puppeteer-core@24 there), not a
// dependency of this project. Prints the scores, FCP, LCP (and its element), TBT and CLS as JSON, with the main thread's
// time by kind, its long tasks, and the blocking time its tasks would make from the time they ran
// on a CPU and from the time they took (`observed`, below).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const [dir, url, storage] = process.argv.slice(2);
const require = createRequire(join(dir, 'package.json'));
const lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default;
const puppeteer = (await import(pathToFileURL(require.resolve('puppeteer-core')).href)).default;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? chromiumPath,
  headless: true,
  args: chromiumArgs,
});
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument((entries) => {
    for (const [k, v] of Object.entries(JSON.parse(entries))) window.sessionStorage.setItem(k, v);
  }, storage);
  const result = await lighthouse(url, { disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'], logLevel: 'error' }, undefined, page);
  const { categories: c, audits } = result.lhr;
  // A run Lighthouse could not finish (its trace lost, the page not painted in time) has no scores:
  // it is said as a failure and exits non-zero, never reported as a score of 0.
  const failure = result.lhr.runtimeError?.code ?? (c.performance.score === null ? 'no performance score' : null);
  if (failure) {
    console.error(`lighthouse-session: the run failed (${failure}: ${result.lhr.runtimeError?.message ?? ''})`);
    process.exitCode = 1;
  } else printFigures(c, audits, result.lhr.finalDisplayedUrl, observedBlocking(result.artifacts.Trace?.traceEvents ?? []));
} finally {
  await browser.close();
}

/**
 * The blocking time of the page's main-thread tasks after its first paint, counted as Lighthouse
 * counts it (each task made 4× longer, less 50 ms) but from the trace as observed, twice: from the
 * time each task ran on a CPU (its thread time), and from the time it took (wall time). Lighthouse
 * simulates from the wall time, so a task that waited for a CPU counts as if it had worked all along.
 * The difference is time spent waiting for one of the machine's cores, which the browser's other
 * threads and Lighthouse itself share, not the page's work. Null when the trace has no first paint.
 */
function observedBlocking(events) {
  const paints = events.filter((e) => e.name === 'firstContentfulPaint');
  const fcp = paints[paints.length - 1];
  if (!fcp) return null;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === fcp.pid && e.tid === fcp.tid && e.ts >= fcp.ts);
  const blocking = (micros) => Math.round(tasks.reduce((sum, task) => sum + Math.max(0, (4 * (micros(task) ?? 0)) / 1000 - 50), 0));
  return { threadTime: blocking((t) => t.tdur), wallTime: blocking((t) => t.dur) };
}

/** The scores, FCP, LCP and its element, TBT, CLS, the main thread's time and its long tasks, as JSON. */
function printFigures(c, audits, finalUrl, observed) {
  const ms = (id) => Math.round(audits[id]?.numericValue ?? NaN);
  // The largest paint's element: the first node of the audit's table (Lighthouse 12's shape).
  const lcpItems = audits['largest-contentful-paint-element']?.details?.items ?? [];
  const lcpNode = lcpItems[0]?.items?.[0]?.node ?? lcpItems[0]?.node;
  // Where the main thread's time went, as Lighthouse simulates it on a phone (4× slower than this
  // machine): what to shorten when TBT is over, and in which tasks.
  const groups = Object.fromEntries((audits['mainthread-work-breakdown']?.details?.items ?? []).map((i) => [i.group, i.duration]));
  const known = ['scriptEvaluation', 'scriptParseCompile', 'styleLayout'];
  const mainThread = {
    script: Math.round((groups.scriptEvaluation ?? 0) + (groups.scriptParseCompile ?? 0)),
    styleLayout: Math.round(groups.styleLayout ?? 0),
    other: Math.round(Object.entries(groups).reduce((sum, [group, ms]) => (known.includes(group) ? sum : sum + ms), 0)),
  };
  const longTasks = (audits['long-tasks']?.details?.items ?? []).map((i) => Math.round(i.duration)).sort((a, b) => b - a);
  console.log(
    JSON.stringify({
      mainThread,
      longTasks,
      observed,
      performance: c.performance.score * 100,
      accessibility: c.accessibility.score * 100,
      bestPractices: c['best-practices'].score * 100,
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      lcpElement: lcpNode ? `${lcpNode.selector ?? ''} ${String(lcpNode.snippet ?? '').slice(0, 80)}` : '',
      consoleErrors: (audits['errors-in-console']?.details?.items ?? []).map((i) => String(i.description ?? i.source ?? '').slice(0, 120)),
      finalUrl,
    }),
  );
}
