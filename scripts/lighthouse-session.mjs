// Lighthouse (mobile preset) for a page that needs saved progress, such as a question page.
// Lighthouse's CLI cannot put anything in sessionStorage first, so this drives it through its Node
// API with a Puppeteer page that seeds the session before every navigation.
//
//   node scripts/lighthouse-session.mjs LIGHTHOUSE_DIR URL SESSION_KEY SESSION_JSON
//
// LIGHTHOUSE_DIR is a separate install (npm install lighthouse@12 puppeteer-core@24 there), not a
// dependency of this project. Prints {performance, accessibility, bestPractices} as JSON.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, url, key, session] = process.argv.slice(2);
const require = createRequire(join(dir, 'package.json'));
const lighthouse = (await import(pathToFileURL(require.resolve('lighthouse')).href)).default;
const puppeteer = (await import(pathToFileURL(require.resolve('puppeteer-core')).href)).default;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument((k, v) => window.sessionStorage.setItem(k, v), key, session);
  const result = await lighthouse(url, { disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'], logLevel: 'error' }, undefined, page);
  const c = result.lhr.categories;
  if (process.env.LH_DETAIL) for (const k of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive", "largest-contentful-paint-element", "bootup-time"]) console.error(k, result.lhr.audits[k].displayValue, JSON.stringify(result.lhr.audits[k].details?.items?.slice?.(0, 4) ?? "").slice(0, 600));
  console.log(JSON.stringify({ performance: c.performance.score * 100, accessibility: c.accessibility.score * 100, bestPractices: c['best-practices'].score * 100, finalUrl: result.lhr.finalDisplayedUrl }));
} finally {
  await browser.close();
}
