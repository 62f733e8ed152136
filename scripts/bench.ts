/**
 * bench — speed and size figures against their budgets. Prints; never fails a build.
 *
 *   npm run bench            (builds first if there is no production build)
 *
 * Measures, on the static build served as `npm start` serves it (scripts/serve.mjs), in headless
 * Chromium:
 *  - first-load JavaScript (compressed bytes transferred) of the start page, a question page, the
 *    summary and the result, against a bare Next.js page built with the same versions and served by
 *    the same server (`npm test` enforces the budgets of scripts/size-check.mjs);
 *  - the lazily loaded PDF code, and that no first load fetches it;
 *  - a question step: Continue pressed until the next question is painted (median, p95);
 *  - PDF generation in the browser (median of several runs, code already loaded) and its size;
 *  - assessments per second of the pure assessment over random answer sets;
 *  - requests per second for a question page, with `wrk` (Debian package) on loopback, if installed;
 *  - Lighthouse mobile, where it is installed (LIGHTHOUSE_DIR: a separate install, see
 *    scripts/lighthouse-session.mjs): every route (start, a question, the summary, the result, the
 *    sources), three runs each, interleaved with the bare Next page (the floor: what any page of this
 *    framework scores on this machine at that moment); the median and the spread of each, against the
 *    floor's median in the same run; and, beside Lighthouse's blocking time, the same count made from
 *    the trace as observed, from the time the main thread's tasks ran on a CPU and from the time they
 *    took: what is the page's own work, and what is waiting for one of this machine's cores;
 *  - then, as a step of its own (scripts/bench-taps.ts), the taps and scrolls a clinician needs on a
 *    320×640 phone for each public vignette, pressing Continue every time and taking every shortcut.
 *
 * Times depend on the machine being idle. Every timed figure carries the load average (1 minute)
 * and the number of other processes running, both taken before and after it was measured; above one
 * busy process per core besides the bench's own (`load`) the figure is not comparable and the bench
 * says so instead of reporting it (BENCH_UNDER_LOAD=1 prints it anyway, marked). Sizes are bytes and
 * do not depend on the load.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from '@playwright/test';
import { content } from '../content/index';
import type { TAnswers } from '../machines/answers/answers';
import { assess } from '../machines/assessment/assess';
import type { TPosition } from '../machines/flow/paths';
import { serialise, STORAGE_KEY } from '../machines/exchange/session-format';
import { RESULT_PICTURE_KEY } from '../machines/exchange/storage-key';
import { shortcutFigures } from './bench-shortcuts';
import { benchTaps } from './bench-taps';
import { answersOf, loadVignette } from '../tests/support/vignettes';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = resolve(__dirname, '..');
const nextBin = join(root, 'node_modules/next/dist/bin/next');
const serveScript = join(root, 'scripts/serve.mjs');
/** The app's port, and the bare page's next to it (BENCH_PORT: another engineer's bench may hold 3301). */
const APP_PORT = Number(process.env.BENCH_PORT ?? 3301);
/** A question page, and the one a session saved midway (at B2) opens. */
// The question sits in the fragment, which never reaches the server: wrk asks for the page itself.
const QUESTION_PATH = '/questionnaire';
const MIDWAY_PATH = '/questionnaire#B2';
const BARE_PORT = APP_PORT + 1;

const budgets = {
  firstLoadRatio: 1.25,
  stepP95Ms: 50,
  requestsPerSecond: 2000,
  pdfMs: 1000,
  pdfBytes: 150_000,
  assessPerSecond: 10_000,
  /** Each route's median performance within this many points of the floor's median, same run. */
  lighthouseBelowFloor: 2,
  /** The question page's blocking time within this many ms of the floor's (medians, same run). */
  questionTbtOverFloorMs: 50,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 100,
};

const CORES = cpus().length;
/**
 * How busy the machine is with other work, taken between measures (when the bench itself is idle):
 * the processes running besides this one, sampled ten times over half a second from /proc/loadavg
 * (its fourth field, running/total), the median; and the load average over the last minute, which
 * the bench's own Chromium and Lighthouse raise too, so it is printed but does not decide. Where
 * /proc/loadavg is missing, the load average decides.
 */
async function load(): Promise<{ now: number; others: number }> {
  const now = loadavg()[0] ?? 0;
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    try {
      const running = Number(/ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'))?.[1] ?? NaN);
      if (Number.isFinite(running)) samples.push(Math.max(0, running - 1));
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { now, others: samples.length > 0 ? median(samples) : now };
}
const underLoadAnyway = process.env.BENCH_UNDER_LOAD === '1';
/**
 * Report a timed figure with how busy the machine was. When other work kept more than one process
 * a core running at any moment the bench looked, the figure is not comparable: said instead of the
 * figure, unless BENCH_UNDER_LOAD=1.
 */
function reportTimed(what: string, figure: string, budget: string, ok: boolean | null, loads: { now: number; others: number }[]) {
  const average = Math.max(...loads.map((l) => l.now));
  const others = Math.max(...loads.map((l) => l.others));
  const tag = `load average ${average.toFixed(2)}, ${others} other running, ${CORES} cores`;
  if (others <= CORES) return report(`${what} [${tag}]`, figure, budget, ok);
  if (underLoadAnyway) return report(`${what} [${tag}: NOT COMPARABLE]`, figure, budget, null);
  report(`${what} [${tag}]`, 'not comparable: machine busy', budget, null);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
const verdict = (ok: boolean) => (ok ? 'within budget' : 'OVER BUDGET');
const rows: string[][] = [];
const report = (what: string, figure: string, budget: string, ok: boolean | null) =>
  rows.push([what, figure, budget, ok === null ? '—' : verdict(ok)]);

function build(dir: string) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  // This project's build is `next build` and then scripts/postbuild.mjs (CSP, service worker).
  if (dir === root) execFileSync('npm', ['run', '--silent', 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
  else execFileSync(process.execPath, [nextBin, 'build'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** A static build (`out/` of dir) served as `npm start` serves it. */
async function serve(dir: string, port: number): Promise<ChildProcess> {
  // Another server on the port would be measured in place of this build.
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is already in use: set BENCH_PORT to a free one`);
  const child = spawn(process.execPath, [serveScript, join(dir, 'out')], { cwd: root, stdio: 'ignore', env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) } });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.status < 500) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`server on port ${port} did not start`);
}

/** A bare Next.js app (one <h1>) with this project's exact versions: the floor of the stack. */
function bareApp(): string {
  // Inside the project (git-ignored), so it resolves this project's node_modules.
  const version = JSON.parse(readFileSync(join(root, 'node_modules/next/package.json'), 'utf8')).version;
  const dir = join(root, 'bench-results', `bare-next-${version}`);
  if (existsSync(join(dir, 'out/index.html'))) return dir;
  mkdirSync(join(dir, 'app'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "bare", "private": true }\n');
  writeFileSync(join(dir, 'next.config.js'), "module.exports = { output: 'export', typescript: { ignoreBuildErrors: true } };\n");
  writeFileSync(join(dir, 'app/layout.tsx'), 'export default function L({ children }: { children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html>; }\n');
  writeFileSync(join(dir, 'app/page.tsx'), 'export default function P() { return <h1>Bare page</h1>; }\n');
  build(dir);
  // Compressed as this app's build is, so both are measured as the same server sends them.
  execFileSync(process.execPath, [join(root, 'scripts/postbuild.mjs'), '--compress-only', join(dir, 'out')]);
  return dir;
}

/** The scripts a page's HTML starts: the loader's list (scripts/postbuild.mjs), or plain <script src> tags. */
function scriptsInHtml(html: string, base: string): Set<string> {
  const loader = /var scripts = (\[.*?\]);/s.exec(html);
  const listed = loader ? (JSON.parse(loader[1]!) as { src: string }[]).map((x) => x.src) : [];
  const tags = [...html.matchAll(/<script\b(?![^>]*\bnomodule)[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!);
  return new Set([...listed, ...tags].map((src) => new URL(src, base).pathname));
}

/**
 * Compressed bytes of every script a page loads on first visit, by URL, until the network is idle:
 * `first`, the ones its HTML starts (first-load JS, as scripts/size-check.mjs counts it), and
 * `later`, the ones the page's code asks for once it runs (the saved-progress validator, the
 * shortcuts' proofs).
 */
async function firstLoadScripts(browser: Browser, url: string, before?: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (before) await before(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, { url: string; type: string }>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  const inHtml = scriptsInHtml((await response?.text()) ?? '', url);
  await page.waitForTimeout(300);
  const first = new Map<string, number>();
  const later = new Map<string, number>();
  for (const info of types.values()) {
    // The noModule polyfill chunk is never fetched by modern browsers' first load in the field.
    if (info.type !== 'Script' || /polyfill/.test(info.url)) continue;
    // Counted as scripts/size-check.mjs and issue 12 count them: each file's body, gzip-compressed
    // (headers and the server's choice of encoding left out, so both pages are measured alike).
    const body = Buffer.from(await (await fetch(info.url)).arrayBuffer());
    (inHtml.has(new URL(info.url).pathname) ? first : later).set(info.url, gzipSync(body).length);
  }
  await context.close();
  return { first, later };
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
/**
 * Bytes a first visit to the start page really transfers, offline included: the page, then the
 * service worker's precache, counted on the wire (headers included) by a proxy in front of the
 * server, until the service worker controls the page. `npm run size` computes the same from the
 * build's files; this checks that the browser gets the compressed copies it counts.
 */
async function firstVisitOnTheWire(browser: Browser, appPort: number): Promise<number> {
  let bytes = 0;
  const proxy = createServer((client) => {
    const upstream = connect(appPort, '127.0.0.1');
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await page.waitForLoadState('networkidle');
    return bytes;
  } finally {
    await context.close();
    proxy.close();
  }
}


const vignette = (id: string): TAnswers => answersOf(loadVignette(id));

/** What a tab's sessionStorage holds, by key. */
type TTabStorage = Record<string, string>;

/**
 * The tab after V01's result was shown on a phone's screen (Lighthouse's mobile one): its saved
 * progress, and the picture the result keeps of itself (components/result/result-picture.tsx). A
 * load of the result's address is a reload of a result already shown; this is what it finds.
 */
async function tabAfterResult(browser: Browser, base: string): Promise<TTabStorage> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await seedSession(vignette('V01'), 'result')(page);
    await page.goto(`${base}/result`);
    await page.waitForFunction((key) => sessionStorage.getItem(key) !== null, RESULT_PICTURE_KEY);
    return await page.evaluate(() => Object.fromEntries(Object.entries(sessionStorage)));
  } finally {
    await context.close();
  }
}

function seedSession(answers: TAnswers, position: TPosition) {
  return async (page: Page) => {
    const saved = serialise({ answers, position, attested: true }, content);
    await page.addInitScript(([key, value]) => window.sessionStorage.setItem(key!, value!), [STORAGE_KEY, saved]);
  };
}

/** Continue pressed until the next question's heading is painted, for each step of a full run. */
async function stepTimes(browser: Browser, base: string): Promise<number[]> {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.getByLabel(/I am a licensed clinician/).check();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.waitForURL('**/questionnaire#G1');
  const answers = vignette('V01');
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    // The question is the address's fragment (machines/flow/paths.ts): `/questionnaire#G1`. The address
    // and the page's inputs change in separate commits: wait until they agree.
    // (A function, not a string: the page's CSP has no 'unsafe-eval'.)
    await page.waitForFunction(
      () => location.pathname !== '/questionnaire' || (location.hash.length > 1 && document.querySelector(`input[name="${location.hash.slice(1)}"]`) !== null),
    );
    const id = /\/questionnaire#(\w+)$/.exec(page.url())?.[1];
    if (!id) break;
    const value = answers[id];
    const values = value === undefined ? ['unknown'] : typeof value === 'string' ? [value] : value;
    for (const v of values) await page.locator(`input[name="${id}"][value="${v}"]`).check();
    // Passed as text: the TypeScript runner's helpers do not exist inside the page. The new heading
    // is seen by a MutationObserver as soon as React commits it; "painted" is the task after the
    // next animation frame (rAF, then a message-channel task, which runs once that frame is drawn).
    const ms = await page.evaluate<number>(`new Promise((done) => {
      const before = document.querySelector('h1')?.textContent;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Continue');
      const afterPaint = (t0) => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now() - t0);
        channel.port2.postMessage(null);
      });
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        const now = document.querySelector('h1')?.textContent;
        if (now && now !== before) { observer.disconnect(); afterPaint(t0); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      button.click();
    })`);
    times.push(ms);
    await page.waitForLoadState('networkidle');
    if (page.url().endsWith('/summary')) break;
  }
  await page.close();
  return times;
}

/** Press "Download PDF recap" several times; the first press also loads the PDF code. */
async function pdfFigures(browser: Browser, base: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await seedSession(vignette('V01'), 'result')(page);
  const lazy = new Map<string, number>();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await page.goto(`${base}/result`, { waitUntil: 'networkidle' });
  const types = new Map<string, { url: string; type: string }>();
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const info = types.get(e.requestId);
    if (info?.type === 'Script') lazy.set(info.url, e.encodedDataLength);
  });
  const button = page.getByRole('button', { name: /Download PDF recap/ });
  await button.waitFor({ timeout: 5000 });
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 8; i++) {
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    const elapsed = Date.now() - t0;
    bytes = path ? readFileSync(path).length : 0;
    if (i > 0) times.push(elapsed); // the first run includes loading the code
    await page.waitForTimeout(100);
  }
  await context.close();
  return { times, bytes, lazy };
}

function reportPdf(pdf: { times: number[]; bytes: number; lazy: Map<string, number> }, firstLoadUrls: Set<string>, loads: { now: number; others: number }[]) {
  const pdfCode = [...pdf.lazy.entries()];
  const leaked = pdfCode.filter(([u]) => firstLoadUrls.has(new URL(u).pathname));
  report('PDF code, loaded on first press only', kib(pdfCode.reduce((a, [, b]) => a + b, 0)), 'never in a first load', leaked.length === 0 && pdfCode.length > 0);
  reportTimed(`PDF generation, code loaded (median of ${pdf.times.length})`, `${median(pdf.times).toFixed(0)} ms`, `≤ ${budgets.pdfMs} ms`, median(pdf.times) <= budgets.pdfMs, loads);
  report('PDF size (V01, progressive myoclonus epilepsy)', `${(pdf.bytes / 1000).toFixed(1)} kB`, `≤ ${budgets.pdfBytes / 1000} kB`, pdf.bytes <= budgets.pdfBytes);
}

function randomAnswerSets(n: number): TAnswers[] {
  let seed = 20261124;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const answers: Record<string, string | string[]> = {};
    for (const q of content.questions) {
      if (rand() < 0.2) continue;
      const options = q.options.map((o) => o.id);
      if (q.kind === 'single') answers[q.id] = options[Math.floor(rand() * options.length)]!;
      else {
        const free = options.filter((o) => !q.exclusive.includes(o));
        const picked = free.filter(() => rand() < 0.3);
        answers[q.id] = picked.length ? picked : [options[Math.floor(rand() * options.length)]!];
      }
    }
    return answers;
  });
}

function assessmentsPerSecond(): number {
  const sets = randomAnswerSets(20_000);
  for (const a of sets.slice(0, 500)) assess(a, content); // warm up
  const t0 = performance.now();
  for (const a of sets) assess(a, content);
  return sets.length / ((performance.now() - t0) / 1000);
}

type TLighthouse = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  lcpElement: string;
  /** Main-thread time by kind, simulated as on a phone: scripts (evaluation and compiling), style and layout, the rest. */
  mainThread: { script: number; styleLayout: number; other: number };
  /** The long tasks' durations, longest first: TBT is what each has beyond 50 ms. */
  longTasks: number[];
  /**
   * The same blocking time worked out from the trace as observed (not simulated): from the time the
   * main thread's tasks ran on a CPU, and from the time they took (lighthouse-session.mjs).
   */
  observed: { threadTime: number; wallTime: number } | null;
};

/**
 * Lighthouse mobile, from a separate install named by LIGHTHOUSE_DIR (a folder where
 * `npm install lighthouse@12 puppeteer-core@24` was run). Seeded with saved progress, so a question
 * page is measured as a clinician sees it rather than as a redirect to the start page. Null when
 * Lighthouse is not installed or the run failed.
 */
function lighthouse(url: string, storage: TTabStorage): TLighthouse | null {
  const dir = process.env.LIGHTHOUSE_DIR;
  if (!dir || !existsSync(join(dir, 'node_modules/lighthouse'))) return null;
  try {
    const out = execFileSync(process.execPath, [join(root, 'scripts/lighthouse-session.mjs'), dir, url, JSON.stringify(storage)], {
      env: { ...process.env, CHROME_PATH: chromiumPath },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString();
    return JSON.parse(out) as TLighthouse;
  } catch {
    return null;
  }
}

const LIGHTHOUSE_RUNS = 3;

/**
 * Every route and the floor, `LIGHTHOUSE_RUNS` rounds, interleaved (floor, start, question, …, then
 * again), so that a change of the machine's load touches them alike. Per route: the median
 * performance and its spread, against the floor's median; the medians of FCP, LCP and TBT; the
 * load average at its runs.
 */
async function lighthouseFigures(routes: { name: string; url: string; storage: TTabStorage; lcpIsFcp: boolean }[]) {
  const dir = process.env.LIGHTHOUSE_DIR;
  if (!dir || !existsSync(join(dir, 'node_modules/lighthouse'))) {
    report('Lighthouse mobile', 'not installed (set LIGHTHOUSE_DIR)', '—', null);
    return;
  }
  // A first run warms the browser's and the server's caches; its figures are not kept.
  lighthouse(routes[0]!.url, routes[0]!.storage);
  const runs = new Map(routes.map((r) => [r.name, [] as TLighthouse[]]));
  // A run Lighthouse could not finish is said as failed, never counted as a score of 0. It is tried
  // once more in its place, so that each route still has its runs: the failures seen here are
  // Lighthouse losing its own trace (NO_NAVSTART), on the question page and on the summary alike.
  const failed = new Map(routes.map((r) => [r.name, 0]));
  const loads = new Map(routes.map((r) => [r.name, [] as { now: number; others: number }[]]));
  for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
    for (const route of routes) {
      loads.get(route.name)!.push(await load());
      let result: TLighthouse | null = null;
      for (let attempt = 0; attempt < 2 && !result; attempt++) {
        result = lighthouse(route.url, route.storage);
        if (!result) failed.set(route.name, failed.get(route.name)! + 1);
      }
      loads.get(route.name)!.push(await load());
      if (result) runs.get(route.name)!.push(result);
    }
  }
  const of = (name: string, key: 'performance' | 'fcp' | 'lcp' | 'tbt') => runs.get(name)!.map((r) => r[key]);
  const floor = routes[0]!.name;
  const floorPerformance = median(of(floor, 'performance'));
  const floorTbt = median(of(floor, 'tbt'));
  for (const route of routes) {
    const results = runs.get(route.name)!;
    const l = loads.get(route.name)!;
    if (results.length === 0) {
      report(`Lighthouse, ${route.name}`, 'failed', '—', false);
      continue;
    }
    const performance = of(route.name, 'performance');
    const isFloor = route.name === floor;
    const perf = median(performance);
    reportTimed(
      `Lighthouse performance, ${route.name} (${results.length} runs: ${performance.map((p) => p.toFixed(0)).join(' · ')}${failed.get(route.name) ? `; ${failed.get(route.name)} failed, run again` : ''})`,
      `median ${perf.toFixed(0)}, spread ${(Math.max(...performance) - Math.min(...performance)).toFixed(0)}`,
      isFloor ? '(the floor)' : `≥ floor ${floorPerformance.toFixed(0)} − ${budgets.lighthouseBelowFloor}`,
      isFloor ? null : perf >= floorPerformance - budgets.lighthouseBelowFloor,
      l,
    );
    const fcp = median(of(route.name, 'fcp'));
    const lcp = median(of(route.name, 'lcp'));
    const tbt = median(of(route.name, 'tbt'));
    const lcpSameAsFcp = results.every((r) => r.lcp === r.fcp);
    const isQuestion = route.name.startsWith('question');
    reportTimed(
      `  FCP / LCP / TBT, medians${results[0]!.lcpElement ? ` (LCP: ${results[0]!.lcpElement})` : ''}`,
      `${fcp} / ${lcp} / ${tbt} ms${route.lcpIsFcp ? `, LCP = FCP in ${results.filter((r) => r.lcp === r.fcp).length} of ${results.length}` : ''}`,
      route.lcpIsFcp ? 'LCP = FCP' : isQuestion ? `TBT ≤ floor ${floorTbt} + ${budgets.questionTbtOverFloorMs} ms` : '—',
      route.lcpIsFcp ? lcpSameAsFcp : isQuestion ? tbt <= floorTbt + budgets.questionTbtOverFloorMs : null,
      l,
    );
    // Where the blocking time comes from, in the run with the median TBT: which kind of work, and how
    // it is cut into tasks.
    const typical = [...results].sort((a, b) => a.tbt - b.tbt)[Math.floor((results.length - 1) / 2)]!;
    report(
      '  main thread, the median run (simulated phone)',
      `script ${typical.mainThread.script} · style and layout ${typical.mainThread.styleLayout} · other ${typical.mainThread.other} ms; long tasks ${typical.longTasks.join(' · ') || 'none'} ms`,
      '—',
      null,
    );
    // How much of the blocking time is the page's own work: the same count from the time its tasks
    // ran on a CPU, beside the count from the time they took, which Lighthouse simulates from.
    const observed = results.flatMap((r) => (r.observed ? [r.observed] : []));
    if (observed.length > 0)
      report(
        '  blocking time as observed, ×4 (medians): from CPU time · from wall time',
        `${median(observed.map((o) => o.threadTime)).toFixed(0)} · ${median(observed.map((o) => o.wallTime)).toFixed(0)} ms`,
        '—',
        null,
      );
    if (isFloor) continue;
    const accessibility = Math.min(...results.map((r) => r.accessibility));
    const bestPractices = Math.min(...results.map((r) => r.bestPractices));
    report(`  accessibility / best practices, lowest of the runs`, `${accessibility} / ${bestPractices}`, `= ${budgets.lighthouseAccessibility} / ${budgets.lighthouseBestPractices}`, accessibility >= budgets.lighthouseAccessibility && bestPractices >= budgets.lighthouseBestPractices);
  }
}

/**
 * Requests per second for one page, with wrk (Debian package `wrk`) on loopback: 2 threads, 64
 * connections, 10 s. Null where wrk is not installed.
 */
function requestsPerSecond(url: string): { perSecond: number; errors: number } | null {
  let text: string;
  try {
    text = execFileSync('wrk', ['-t2', '-c64', '-d10s', '--latency', url], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return null;
  }
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const errors = non2xx + (socket ? socket.slice(1).reduce((a, n) => a + Number(n), 0) : 0);
  return { perSecond, errors };
}

async function measure(browser: Browser, appBase: string, bareBase: string) {
  const floor = sum((await firstLoadScripts(browser, `${bareBase}/`)).first);
  report('first-load JS, bare Next.js page (the floor)', kib(floor), '—', null);
  // Each page as a reload of it mid-case shows it (the question page at B2, as Lighthouse's audit).
  const midway = { answers: { G1: 'both', A1: 'multifocal_independent' }, position: { question: 'B2' } } as const;
  const pages: [string, string, ((p: Page) => Promise<void>) | undefined][] = [
    ['start page', '/', undefined],
    ['question page', MIDWAY_PATH, seedSession(midway.answers, midway.position)],
    ['summary', '/summary', seedSession(vignette('V01'), 'summary')],
    ['result', '/result', seedSession(vignette('V01'), 'result')],
    ['sources', '/sources', undefined],
  ];
  const firstLoadUrls = new Set<string>();
  for (const [name, path, before] of pages) {
    const { first, later } = await firstLoadScripts(browser, `${appBase}${path}`, before);
    for (const u of first.keys()) firstLoadUrls.add(new URL(u).pathname);
    const bytes = sum(first);
    const ratio = bytes / floor;
    const isQuestion = name === 'question page';
    report(`first-load JS, ${name}`, `${kib(bytes)} (${ratio.toFixed(2)}×)`, isQuestion ? `≤ ${budgets.firstLoadRatio}×` : '—', isQuestion ? ratio <= budgets.firstLoadRatio : null);
    report(`  then loaded by its code before the network is idle`, kib(sum(later)), '—', null);
  }

  const wire = await firstVisitOnTheWire(browser, APP_PORT);
  report('first visit to the start page, offline included, on the wire (npm run size counts the files)', `${wire.toLocaleString('en-GB')} bytes`, '< 500,000 bytes', wire < 500_000);

  const stepLoads = [await load()];
  const steps = await stepTimes(browser, appBase);
  stepLoads.push(await load());
  reportTimed(`question step, Continue → next question painted (${steps.length} steps)`, `median ${median(steps).toFixed(1)} ms, p95 ${quantile(steps, 0.95).toFixed(1)} ms`, `p95 ≤ ${budgets.stepP95Ms} ms`, quantile(steps, 0.95) <= budgets.stepP95Ms, stepLoads);

  const pdfLoads = [await load()];
  const pdf = await pdfFigures(browser, appBase).catch((error: unknown) => {
    report('PDF figures', `failed: ${String(error).split('\n')[0]}`, '—', false);
    return null;
  });
  pdfLoads.push(await load());
  if (pdf) reportPdf(pdf, firstLoadUrls, pdfLoads);
}

async function main() {
  const shortcuts = shortcutFigures();
  report(`question pages visited with the shortcuts, over ${shortcuts.files} vignettes (${shortcuts.pages} of ${shortcuts.enabled})`, shortcuts.ratio.toFixed(3), '≤ 0.85', shortcuts.ratio <= 0.85);
  report('  the same with section skips alone', shortcuts.skipOnlyRatio.toFixed(3), '—', null);
  report('results changed by the shortcuts', String(shortcuts.wrong.length), '0', shortcuts.wrong.length === 0);
  const assessLoads = [await load()];
  const perSecond = assessmentsPerSecond();
  assessLoads.push(await load());
  reportTimed('assessments per second (pure function, random answers)', perSecond.toFixed(0), `≥ ${budgets.assessPerSecond}`, perSecond >= budgets.assessPerSecond, assessLoads);

  if (!existsSync(join(root, 'out/index.html'))) build(root);
  const bareDir = bareApp();
  const servers: ChildProcess[] = [];
  try {
    servers.push(await serve(root, APP_PORT), await serve(bareDir, BARE_PORT));
    const appBase = `http://127.0.0.1:${APP_PORT}`;
    const browser = await chromium.launch({ executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: [...chromiumArgs] });
    let resultTab: TTabStorage;
    try {
      await measure(browser, appBase, `http://127.0.0.1:${BARE_PORT}`);
      resultTab = await tabAfterResult(browser, appBase);
    } finally {
      await browser.close();
    }

    const wrkLoads = [await load()];
    const rps = requestsPerSecond(`${appBase}${QUESTION_PATH}`);
    wrkLoads.push(await load());
    if (!rps) report('question page, requests per second (wrk)', 'wrk not installed (apt-get install wrk)', '—', null);
    else reportTimed(`question page, requests per second (wrk, loopback, ${rps.errors} errors)`, rps.perSecond.toFixed(0), `≥ ${budgets.requestsPerSecond}, no errors`, rps.perSecond >= budgets.requestsPerSecond && rps.errors === 0, wrkLoads);

    const saved = (at: string) => ({ [STORAGE_KEY]: at });
    const midway = serialise({ answers: { G1: 'both', A1: 'multifocal_independent' }, position: { question: 'B2' }, attested: true }, content);
    const atSummary = serialise({ answers: vignette('V01'), position: 'summary', attested: true }, content);
    await lighthouseFigures([
      // The same audit of the bare Next page, as the floor: what any page of this framework scores on
      // this machine at that moment, with nothing of the app in it.
      { name: 'bare Next page (floor)', url: `http://127.0.0.1:${BARE_PORT}/`, storage: {}, lcpIsFcp: false },
      { name: 'start page', url: `${appBase}/`, storage: {}, lcpIsFcp: true },
      { name: 'question page (saved at B2)', url: `${appBase}${MIDWAY_PATH}`, storage: saved(midway), lcpIsFcp: false },
      { name: 'summary', url: `${appBase}/summary`, storage: saved(atSummary), lcpIsFcp: true },
      { name: 'result, reloaded', url: `${appBase}/result`, storage: resultTab, lcpIsFcp: true },
      { name: 'sources', url: `${appBase}/sources`, storage: {}, lcpIsFcp: true },
    ]);
  } finally {
    // Whatever failed above, no server is left running.
    for (const server of servers) server.kill();
  }

  report(`load average (1, 5, 15 min) at the end, ${CORES} cores`, loadavg().map((n) => n.toFixed(2)).join(', '), `other running ≤ ${CORES} for timed figures`, null);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['figure', 'value', 'budget', 'verdict'][i]!.length));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(['figure', 'value', 'budget', 'verdict']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  // A step of its own, with its own server and browser: taps and scrolls on a phone (counts, not times).
  await benchTaps();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
