// @ts-check
/**
 * The security headers every response carries, and the Content-Security-Policy of a page, in one
 * place: next.config.js uses them for the development server, scripts/postbuild.mjs writes
 * them per page into the build's `_headers` file, which `npm start` (scripts/serve.mjs) and any
 * static host or CDN serve.
 */

import { readFileSync } from 'node:fs';

/**
 * The origins of the electronic records this deployment trusts (ehr.config.json, read at build; its
 * full check is content/deployment.ts, which the build's type check and unit tests run): each
 * record's FHIR server and the other origins it names. They go into the pages' connect-src, and
 * nowhere else.
 *
 * @returns {string[]}
 */
export function recordOrigins() {
  const config = JSON.parse(readFileSync(new URL('../ehr.config.json', import.meta.url), 'utf8'));
  /** @type {string[]} */
  const origins = (config.records ?? []).flatMap(
    (/** @type {{ fhirBaseUrl: string; otherOrigins?: string[] }} */ r) => [new URL(r.fhirBaseUrl).origin, ...(r.otherOrigins ?? [])],
  );
  return [...new Set(origins)];
}

/** Headers for every response, pages and files alike. */
export const securityHeaders = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'usb=()',
    'browsing-topics=()',
  ].join(', '),
};

/**
 * The policy of every response that is not a page — scripts, data, images, the service worker,
 * redirects, errors without a page: nothing may load, nothing may frame it, no base may be set.
 * Opened on its own (a JSON file, a picture), such a response can run nothing.
 */
export const lockedDownPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The service worker's policy: the locked-down one, and its fetches of this origin's files. A worker
 * runs under the policy its script is served with, and the service worker fills its precache with
 * fetch(): under `default-src 'none'` alone it could fetch nothing, and nothing would work offline.
 */
export const serviceWorkerPolicy = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * A page's policy. In production `scripts` lists the sha256 hashes of the page's inline scripts
 * (computed from the built HTML): with 'strict-dynamic', those scripts, and only the scripts they
 * load, run — no nonce, so the HTML is the same bytes for everyone. Only this origin is allowed: no
 * third-party host, no eval (WebAssembly compilation only), no plugins, no framing.
 *
 * @param {{ scripts: string[]; styles: string[] } | 'development'} mode
 */
export function contentSecurityPolicy(mode) {
  const dev = mode === 'development';
  const scriptSrc = dev ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"] : [...mode.scripts, "'strict-dynamic'"];
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the PDF recap's layout engine (WebAssembly) compile; it does not allow eval.
    `script-src ${[...scriptSrc, "'wasm-unsafe-eval'"].join(' ')}`,
    `style-src ${['\'self\'', ...(dev ? ["'unsafe-inline'"] : mode.styles)].join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // data: for the PDF library's embedded resources; the trusted records (ehr.config.json), which the
    // clinician's browser reads after a launch from one of them and writes to only on request.
    `connect-src ${["'self'", 'data:', ...recordOrigins()].join(' ')}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
