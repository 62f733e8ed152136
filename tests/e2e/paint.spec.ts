/**
 * Paint once: a page's largest paint is its first, of an element its static HTML holds, and that
 * element stays — or, on a question, which paints a picture of itself before the saved answers are
 * read, the form's own element takes its place, same words, same box. Nothing the page's scripts do may come before that first paint — not the scripts
 * themselves, nor what the browser asks for once the page has loaded (the manifest, the icon) — or
 * Lighthouse's simulated LCP counts it as needed for the paint, and LCP comes after FCP
 * (issue 23, "Paint once"). Measured on a phone's screen, as Lighthouse's mobile audit is.
 */
import type { Page } from '@playwright/test';
import { content } from '../../content';
import { serialise, STORAGE_KEY } from '../../machines/exchange/persistence';
import { RESULT_PICTURE_KEY } from '../../machines/exchange/storage-key';
import { settled } from '../support/pages';
import { saveInTab } from '../support/session';
import { answersOf, loadVignette } from '../support/vignettes';
import { expect, test } from '../support/fixtures';

test.use({ viewport: { width: 412, height: 823 } });

const answers = answersOf(loadVignette('V01'));
const atResult = serialise({ answers, position: 'result', attested: true }, content);

/** The result shown once in this tab, which keeps its picture (result-picture.tsx): what a reload of it finds. */
async function resultShown(page: Page, saved = atResult) {
  await saveInTab(page, saved);
  await page.goto('/result');
  await settled(page);
  await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key) !== null, RESULT_PICTURE_KEY)).toBe(true);
}

const routes = [
  { name: 'the start page', path: '/', saved: null, paintsOnce: true },
  { name: 'a question', path: '/questionnaire#B2', saved: serialise({ answers: { G1: 'both', A1: 'multifocal_independent' }, position: { question: 'B2' }, attested: true }, content), paintsOnce: true },
  { name: 'the summary', path: '/summary', saved: serialise({ answers, position: 'summary', attested: true }, content), paintsOnce: true },
  // A result is opened from the summary, in the page; a load of its address is a reload (or a tab
  // brought back), after it was shown. A tab that never showed it paints a loading line first.
  { name: 'the result, reloaded', path: '/result', saved: atResult, shown: true, paintsOnce: true },
  { name: 'the sources', path: '/sources', saved: null, paintsOnce: true },
];

type TPaints = {
  fcp: number | null;
  /** Every largest-contentful-paint entry, in order. */
  lcp: { time: number; tag: string; text: string; connected: boolean; inHtml: boolean }[];
  /** When each of the page's scripts was asked for. */
  requests: { url: string; start: number }[];
};

/** The paints the browser recorded, once the page is ready and has been idle a moment. */
async function paintsOf(page: Page, html: string): Promise<TPaints> {
  await settled(page);
  await page.waitForTimeout(500);
  return page.evaluate(
    (html) =>
      new Promise<TPaints>((resolve) => {
        const normal = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        const inHtml = (el: Element) => [...parsed.body.querySelectorAll(el.tagName)].some((e) => normal(e.textContent) === normal(el.textContent));
        const lcp: TPaints['lcp'] = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { element: Element | null })[]) {
            const el = e.element;
            lcp.push({ time: e.startTime, tag: el?.tagName ?? '(removed)', text: normal(el?.textContent ?? '').slice(0, 60), connected: el?.isConnected ?? false, inHtml: el ? inHtml(el) : false });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.initiatorType === 'script' || /\.js$/.test(r.name))
          .map((r) => ({ url: new URL(r.name).pathname, start: r.startTime }));
        setTimeout(() => resolve({ fcp, lcp, requests }), 50);
      }),
    html,
  );
}

for (const route of routes) {
  test.describe(route.name, () => {
    test.beforeEach(async ({ page }) => {
      if (route.shown) await resultShown(page, route.saved);
      else if (route.saved) await saveInTab(page, route.saved);
    });

    test('asks for its scripts only after its first paint, and then adds its manifest and icon', async ({ page, request }) => {
      const html = await (await request.get(route.path)).text();
      await page.goto(route.path);
      const { fcp, requests } = await paintsOf(page, html);
      expect(fcp).not.toBeNull();
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.start < fcp!)).toEqual([]);
      // The browser asks for a manifest and an icon the HTML names as soon as the page has loaded,
      // which can come before the paint once the scripts no longer hold up the load event.
      const head = new Set([...html.matchAll(/<link\b[^>]*\brel="(manifest|icon)"[^>]*>/g)].map((m) => m[0]));
      expect([...head]).toEqual(['<link rel="icon" href="data:,">']);
      await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
      await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^\/icon\.svg/);
    });

    test('lays out once: nothing it has painted moves while it loads', async ({ page }) => {
      // Every layout shift, recorded from the first paint. Nothing is pressed, so each one counts:
      // a line that empties once the page is ready must keep its place (the start page's status).
      await page.addInitScript(() => {
        const shifts: string[] = [];
        (window as unknown as { shifts: string[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources: { node: Node | null }[] })[])
            shifts.push(`${e.value.toFixed(4)}: ${e.sources.map((s) => (s.node?.textContent ?? '').trim().slice(0, 40)).join(' | ')}`);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(route.path);
      await settled(page);
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
    });

    test('paints its largest element first, from its HTML, and keeps it in its place', async ({ page, request }) => {
      // A question and the summary paint a picture of themselves from their HTML
      // (question-preview.tsx, summary-picture.tsx), the result the picture this tab kept of it
      // (result-picture.tsx); the page then replaces each with the same elements in the same places.
      test.fail(!route.paintsOnce, 'the page paints its answers after hydration');
      // Each candidate as the browser reports it, before anything can replace it.
      await page.addInitScript(() => {
        const seen: object[] = [];
        (window as unknown as { largest: object[] }).largest = seen;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { element: HTMLElement | null })[]) {
            const el = e.element;
            const r = el?.getBoundingClientRect();
            seen.push({ tag: el?.tagName ?? '(removed)', text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(), words: el?.innerText ?? '', box: r ? [r.x, r.y, r.width, r.height].map(Math.round).join() : '' });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const html = await (await request.get(route.path)).text();
      await page.goto(route.path);
      const { fcp, lcp } = await paintsOf(page, html);
      expect(lcp.at(-1), 'a largest contentful paint').toBeDefined();
      // One paint: every candidate the browser reported came with the first contentful paint.
      expect(lcp.filter((e) => e.time !== fcp)).toEqual([]);
      const largest = await page.evaluate(
        ([html, keptKey]) => {
          const { tag, text, words, box } = (window as unknown as { largest: { tag: string; text: string; words: string; box: string }[] }).largest.at(-1)!;
          const parsed = new DOMParser().parseFromString(html, 'text/html');
          // In the HTML: in its body, or in a template there (the pictures are copied from one); or,
          // on the result, in the picture this tab kept (drawn by the page's inline script).
          const within = (root: ParentNode): Element[] => [...root.querySelectorAll(tag), ...[...root.querySelectorAll('template')].flatMap((t) => within(t.content))];
          type TNode = string | [string, object, ...TNode[]];
          const wordsOf = (node: TNode): string => (typeof node === 'string' ? node : node.slice(2).map((n) => wordsOf(n as TNode)).join(''));
          const elements = (node: TNode): TNode[] => (typeof node === 'string' ? [] : [node, ...node.slice(2).flatMap((n) => elements(n as TNode))]);
          const kept = JSON.parse(sessionStorage.getItem(keptKey) ?? 'null') as { tree: TNode } | null;
          const inKept = kept !== null && elements(kept.tree).some((e) => e[0] === tag.toLowerCase() && wordsOf(e).replace(/\s+/g, ' ').trim() === text);
          const inHtml = within(parsed.body).some((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim() === text) || inKept;
          // Kept: the same element, or the page's own in its place, with the same words.
          const keptInPlace = [...document.querySelectorAll<HTMLElement>(tag)].some((e) => {
            const r = e.getBoundingClientRect();
            return e.innerText === words && [r.x, r.y, r.width, r.height].map(Math.round).join() === box;
          });
          return { tag, words: words.slice(0, 60), inHtml, kept: keptInPlace };
        },
        [html, RESULT_PICTURE_KEY] as const,
      );
      expect(largest).toMatchObject({ inHtml: true, kept: true });
    });
  });
}

/**
 * What `boxes` reads of `path` as its picture paints it alone (the page's scripts held back, the
 * inline one runs), then of the page itself once ready.
 */
async function pictureThenPage(page: Page, path: string, boxes: (p: Page) => Promise<string[]>) {
  const scripts = '**/_next/static/**/*.js';
  await page.route(scripts, (r) => r.abort());
  await page.goto(path);
  const picture = await boxes(page);
  await page.unroute(scripts);
  await page.goto(path);
  await settled(page);
  return { picture, then: await boxes(page) };
}

test.describe('the summary’s picture', () => {
  test('takes the places the page then draws: the opening sections’ every heading and row, where and as they will be; then leaves', async ({ page }) => {
    /** Every visible heading, notice and row of the page's main part: its box and its words. */
    const boxes = (p: Page) =>
      p.locator('main').evaluate((main) =>
        [...main.querySelectorAll('h1, h2, .panel, .summary-list__row')]
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => {
            const r = e.getBoundingClientRect();
            // The page's Change links name their question for screen readers; the picture's are not links.
            const words = (e as HTMLElement).innerText.replace(/\s*your answer to: .*$/s, '').replace(/\s+/g, ' ').trim();
            return `${Math.round(r.top)}+${Math.round(r.height)} ${e.tagName} ${words}`;
          }),
      );
    await saveInTab(page, routes.find((r) => r.path === '/summary')!.saved!);
    const { picture, then } = await pictureThenPage(page, '/summary', boxes);
    await expect(page.locator('main h1')).not.toHaveAttribute('data-loading');
    // The opening sections, every row where the page then draws it; the page goes on below them.
    expect(picture.filter((line) => / H2 /.test(line))).toHaveLength(3);
    expect(picture.length).toBeGreaterThan(10);
    expect(then.slice(0, picture.length)).toEqual(picture);
    // Once the page is there, the picture is gone from it: nothing hidden that a reader's tools find.
    await expect(page.locator('#summary-picture-shown')).toBeEmpty();
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toHaveCount(1);
  });
});

test.describe('the result’s picture', () => {
  const scripts = '**/_next/static/**/*.js';
  /** What the result paints before its scripts run: its scripts held back, the inline one runs. */
  async function beforeScripts(page: Page) {
    await page.route(scripts, (r) => r.abort());
    await page.goto('/result');
    const seen = await page.locator('main').evaluate((main) => ({
      headings: [...main.querySelectorAll('h1, h2')].filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).innerText.trim()),
      loading: (main.querySelector('#result-loading') as HTMLElement | null)?.hidden === false,
    }));
    await page.unroute(scripts);
    return seen;
  }

  test('takes the places the page then draws, every heading, panel and list where and as it will be; then leaves', async ({ page }) => {
    const boxes = (p: Page) =>
      p.locator('main').evaluate((main) =>
        [...main.querySelectorAll('h1, h2, .panel, p, li')]
          .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('.export, .button-group, [role="status"]'))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return `${Math.round(r.top)}+${Math.round(r.height)} ${e.tagName} ${(e as HTMLElement).innerText.replace(/\s+/g, ' ').trim().slice(0, 50)}`;
          }),
      );
    await resultShown(page);
    const { picture, then } = await pictureThenPage(page, '/result', boxes);
    // The opening, down past a phone's first screen, every element where the page then draws it.
    expect(picture.some((line) => /^\d+\+\d+ H2 Most likely physiological category: Cortical/.test(line))).toBe(true);
    expect(Number(picture.at(-1)!.split('+')[0])).toBeGreaterThan(823);
    expect(then.slice(0, picture.length)).toEqual(picture);
    await expect(page.locator('#result-picture-shown')).toBeEmpty();
    await expect(page.getByRole('heading', { name: 'Assessment', exact: true })).toHaveCount(1);
  });

  test('is never drawn for answers other than those saved now: another case saved since paints the loading line', async ({ page }) => {
    await resultShown(page);
    // Another case saved in the tab since the picture was kept (its result not yet shown).
    const other = serialise({ answers: answersOf(loadVignette('V22')), position: 'result', attested: true }, content);
    await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [STORAGE_KEY, other] as const);
    expect(await beforeScripts(page)).toEqual({ headings: ['Assessment'], loading: true });
    // Then, with its scripts, the page assesses the case saved: its red flags, not the kept result.
    await page.goto('/result');
    await settled(page);
    await expect(page.getByRole('heading', { name: /Red flags/ })).toBeVisible();
  });

  test('is kept only while the tab stands at the result: going back to the answers, or starting again, takes it away', async ({ page }) => {
    const kept = () => page.evaluate((key) => sessionStorage.getItem(key), RESULT_PICTURE_KEY);
    await resultShown(page);
    await page.getByRole('link', { name: 'Back to your answers' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    expect(await kept()).toBeNull();
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Assessment', exact: true })).toBeVisible();
    await expect.poll(kept).not.toBeNull();
    await page.getByRole('button', { name: 'Start again' }).click();
    await expect.poll(kept).toBeNull();
  });
});
