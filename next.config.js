// @ts-check
/**
 * Production builds are a static export (`out/`): every page is HTML made once at build, the same
 * bytes for everyone, served with its headers by any static server (`npm start`) or CDN. The
 * headers come from scripts/postbuild.mjs, which hashes each page's inline scripts after the
 * build. The development server sets the same headers here, with a relaxed policy for hot reload.
 *
 * @param {string} phase
 * @returns {Promise<import('next').NextConfig>}
 */
module.exports = async function nextConfig(phase) {
  const { PHASE_DEVELOPMENT_SERVER } = await import('next/constants.js');
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  // One list of headers for every place that serves the app (an ES module, shared with the scripts).
  const { contentSecurityPolicy, securityHeaders } = await import('./scripts/security-headers.mjs');
  const { buildStamp } = await import('./scripts/build-stamp.mjs');
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    output: dev ? undefined : 'export',
    // A separate build folder lets a second build be tested beside the first (NEXT_DIST_DIR=.next-e2e).
    distDir: process.env.NEXT_DIST_DIR || '.next',
    // Type checking is its own step of `npm test` (tsc over the whole project); the build skips it.
    typescript: { ignoreBuildErrors: true },
    // What identifies this build's code, in the pages' code and HTML alike (scripts/build-stamp.mjs).
    env: { BUILD_STAMP: buildStamp(__dirname) },
    // The PDF chunk without what the recap never uses (components/result/pdf/slim/): it is precached on a
    // first visit, so that a PDF can be made offline.
    turbopack: {
      resolveAlias: {
        'brotli/decompress.js': './components/result/pdf/slim/no-woff2.mjs',
        '@noble/ciphers/aes': './components/result/pdf/slim/no-encryption.mjs',
        'png-js': './components/result/pdf/slim/no-png.mjs',
      },
    },
    ...(dev && {
      async headers() {
        const all = { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy('development') };
        return [{ source: '/:path*', headers: Object.entries(all).map(([key, value]) => ({ key, value })) }];
      },
    }),
  };
};
