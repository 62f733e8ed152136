/**
 * `npm run size` fails when a page's first-load JavaScript or a first visit exceeds its budget: run
 * on small made-up builds, one within every budget and two just over one each.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const script = join(import.meta.dirname, 'size-check.mjs');

/**
 * A build with a start page whose HTML loads `firstLoad` bytes of script (incompressible), and a
 * service worker that precaches `precached` more bytes (served as brotli copies of that size).
 */
function build({ firstLoad, precached }: { firstLoad: number; precached: number }): string {
  const out = mkdtempSync(join(tmpdir(), 'size-check-'));
  mkdirSync(join(out, '_next/static/chunks'), { recursive: true });
  const loader = (src: string) => `<script>var scripts = [{"src":"${src}"}];</script>`;
  writeFileSync(join(out, '_next/static/chunks/page.js'), randomBytes(firstLoad));
  writeFileSync(join(out, '_next/static/chunks/later.js'), 'x');
  writeFileSync(join(out, '_next/static/chunks/later.js.br'), randomBytes(precached));
  writeFileSync(join(out, 'index.html'), `<html><body><h1>Start</h1>${loader('/_next/static/chunks/page.js')}</body></html>`);
  writeFileSync(join(out, '404.html'), `<html><body>${loader('/_next/static/chunks/page.js')}</body></html>`);
  const entries = ['index.html', '_next/static/chunks/page.js', '_next/static/chunks/later.js'].map((url) => `{url:"${url}",revision:${url.endsWith('.html') ? '"1"' : 'null'}}`);
  writeFileSync(join(out, 'sw.js'), `precacheAndRoute([${entries.join(',')}])`);
  return out;
}

const run = (out: string) => spawnSync(process.execPath, [script, out], { encoding: 'utf8' });

describe('npm run size', () => {
  test('passes a build within every budget', () => {
    const result = run(build({ firstLoad: 100_000, precached: 300_000 }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('fails when a first visit, precache included, is over its budget', () => {
    const result = run(build({ firstLoad: 100_000, precached: 500_000 }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^OVER {2}largest, \/: /m);
  });

  test('fails when a page’s first-load JavaScript is over its budget', () => {
    const result = run(build({ firstLoad: 250_000, precached: 0 }));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^OVER {2}\/ {2}/m);
  });
});
