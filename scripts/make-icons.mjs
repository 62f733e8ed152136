// Draws the app's PNG icons (manifest, install) and public/favicon.ico from app/icon.svg with the
// system Chromium: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
const svg = readFileSync('app/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const [size, maskable] of [[192, false], [512, false], [512, true]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // maskable: full-bleed square background, the mark inside the 80% safe zone
  const inner = maskable ? svg.replace('rx="6"', 'rx="0"').replace('<path', '<g transform="translate(3.2 3.2) scale(0.8)"><path').replace('/></svg>', '/></g></svg>') : svg;
  await page.setContent(`<html><body style="margin:0;background:transparent">${inner.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `public/icons/icon-${size}${maskable ? '-maskable' : ''}.png`, omitBackground: true });
  await page.close();
}
// /favicon.ico, which browsers and tools ask for whatever the page's icon link says (a 404 there is
// a console error): an ICO file holding one 32×32 PNG, as every current browser reads it.
const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="32" height="32" ')}</body></html>`);
const png = await page.screenshot({ omitBackground: true });
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(png.length, 14); // size of the image data
header.writeUInt32LE(22, 18); // where it starts
writeFileSync('public/favicon.ico', Buffer.concat([header, png]));
await browser.close();
