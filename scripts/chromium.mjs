// @ts-check
/**
 * The headless Chromium every tool here starts: the Playwright tests (playwright.config.ts), the bench
 * (scripts/bench.ts, scripts/bench-taps.ts), Lighthouse (scripts/lighthouse-session.mjs) and the
 * icon drawing (scripts/make-icons.mjs). Browsers are not downloaded: the system Chromium (Debian's
 * `chromium`), or the one CHROMIUM_PATH names.
 */

/** Where the system Chromium is. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Its flags: no sandbox (containers run it as root), no GPU, and none of the background traffic a
 * fresh profile starts (updates, sync, first-run pages), which would also skew the bench's timings.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
