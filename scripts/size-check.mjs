// @ts-check
/**
 * size-check — fails (exit 1) when a page's first-load JavaScript exceeds its budget. Part of
 * `npm test`, after the build; `npm run bench` measures the same in a browser against a bare page.
 *
 * First-load JavaScript: the scripts a page's HTML starts (the loader of scripts/postbuild.mjs),
 * gzip-compressed as a server or CDN would send them (brotli, which `npm start` prefers, is smaller).
 * Budgets are multiples of a bare Next.js page built with the same versions (one <h1>, 131.7 KiB
 * gzip, as the bench measures it); the PDF and FHIR code must never be in a first load.
 *
 * The question page's budget is issue 12's target, 1.35×. It holds it (1.35×, 177.1 KiB, with
 * every question's picture for a reload) because nothing on a first load comes before it is needed:
 * zod/mini is not there (the answer checks are react-hook-form's own rules; the saved-progress
 * validator is asked for once the page's code runs, and only when the tab holds saved progress),
 * and neither is next/link (the shell's links, on every page, are plain links: 2.8 KiB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'out'));
const KiB = 1024;
const BARE_PAGE = 131.7 * KiB;

/** Budgets by page address; the first matching pattern wins. */
const budgets = [
  { pages: /^\/questionnaire/, bytes: 1.35 * BARE_PAGE, why: 'question page: 1.35× a bare page' },
  // The start page also carries next/link ("Continue where you left off" keeps the flow in memory).
  { pages: /^\/(summary)?$/, bytes: 1.36 * BARE_PAGE, why: 'start and summary: 1.36× a bare page' },
  // The result page draws the whole assessment with its rules and sources.
  { pages: /^\/result$/, bytes: 1.45 * BARE_PAGE, why: 'result: 1.45× a bare page' },
  { pages: /./, bytes: 1.2 * BARE_PAGE, why: 'other pages (sources, not found): 1.2× a bare page' },
];

const pages = readdirSync(out, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.html') && !d.name.startsWith('_not-found'))
  .map((d) => relative(out, join(d.parentPath, d.name)).split(sep).join('/'))
  .sort();

/** The scripts the page's HTML starts: the loader's list, or plain <script src> tags. */
function scriptsOf(html) {
  const loader = /var scripts = (\[.*?\]);/s.exec(html);
  const listed = loader ? /** @type {{ src: string }[]} */ (JSON.parse(loader[1])).map((s) => s.src) : [];
  const tags = [...html.matchAll(/<script\b(?![^>]*\bnomodule)[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]);
  return [...new Set([...listed, ...tags])];
}

const gzipSize = new Map();
const sizeOf = (src) => {
  if (!gzipSize.has(src)) gzipSize.set(src, gzipSync(readFileSync(join(out, src.split('?')[0]))).length);
  return gzipSize.get(src);
};

/** Markers of code that must load only on use: the PDF library and the FHIR mapping. */
const onUseOnly = [
  { what: 'PDF code', marker: /@react-pdf|pdfkit|DejaVuSans/ },
  { what: 'FHIR code', marker: /hl7\.org\/fhir/ },
];

let failed = 0;
const rows = [];
for (const file of pages) {
  const path = `/${file.replace(/\.html$/, '').replace(/(^|\/)index$/, '')}`;
  const scripts = scriptsOf(readFileSync(join(out, file), 'utf8'));
  const bytes = scripts.reduce((sum, src) => sum + sizeOf(src), 0);
  const budget = budgets.find((b) => b.pages.test(path));
  if (!budget) throw new Error(`no budget for ${path}`);
  const leaks = onUseOnly.filter(({ marker }) => scripts.some((src) => marker.test(readFileSync(join(out, src.split('?')[0]), 'utf8'))));
  const ok = bytes <= budget.bytes && leaks.length === 0;
  if (!ok) failed++;
  rows.push(
    `${ok ? 'ok  ' : 'OVER'}  ${path.padEnd(22)} ${(bytes / KiB).toFixed(1).padStart(6)} KiB  (${(bytes / BARE_PAGE).toFixed(2)}× bare)  budget ${(budget.bytes / KiB).toFixed(1)} KiB, ${budget.why}${leaks.length ? `; loads ${leaks.map((l) => l.what).join(' and ')} up front` : ''}`,
  );
}
console.log(`First-load JavaScript per page (gzip), ${pages.length} pages:\n${rows.join('\n')}`);
if (pages.length === 0) {
  console.error(`size-check: no pages in ${out}; run npm run build first`);
  process.exit(1);
}
if (failed) {
  console.error(`size-check: ${failed} page(s) over budget`);
  process.exit(1);
}
