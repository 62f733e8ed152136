// @ts-check
/**
 * postbuild — turns Next's static export (`out/`) into what is deployed. Run by `npm run build`.
 *
 *  1. Hash-based CSP (strict-csp, Google's tool for static HTML): in each page, the `<script src>`
 *     tags (and their preload hints) become one inline loader that adds them async, as Next wrote
 *     them (under 'strict-dynamic' only hashed inline scripts may start scripts), the `noModule`
 *     polyfill tag is dropped (browsers that honour it are never the ones that would need it), and
 *     every inline script is hashed into that page's policy.
 *  2. `out/_headers`: every response's security headers, each page's Content-Security-Policy and the
 *     locked-down policy of everything else, in the format Netlify and Cloudflare Pages read.
 *     `npm start` (scripts/serve.mjs) serves from it. `out/nginx-headers.conf` says the same for
 *     nginx, with the server's address rules.
 *  3. `out/sw.js`: a Workbox service worker that precaches every page, chunk, RSC payload, the PDF
 *     code and its fonts, so a whole case works offline after one visit. Precache only: it never
 *     stores a response it did not get from this list, so nothing a clinician enters is ever cached.
 *     The headers files' hash is folded into every revisioned entry: a change of the headers alone
 *     changes sw.js, and a returning browser fetches the pages again with their new headers.
 *     The PDF fonts are first cut to the characters the recap can print (scripts/pdf-fonts.mjs).
 *  4. `.br` and `.gz` beside every text file and font, so the server sends compressed bytes without
 *     work — the service worker's precache included: it fetches through the browser, which asks for
 *     them (`npm run size` counts a first visit's bytes so).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { StrictCsp } from 'strict-csp';
import { generateSW } from 'workbox-build';
import { addressOf, filesUnder, isPageFile } from './page-addresses.mjs';
import { subsetRecapFonts } from './pdf-fonts.mjs';
import { contentSecurityPolicy, lockedDownPolicy, securityHeaders, serviceWorkerPolicy } from './security-headers.mjs';

const root = resolve(import.meta.dirname, '..');
// `node scripts/postbuild.mjs --compress-only DIR`: step 4 alone, for the bench's bare page.
const compressOnly = process.argv[2] === '--compress-only';
// `node scripts/postbuild.mjs --service-worker-only DIR`: step 3 alone, on a copy of a build (a test
// changes the copy's headers and compares the service workers).
const serviceWorkerOnly = process.argv[2] === '--service-worker-only';
const out = compressOnly || serviceWorkerOnly ? resolve(process.argv[3] ?? '') : join(root, 'out');

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * strict-csp's loader adds the page's scripts in order (`async = false`): each waits for the one
 * before it. Next's own tags are async scripts that run in any order (each chunk registers itself
 * with the runtime, which starts the app once all are in), so the loader adds them async too.
 * (Moved into <head>, the loader made Lighthouse's simulated LCP of the question page worse, 0.9 s ->
 * 2.6 s: its picture is painted before the scripts are asked for. It stays at the end of <body>.)
 *
 * It asks for them once the page's first contentful paint has happened (`afterFirstPaint`): every
 * page paints its largest element from its HTML, so nothing a script does may come before that
 * paint. On a fast connection the scripts otherwise arrived and ran before the first frame, and a
 * paint that waited for scripts is what Lighthouse's simulated LCP counts (2.1 s against an FCP of
 * 1.0 s on the start page, where the browser painted both at once). The manifest and the icon are
 * added then too (`laterLinks`).
 */
function loaderAsync($, file, links) {
  const loaders = $('script:not([src])').filter((_i, el) => ($(el).html() ?? '').includes('var scripts = ['));
  if (loaders.length !== 1) throw new Error(`postbuild: ${file}: expected one script loader from strict-csp, found ${loaders.length}`);
  const code = /** @type {string} */ (loaders.html());
  const async = code.replace('s.async = false; // preserve execution order.', 's.async = true;');
  if (!async.includes('s.async = true;')) throw new Error(`postbuild: ${file}: strict-csp's loader has changed; check loaderAsync`);
  const start = 'scripts.forEach(function(scriptInfo) {';
  if (async.split(start).length !== 2 || !/\}\);\s*$/.test(async)) throw new Error(`postbuild: ${file}: strict-csp's loader has changed; check loaderAsync`);
  const addLinks = `${JSON.stringify(links)}.forEach(function(attributes) {
      var l = document.createElement('link');
      for (var name in attributes) l.setAttribute(name, attributes[name]);
      document.head.appendChild(l);
    });
    document.querySelectorAll('link[rel="icon"][href="data:,"]').forEach(function(l) { l.remove(); });
    `;
  loaders.html(`${async.replace(start, `(${afterFirstPaint})(function() {\n    ${addLinks}${start}`).replace(/\}\);\s*$/, '});\n    });\n')}`);
}

/**
 * The manifest and the icon, taken out of the page's <head> (their attributes returned, for the
 * loader to add after the first paint). A browser asks for both as soon as the page has loaded —
 * the manifest to check the app can be installed, then an icon from it — and once the page's
 * scripts no longer hold up the load event, that came before the first paint: requests that
 * Lighthouse's simulated LCP then counts as needed for it. An empty `data:` icon stands in for the
 * icon until then (without one the browser asks for `/favicon.ico` at load, before the paint).
 * React finds the two links in place when it hydrates the <head>. Without JavaScript a page has
 * neither: it is not usable without it anyway.
 */
function laterLinks($, file) {
  const links = $('head link[rel="manifest"], head link[rel="icon"]');
  if ($('head link[rel="manifest"]').length !== 1 || $('head link[rel="icon"]').length !== 1) {
    throw new Error(`postbuild: ${file}: expected one manifest link and one icon link in <head>`);
  }
  const attributes = links.map((_i, el) => ({ ...el.attribs })).get();
  links.remove();
  $('head').append('<link rel="icon" href="data:,">');
  return attributes;
}

/**
 * Runs `go` once, after the page's first contentful paint (the Paint Timing entry, which the browser
 * records once the frame is shown), or at once where there is no paint to wait for: a hidden tab,
 * or a browser without paint timing. Two seconds at most: a paint held up longer (a stylesheet on a
 * slow connection) does not hold up the page's scripts as well.
 * @param {() => void} go
 */
function afterFirstPaint(go) {
  var done = false;
  var once = function () {
    if (done) return;
    done = true;
    go();
  };
  var fcp = 'first-contentful-paint';
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (document.visibilityState !== 'visible' || types.indexOf('paint') < 0 || performance.getEntriesByName(fcp).length > 0) return once();
  var observer = new PerformanceObserver(function (list) {
    if (list.getEntriesByName(fcp).length === 0) return;
    observer.disconnect();
    once();
  });
  observer.observe({ type: 'paint' });
  document.addEventListener('visibilitychange', once, { once: true });
  setTimeout(once, 2000);
}

/** Step 1: rewrite a page for a hash-based policy; return the policy. */
function hashPage(file) {
  const csp = new StrictCsp(readFileSync(join(out, file), 'utf8'));
  const $ = /** @type {any} */ (csp)['$'];
  $('script[nomodule]').remove();
  // A script preload is checked against script-src, where 'strict-dynamic' leaves no address allowed;
  // the loader asks for the same files at once.
  $('link[rel="preload"][as="script"]').remove();
  const links = laterLinks($, file);
  csp.refactorSourcedScriptsForHashBasedCsp();
  loaderAsync($, file, links);
  const scripts = [...new Set(csp.hashAllInlineScripts())];
  const styles = [...new Set($('style').map((_i, el) => sha256($(el).html() ?? '')).get())];
  writeFileSync(join(out, file), csp.serializeDom());
  return contentSecurityPolicy({ scripts, styles });
}

/**
 * The addresses that are not pages, as rules no page's address matches: a folder without pages as
 * `/folder/*`, any other file by its path, with the paths of its compressed copies (a CDN serves
 * them as files). A rule that matched a page too would give it two policies: hosts join the values
 * of every matching rule, and two policies are both enforced.
 */
function nonPagePaths(pages) {
  const paths = [];
  const visit = (folder) => {
    for (const entry of readdirSync(join(out, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if ([...pages].some((page) => page.startsWith(`${path.slice(1)}/`))) visit(path);
        else paths.push(`${path}/*`);
      } else if (!['/_headers', '/nginx-headers.conf', '/sw.js'].includes(path) && !/\.(br|gz)$/.test(path)) {
        paths.push(...(pages.has(path.slice(1)) ? [] : [path]), `${path}.br`, `${path}.gz`);
      }
    }
  };
  visit('');
  return [...paths, '/sw.js.br', '/sw.js.gz'];
}

/** Step 2: the headers file. Rules match by request path; no header is set by two matching rules. */
function headersFile(policies) {
  const block = (path, headers) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const pages = new Set(filesUnder(out).filter(isPageFile));
  return `${[
    '# Generated by scripts/postbuild.mjs from scripts/security-headers.mjs and the built pages. Do not edit.',
    block('/*', securityHeaders),
    // Chunk names carry their content hash: a changed file is a new address.
    block('/_next/static/*', { 'Cache-Control': 'public, max-age=31536000, immutable' }),
    // The service worker runs under the policy it is served with: it may fetch this origin's files
    // (its precache), nothing else.
    block('/sw.js', { 'Cache-Control': 'no-cache', 'Content-Security-Policy': serviceWorkerPolicy }),
    ...nonPagePaths(pages).map((path) => block(path, { 'Content-Security-Policy': lockedDownPolicy })),
    // The file extension says JSON; the FHIR media type says what kind.
    block('/fhir/questionnaire.json', { 'Content-Type': 'application/fhir+json; charset=utf-8' }),
    ...[...policies].map(([path, policy]) => block(path, { 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' })),
  ].join('\n')}\n`;
}

/**
 * The same headers and the same address rules as an nginx snippet, to include in a
 * `server { root …/out; }` block. nginx decodes the path, resolves `.` and `..` and merges slashes
 * before it picks a location, and `=` locations win over the `~` ones, which win over the prefix
 * ones. So: a page is an exact location with its policy; its file name and its address with a
 * trailing slash redirect to it (a path of this origin: nginx writes it absolute, with this host);
 * any other `.html` or trailing-slash address, the files for servers, dotfiles and the compressed
 * copies (also `%5fheaders`) are not found; every other file gets the locked-down policy. nginx drops
 * the server's add_header lines in a location that has its own, so each location repeats them.
 */
function nginxFile(policies) {
  const add = (headers) => Object.entries(headers).map(([k, v]) => `  add_header ${k} "${v}" always;`);
  const common = add(securityHeaders);
  const plain = [...common, ...add({ 'Content-Security-Policy': lockedDownPolicy })];
  const redirect = (from, to) => [`location = ${from} {`, ...plain, `  return 308 ${to};`, '}'];
  const page = (path, policy) => {
    const file = path === '/' ? '/index.html' : `${path}.html`;
    return [
      `location = ${path} {`,
      '  limit_except GET { deny all; }',
      `  try_files ${file} =404;`,
      ...common,
      ...add({ 'Content-Security-Policy': policy, 'Cache-Control': 'no-cache' }),
      '}',
      ...[file, `${file}/`, ...(path === '/' ? ['/index', '/index/'] : [`${path}/`])].flatMap((alias) => redirect(alias, path)),
    ];
  };
  return `${[
    '# Generated by scripts/postbuild.mjs with out/_headers. Include inside: server { root /path/to/out; include nginx-headers.conf; }',
    'gzip_static on;',
    'error_page 404 /404.html;',
    '# Never served by their own address: the files for servers, dotfiles, the compressed copies.',
    'location ~ "(^|/)\\.|^/_headers$|^/nginx-headers\\.conf$|\\.(br|gz)$" {',
    '  return 404;',
    '}',
    '# One address per file: a page is served at its address only (its aliases redirect, above).',
    'location ~ "\\.html$|./$" {',
    '  return 404;',
    '}',
    'location / {',
    '  limit_except GET { deny all; }',
    '  try_files $uri =404;',
    ...plain,
    '}',
    'location /_next/static/ {',
    '  limit_except GET { deny all; }',
    ...plain,
    ...add({ 'Cache-Control': 'public, max-age=31536000, immutable' }),
    '}',
    'location = /sw.js {',
    ...common,
    ...add({ 'Content-Security-Policy': serviceWorkerPolicy, 'Cache-Control': 'no-cache' }),
    '}',
    'location = /fhir/questionnaire.json {',
    '  types { }',
    '  default_type "application/fhir+json; charset=utf-8";',
    ...plain,
    '}',
    // The not-found page: its own addresses answer 404 (with it), and it is nginx's 404 page.
    'location = /404.html {',
    '  internal;',
    ...common,
    ...add({ 'Content-Security-Policy': policies.get('/404'), 'Cache-Control': 'no-cache' }),
    '}',
    ...['/404', '/_not-found'].flatMap((path) => [`location = ${path} {`, '  return 404;', '}']),
    ...[...policies].filter(([path]) => !['/404', '/_not-found'].includes(path)).flatMap(([path, policy]) => page(path, policy)),
  ].join('\n')}\n`;
}

/** Pages that work only online: the launch from an electronic record signs in to it and reads it. */
const ONLINE_ONLY_PAGES = ['launch.html', 'launch/return.html'];
/**
 * Code that works only online, by a string only it contains: the SMART client (fhirclient), which
 * signs in to a record and writes to it, and the record's views, whose words carry a mark
 * (content/record-text.ts). A case launched from a record that is reloaded offline is the
 * questionnaire without them (components/record/*-slot.tsx render nothing when they cannot load);
 * saving to the record offline says it cannot be reached.
 */
const ONLINE_ONLY_CODE = ['code_challenge_method', 'myoclonus-navigator:record-views'];

/**
 * Scripts a case offline never loads: those no offline page reaches. Reached means named by the page
 * (or its RSC payload), or by a script reached (Turbopack writes every chunk's path into the script
 * that loads it), never through code that works only online. Among them: the `noModule` polyfill,
 * whose tag step 1 drops; the launch pages' scripts; the SMART client. Worked out from the files
 * alone, so step 3 run by itself gives the same list.
 */
function scriptsNotForOffline() {
  const files = filesUnder(out).filter((f) => /\.(html|txt|js|css)$/.test(f) && f !== 'sw.js');
  const scripts = files.filter((f) => /^_next\/static\/chunks\/[^/]+\.js$/.test(f));
  const texts = new Map(files.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
  const onlineOnly = (f) => ONLINE_ONLY_CODE.some((mark) => /** @type {string} */ (texts.get(f)).includes(mark));
  const named = (text) => scripts.filter((script) => text.includes(script.slice(script.lastIndexOf('/') + 1)));
  // A page's own files: its HTML, its RSC payload beside it, and the per-segment payloads in its folder.
  const pageOf = (f) => (f.endsWith('.txt') && !f.includes('/__next') ? f.replace(/\.txt$/, '.html') : f.replace(/\/__next\.[^/]*$/, '.html'));
  const roots = files.filter((f) => !scripts.includes(f) && !ONLINE_ONLY_PAGES.some((page) => pageOf(f) === page || f.startsWith(page.replace(/\.html$/, '/'))));
  const reached = new Set();
  const queue = roots.flatMap((f) => named(/** @type {string} */ (texts.get(f))));
  while (queue.length > 0) {
    const script = /** @type {string} */ (queue.pop());
    if (reached.has(script) || onlineOnly(script)) continue;
    reached.add(script);
    queue.push(...named(/** @type {string} */ (texts.get(script))).filter((s) => s !== script));
  }
  return scripts.filter((script) => !reached.has(script));
}

/**
 * Files Next copied into `_next/static/media` that no page, payload, script or style names (the app's
 * icon is served as `/icon.svg`, and its copy there is named by nothing): nothing can ask for them.
 */
function mediaNamedByNothing() {
  const media = filesUnder(out).filter((f) => f.startsWith('_next/static/media/'));
  const texts = filesUnder(out)
    .filter((f) => /\.(html|txt|js|css|webmanifest)$/.test(f) && f !== 'sw.js')
    .map((f) => readFileSync(join(out, f), 'utf8'));
  // By its path: a query naming the file (`/icon.svg?icon.<hash>.svg`) asks for another one.
  return media.filter((f) => !texts.some((text) => text.includes(f)));
}

async function serviceWorker() {
  return generateSW({
    globDirectory: out,
    globPatterns: ['**/*.{html,txt,js,css,json,ttf,woff2,svg,png,webmanifest}'],
    // Only what a case needs offline, as a first visit pays for all of it (`npm run size`):
    // - the not-found page is served with status 404, which a precache refuses;
    // - the RSC payloads (`.txt`): the per-segment ones serve prefetching, which this app turns off;
    //   a page's own (`summary.txt`) speeds a move between pages online, and offline the router's
    //   fetch of it fails and it loads the precached page instead (18 KiB); the font licence is read
    //   online;
    // - scripts no offline page loads: the noModule polyfill (step 1 drops its tag; 36 KiB), the
    //   launch pages and the SMART client (a record is online by nature);
    // - the manifest's PNG icons are read online, when the app is installed (24 KiB);
    // - the build manifests of Next's pages router, which no page of this App Router build loads;
    // - the FHIR Questionnaire, a file for the systems that read the app's exports, linked from the
    //   result page for them: no case reads it;
    // - files in `_next/static/media` that nothing names.
    globIgnores: [
      'sw.js',
      '404.html',
      '_not-found*',
      '_not-found/**',
      '**/*.txt',
      'icons/**',
      '_next/static/*/_buildManifest.js',
      '_next/static/*/_ssgManifest.js',
      '_next/static/*/_clientMiddlewareManifest.js',
      'fhir/**',
      ...ONLINE_ONLY_PAGES,
      ...scriptsNotForOffline(),
      ...mediaNamedByNothing(),
    ],
    swDest: join(out, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    // The PDF library's chunk is the largest file; it must be cached for the PDF to work offline.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Hashed names need no revision query.
    dontCacheBustURLsMatching: /^_next\/static\//,
    // Next adds cache-busting queries (`?_rsc=…`, the icon's `?icon.…`); the file is the same.
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // A new version waits until the clinician chooses to reload (components/shared/sw-update.tsx).
    skipWaiting: false,
    // The cache keeps each response's headers: fold the headers files into the revisions, so that a
    // change of the headers alone makes a new sw.js that fetches the pages again (hashed chunks keep
    // their address, and their headers say nothing a script obeys).
    manifestTransforms: [
      async (entries) => {
        const headers = createHash('sha256');
        for (const file of ['_headers', 'nginx-headers.conf']) headers.update(readFileSync(join(out, file)));
        const hash = headers.digest('hex').slice(0, 12);
        return { manifest: entries.map((e) => (e.revision ? { ...e, revision: `${e.revision}.${hash}` } : e)), warnings: [] };
      },
    ],
  });
}

function precompress() {
  for (const file of filesUnder(out).filter((f) => /\.(html|txt|js|css|json|svg|webmanifest|ttf)$/.test(f))) {
    const bytes = readFileSync(join(out, file));
    if (bytes.length < 512) continue;
    writeFileSync(join(out, `${file}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }));
    writeFileSync(join(out, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
}

async function main() {
  const policies = new Map();
  for (const file of filesUnder(out).filter(isPageFile)) policies.set(addressOf(file), hashPage(file));
  writeFileSync(join(out, '_headers'), headersFile(policies));
  writeFileSync(join(out, 'nginx-headers.conf'), nginxFile(policies));
  const fonts = await subsetRecapFonts(out);
  const { count, size, warnings } = await serviceWorker();
  for (const w of warnings) console.warn(`service worker: ${w}`);
  precompress();
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`postbuild: ${policies.size} pages with a hash-based CSP; service worker precaches ${count} files (${kib(size)} before compression)`);
  console.log(`postbuild: PDF fonts cut to the recap's characters: ${fonts.map((f) => `${f.name} ${kib(f.before)} → ${kib(f.after)}`).join(', ')}`);
}

if (compressOnly) precompress();
else if (serviceWorkerOnly) await serviceWorker();
else await main();
