// @ts-check
/**
 * page-addresses — which file of the static build (`out/`) is served at which address. One mapping
 * for the build (postbuild.mjs), the server (serve.mjs), the size check (size-check.mjs) and the
 * tests, so a page's policy, its budget and the address the server answers are worked out alike.
 *
 *   summary.html → /summary     index.html → /     fhir/index.html → /fhir     (a page)
 *   _next/static/chunks/a.js → /_next/static/chunks/a.js                        (any other file)
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a folder, as paths relative to it with forward slashes. */
export const filesUnder = (/** @type {string} */ dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));

/** A page file of the build: HTML. */
export const isPageFile = (/** @type {string} */ file) => file.endsWith('.html');

/** Next's own copy of the not-found page (`_not-found.html`): built, never served at an address of its own. */
export const isNotFoundCopy = (/** @type {string} */ file) => /(^|\/)_not-found\.html$/.test(file);

/** The address a page file is served at: no `.html`, `index` the folder itself, no trailing slash. */
export function addressOf(/** @type {string} */ file) {
  const address = `/${file.replace(/\.html$/, '').replace(/(^|\/)index$/, '')}`;
  return address.length > 1 ? address.replace(/\/$/, '') : address;
}

/** The build's pages served at an address of their own (`404.html` is `/404`), as file names, sorted. */
export const pageFilesOf = (/** @type {string} */ out) => filesUnder(out).filter((f) => isPageFile(f) && !isNotFoundCopy(f)).sort();

/** The addresses of the build's pages, sorted. */
export const pageAddressesOf = (/** @type {string} */ out) => pageFilesOf(out).map(addressOf).sort();
