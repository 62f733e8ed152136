// @ts-check
/**
 * size-check — fails (exit 1) when a page's first-load JavaScript or a first visit exceeds its
 * budget. Part of `npm test`, after the build; `npm run bench` measures the same in a browser against
 * a bare page. Sizes are bytes of the build's files, so the same build always gives the same figures.
 *
 * 1. First-load JavaScript: the scripts a page's HTML starts (the loader of scripts/postbuild.mjs),
 *    gzip-compressed as a server or CDN would send them (brotli, which `npm start` prefers, is
 *    smaller). Budgets are multiples of a bare Next.js page built with the same versions (one <h1>,
 *    131.7 KiB gzip, as the bench measures it); the PDF and FHIR code must never be in a first load.
 *
 * 2. A first visit, offline included: everything a browser transfers on its first visit to a page —
 *    the page, its scripts, stylesheet, icon and manifest, the service worker — and then everything
 *    the service worker precaches so that a whole case and its PDF work offline (out/sw.js's list).
 *    A precached file the page already loaded under a hashed name comes from the browser's cache
 *    (Workbox asks for those with the cache allowed); the others (pages, fonts: with a revision) are
 *    fetched again. Each file counts as `npm start` and a CDN send it to a browser: the brotli copy
 *    the build made (scripts/postbuild.mjs), or the file itself when there is none. The budget is
 *    issue 23's: under 500 KB, whichever page the visit starts on.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { addressOf, pageFilesOf } from './page-addresses.mjs';

const out = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'out'));
const KiB = 1024;
const BARE_PAGE = 131.7 * KiB;

/** Budgets by page address; the first matching pattern wins. */
const budgets = [
  // 1.25× until the house's second edition: a change from the summary became a state saved with the
  // session (a reload mid-change keeps it) and saved progress is read by one reader, +0.9 KiB; the
  // answer-file parser moved out of the first load gave 0.6 KiB of it back.
  { pages: /^\/questionnaire/, bytes: 1.255 * BARE_PAGE, why: 'question page: 1.255× a bare page' },
  // The start page also carries next/link ("Continue where you left off" keeps the flow in memory).
  { pages: /^\/(summary)?$/, bytes: 1.36 * BARE_PAGE, why: 'start and summary: 1.36× a bare page' },
  // The result page draws the whole assessment with its rules and sources. Content 1.2 (the doors,
  // the score bounds, the safety screen's wording) brought it from 1.43× to 1.49× on main. Its
  // picture for a reload (result-picture.tsx: what it keeps, and its frame), +1.2 KiB, to 1.53×.
  { pages: /^\/result$/, bytes: 1.53 * BARE_PAGE, why: 'result: 1.53× a bare page (the whole result document: answers and sources folded in)' },
  { pages: /./, bytes: 1.2 * BARE_PAGE, why: 'other pages (sources, not found): 1.2× a bare page' },
];

const pages = existsSync(out) ? pageFilesOf(out) : [];

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
  { what: 'PDF code', marker: /PDFKit|pdfkit|DejaVuSans/ },
  { what: 'FHIR code', marker: /hl7\.org\/fhir/ },
];

const pagePathOf = addressOf;

let failed = 0;
const rows = [];
for (const file of pages) {
  const path = pagePathOf(file);
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

/**
 * A first visit, offline included, under 500 KB (issue 23): the page, then everything the service
 * worker precaches so that a whole case and its PDF work offline: 591,435 bytes with the React PDF
 * renderer, 461,538 with pdfkit alone and a precache without what no case reads.
 */
const FIRST_VISIT_BUDGET = 500_000;

/** A build file as sent to a browser that accepts brotli: its `.br` copy, or itself. */
const sentSize = (file) => {
  const path = join(out, file);
  return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
};
/** `/a/b.js?x` → `a/b.js`; a page's address → its HTML file. */
const fileOf = (src) => {
  const path = decodeURI(src.split(/[?#]/)[0] ?? '').replace(/^\//, '');
  return path === '' ? 'index.html' : existsSync(join(out, path)) ? path : `${path}.html`;
};
const kindOf = (file) => (file.startsWith('fonts/') ? 'PDF fonts' : /\.(js)$/.test(file) ? 'JavaScript' : /\.(html|txt)$/.test(file) ? 'pages (HTML, RSC)' : 'other');

/** The service worker's precache list: [file, has a revision]. */
function precacheList() {
  const sw = readFileSync(join(out, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(null|"[^"]*")\}/g)].map((m) => /** @type {[string, boolean]} */ ([m[1] ?? '', m[2] !== 'null']));
  if (entries.length === 0) throw new Error('size-check: no precache list found in out/sw.js (has Workbox changed its output?)');
  return entries;
}

/** What a first visit to one page transfers, by file. */
function firstVisit(file) {
  const html = readFileSync(join(out, file), 'utf8');
  const tags = [...html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|icon|manifest)"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? '');
  // The manifest and the icon are added by the loader after the first paint (scripts/postbuild.mjs).
  const added = [...html.matchAll(/\{[^{}]*"rel":"(?:icon|manifest)"[^{}]*\}/g)].map((m) => /** @type {{ href: string }} */ (JSON.parse(m[0])).href);
  const links = [...tags, ...added].filter((href) => !href.startsWith('data:'));
  const loaded = new Set([...scriptsOf(html), ...links].map(fileOf));
  /** @type {Map<string, number>} */
  const files = new Map([[file, sentSize(file)], ['sw.js', sentSize('sw.js')]]);
  for (const f of loaded) files.set(f, sentSize(f));
  const precached = new Map();
  for (const [f, revisioned] of precacheList()) {
    // Hashed names were just loaded with the cache allowed; revisioned files are fetched again.
    if (!revisioned && loaded.has(f)) continue;
    precached.set(f, sentSize(f));
  }
  return { files, precached };
}

const visits = pages.filter((f) => f !== '404.html').map((file) => ({ file, ...firstVisit(file) }));
const totalOf = (v) => [...v.files.values(), ...v.precached.values()].reduce((a, b) => a + b, 0);
const largest = visits.reduce((a, b) => (totalOf(b) > totalOf(a) ? b : a));
const byKind = (map) => {
  const kinds = new Map();
  for (const [f, n] of map) kinds.set(kindOf(f), (kinds.get(kindOf(f)) ?? 0) + n);
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n.toLocaleString('en-GB')}`).join(', ');
};
const bytes = (n) => `${n.toLocaleString('en-GB')} bytes (${(n / KiB).toFixed(1)} KiB)`;
const visitOk = totalOf(largest) < FIRST_VISIT_BUDGET;
console.log(`\nFirst visit, offline included (brotli as sent), budget under ${bytes(FIRST_VISIT_BUDGET)}:`);
for (const v of visits) console.log(`  ${pagePathOf(v.file).padEnd(16)} ${bytes(totalOf(v))}`);
const over = totalOf(largest) - FIRST_VISIT_BUDGET;
console.log(`${visitOk ? 'ok  ' : 'OVER'}  largest, ${pagePathOf(largest.file)}: ${bytes(totalOf(largest))}${over >= 0 ? `; ${over.toLocaleString('en-GB')} bytes over` : ''}`);
console.log(`      the page: ${byKind(largest.files)}`);
console.log(`      then precached by the service worker: ${byKind(largest.precached)}`);
console.log(`      largest files: ${[...largest.files, ...largest.precached].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, n]) => `${f} ${n.toLocaleString('en-GB')}`).join(', ')}`);
if (!visitOk) failed++;

if (failed) {
  console.error(`size-check: ${failed} budget(s) exceeded`);
  process.exit(1);
}
