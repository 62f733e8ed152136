/**
 * Offline at the bedside: after one visit the service worker holds the whole app, so a case can be
 * walked from the start page to the PDF with the network off, a reload in the middle included. The
 * service worker holds only the build's own files — never a response carrying an answer — and the
 * web app manifest makes the app installable.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { downloadFrom } from '../support/exports';
import { expect, test } from '../support/fixtures';
import { QuestionPage, settled, StartPage, SummaryPage } from '../support/pages';
import { openWithAnswers } from '../support/session';
import { loadVignette } from '../support/vignettes';

test.use({ serviceWorkers: 'allow' });

const out = join(__dirname, '../../out');
const V01 = loadVignette('V01');

/** Wait until the service worker has installed (its precache complete) and controls the page. */
async function offlineReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Every address the service worker's caches hold. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls.sort();
  });

/** The build file an address names (`/questionnaire/G1` → out/questionnaire/G1.html), or null. */
function buildFileOf(url: string): string | null {
  const path = decodeURIComponent(new URL(url).pathname);
  for (const candidate of [path, `${path}.html`, `${path.replace(/\/$/, '')}/index.html`]) {
    if (candidate !== '/' && existsSync(join(out, candidate))) return candidate;
  }
  return null;
}

test('after one visit, a whole case works offline: every question, a reload midway, the result and the PDF', async ({ page, context }) => {
  test.slow(); // the first visit precaches the whole app (about 5 MiB), then 27 questions by clicks
  const start = new StartPage(page);
  const question = new QuestionPage(page);
  await start.goto();
  await offlineReady(page);

  await context.setOffline(true);
  // Proof that the network is off: an address outside the cache fails.
  expect(await page.evaluate(() => fetch('/not-cached-anywhere').then(() => 'answered', () => 'failed'))).toBe('failed');

  await page.reload();
  await settled(page);
  await start.start();
  const asked: string[] = [];
  while (!/\/summary$/.test(page.url())) {
    // The question's form, not its picture while the form's script comes in (question-page.tsx).
    await expect(question.continueButton).toBeEnabled();
    const prompt = await question.heading.textContent();
    const id = content.questions.find((q) => q.prompt === prompt)?.id;
    if (!id) throw new Error(`not a question: ${prompt}`);
    if (asked.length === 5) {
      // Midway, still offline: the same question comes back, and so do the answers given so far.
      await page.reload();
      await settled(page);
      await expect(question.heading).toHaveText(prompt!);
      const previous = asked.at(-1)!;
      await question.back.click();
      await question.expectAnswer(previous, V01.answers[previous] ?? 'unknown');
      await question.answer(previous, V01.answers[previous] ?? 'unknown');
    }
    if (asked.length === 10) {
      // The shell's "Method and sources" is a plain link, a full page load: offline too, and the
      // browser's Back returns to the same question.
      await page.getByRole('banner').getByRole('link', { name: 'Method and sources' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Method, sources and limitations' })).toBeVisible();
      await page.goBack();
      await settled(page);
      await expect(question.heading).toHaveText(prompt!);
    }
    asked.push(id);
    await question.answer(id, V01.answers[id] ?? 'unknown');
  }
  expect(asked.length).toBeGreaterThan(20);

  const summary = new SummaryPage(page);
  await summary.expectOpen();
  await summary.seeAssessment.click();
  await expect(page.getByRole('heading', { level: 2, name: /category: Cortical$/ })).toBeVisible();
  const pdf = await downloadFrom(page, page.getByRole('button', { name: 'Download PDF recap' }));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(10_000);
});

test('the service worker stores only files of the build, even after a case is answered', async ({ page, resultPage }) => {
  test.slow(); // the first visit precaches the whole app
  await page.goto('/');
  await offlineReady(page);
  const before = await cachedUrls(page);
  // Every page of a case is kept from the first visit (the question page serves every question).
  expect(before.map((url) => new URL(url).pathname)).toEqual(
    expect.arrayContaining(['/index.html', '/questionnaire.html', '/summary.html', '/result.html', '/sources.html']),
  );

  await openWithAnswers(page, V01.answers, 'result');
  await resultPage.expectOpen();
  await downloadFrom(page, page.getByRole('button', { name: 'Download PDF recap' }));
  // A request that does carry answers, as a careless change might send one: it must not be kept.
  await page.evaluate((answers) => fetch(`/echo?answers=${encodeURIComponent(answers)}`).catch(() => {}), JSON.stringify(V01.answers));

  const after = await cachedUrls(page);
  expect(after).toEqual(before);
  const origin = new URL(page.url()).origin;
  expect(after.filter((url) => !url.startsWith(`${origin}/`)), 'another origin').toEqual([]);
  // Workbox's revision query is the only query; nothing else of a request is kept.
  expect(after.filter((url) => [...new URL(url).searchParams.keys()].some((k) => k !== '__WB_REVISION__')), 'queries').toEqual([]);
  expect(after.filter((url) => buildFileOf(url) === null), 'not a file of the build').toEqual([]);
  expect(after.map((url) => new URL(url).pathname)).toEqual(expect.arrayContaining(['/index.html', '/fonts/DejaVuSans.ttf']));
});

test('a change of the headers alone changes the service worker and the revision of every page, so a returning browser fetches them with the new headers', () => {
  test.setTimeout(60_000);
  const copy = mkdtempSync(join(tmpdir(), 'sw-headers-'));
  try {
    cpSync(out, copy, { recursive: true, filter: (file) => !/\.(br|gz)$/.test(file) });
    /** Regenerate the copy's sw.js (postbuild's step 3 alone) and read its precache list. */
    const serviceWorker = () => {
      execFileSync(process.execPath, [join(__dirname, '../../scripts/postbuild.mjs'), '--service-worker-only', copy], { stdio: 'pipe' });
      const text = readFileSync(join(copy, 'sw.js'), 'utf8');
      return { text, revisions: new Map([...text.matchAll(/url:"([^"]+)",revision:"([^"]+)"/g)].map(([, url, revision]) => [url!, revision!])) };
    };
    const before = serviceWorker();
    // A headers-only redeploy: one more header for every response, nothing else changed.
    appendFileSync(join(copy, '_headers'), '/*\n  X-Permitted-Cross-Domain-Policies: none\n');
    const after = serviceWorker();
    const pages = ['index.html', 'questionnaire.html', 'summary.html', 'result.html', 'sources.html'];
    expect({
      sameAsTheBuild: before.text === readFileSync(join(out, 'sw.js'), 'utf8'),
      changed: after.text !== before.text,
      pagesWithANewRevision: pages.filter((page) => before.revisions.has(page) && before.revisions.get(page) !== after.revisions.get(page)),
    }).toEqual({ sameAsTheBuild: true, changed: true, pagesWithANewRevision: pages });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the web app manifest makes the app installable: name, start page, standalone display, icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: 'Myoclonus Navigator', start_url: '/', display: 'standalone' });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.headers()['content-type'], icon.src).toBe(icon.type);
    const bytes = await image.body();
    // A PNG's width and height are big-endian at bytes 16 and 20 of its header.
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});
