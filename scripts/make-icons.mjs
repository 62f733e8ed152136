// Draws the app's PNG icons (manifest, install) from app/icon.svg with the system Chromium: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const svg = readFileSync('app/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [size, maskable] of [[192, false], [512, false], [512, true]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // maskable: full-bleed square background, the mark inside the 80% safe zone
  const inner = maskable ? svg.replace('rx="6"', 'rx="0"').replace('<path', '<g transform="translate(3.2 3.2) scale(0.8)"><path').replace('/></svg>', '/></g></svg>') : svg;
  await page.setContent(`<html><body style="margin:0;background:transparent">${inner.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `public/icons/icon-${size}${maskable ? '-maskable' : ''}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
