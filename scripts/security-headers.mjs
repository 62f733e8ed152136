// @ts-check
/**
 * The security headers every response carries, and the Content-Security-Policy of a page, in one
 * place: next.config.js uses them for the development server, scripts/postbuild.mjs writes
 * them per page into the build's `_headers` file, which `npm start` (scripts/serve.mjs) and any
 * static host or CDN serve.
 */

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
    'interest-cohort=()',
  ].join(', '),
};

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
    // data: for the PDF library's embedded resources; still nothing leaves this origin.
    "connect-src 'self' data:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
