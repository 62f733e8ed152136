/**
 * Static at the bedside and on a CDN: every page is HTML made once at build, so every clinician gets
 * the same bytes, under a Content-Security-Policy that allows exactly the page's own inline scripts
 * (by hash, no nonce). Error answers — an unknown or malformed address, an unsupported method — still
 * carry every security header and a way back to the start.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { APIResponse } from '@playwright/test';
import { content } from '../../content';
import { formatPath, type TPosition } from '../../machines/flow/paths';
import { pageAddressesOf } from '../../scripts/page-addresses.mjs';
import { cspDirectives } from '../support/exports';
import { expect, test } from '../support/fixtures';

/** Every page of the build, by the address it is served at (`summary.html` → `/summary`). */
const pages = pageAddressesOf(join(__dirname, '../../out'));

const inlineScriptHashes = (html: string) =>
  [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`,
  );

/** The headers every answer carries, pages and errors alike. */
function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
}

/** A strict policy whose script hashes are exactly those of the page's inline scripts. */
function expectStrictPolicyFor(response: APIResponse, html: string) {
  const policy = response.headers()['content-security-policy'];
  expect(policy, 'Content-Security-Policy header').toBeTruthy();
  const csp = cspDirectives(policy!);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'self'"]);
  expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
  const scriptSrc = csp.get('script-src') ?? [];
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc.filter((s) => ["'unsafe-inline'", "'unsafe-eval'"].includes(s) || s.startsWith("'nonce-"))).toEqual([]);
  expect(scriptSrc.filter((s) => s.startsWith("'sha256-")).sort()).toEqual([...new Set(inlineScriptHashes(html))].sort());
  // Under 'strict-dynamic' a <script src> in the HTML would be blocked: the hashed loader starts them.
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=/);
}

/** Every place in the flow: each of the content's questions, the start, the summary and the result. */
const positions: TPosition[] = [...content.questions.map((q) => ({ question: q.id })), 'start', 'summary', 'result'];
/** The page each place is served by: the address without its fragment (a question's `#G1` never reaches the server). */
const servedBy = (position: TPosition) => formatPath(position).split('#')[0]!;

test(`each of the content's ${content.questions.length} questions, the start, the summary and the result is at an address whose page the build holds`, () => {
  expect(positions.filter((p) => !pages.includes(servedBy(p))).map((p) => formatPath(p))).toEqual([]);
});

test('the build holds the pages of the flow, the sources, the launch from a record and its return, and the not-found page, and no other', () => {
  expect(pages).toEqual([...new Set([...positions.map(servedBy), '/sources', '/launch', '/launch/return', '/404'])].sort());
});

for (const path of pages) {
  test(`${path}: two requests get the same bytes, with a hash-based policy and every security header`, async ({ request }) => {
    const first = await request.get(path);
    const second = await request.get(path);
    expect(first.status()).toBe(path === '/404' ? 404 : 200);
    const html = await first.text();
    expect(html).toContain('Myoclonus Navigator');
    expect(await second.text()).toBe(html);
    expect(second.headers()['content-security-policy']).toBe(first.headers()['content-security-policy']);
    expectStrictPolicyFor(first, html);
    expectSecurityHeaders(first);
  });
}

test('the FHIR Questionnaire file carries every security header', async ({ request }) => {
  const response = await request.get('/fhir/questionnaire.json');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"resourceType": "Questionnaire"');
  expectSecurityHeaders(response);
});

test.describe('an address or method the app does not serve', () => {
  for (const path of ['/no-such-page', '/questionnaire/%', '/questionnaire/%E0%A4%A']) {
    test(`${path} gets the page-not-found page with a link to the start and every header`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      const html = await response.text();
      expect(html).toContain('Page not found');
      expect(html).toMatch(/<a [^>]*href="\/"[^>]*>Go to the start page<\/a>/);
      expectStrictPolicyFor(response, html);
      expectSecurityHeaders(response);
    });
  }

  for (const method of ['TRACE', 'POST', 'DELETE']) {
    test(`${method} / gets 405 with the methods allowed and every header`, async ({ request }) => {
      const response = await request.fetch('/', { method });
      expect(response.status()).toBe(405);
      expect(response.headers()['allow']).toBe('GET, HEAD');
      expectStrictPolicyFor(response, await response.text());
      expectSecurityHeaders(response);
    });
  }

  test('CONNECT gets 405 with the methods allowed and the security headers, not a closed connection', async ({ baseURL }) => {
    const { hostname, port } = new URL(baseURL!);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 405 /);
    expect(reply).toMatch(/\r\nAllow: GET, HEAD\r\n/);
    expect(reply).toMatch(/\r\nX-Frame-Options: DENY\r\n/i);
  });

  test('a page asked for by its file name is sent to its address, so the app knows where it is; in a browser the fragment goes with it', async ({ request, page }) => {
    for (const [file, address] of [['/summary.html', '/summary'], ['/index.html', '/'], ['/questionnaire.html', '/questionnaire']] as const) {
      const response = await request.get(file, { maxRedirects: 0 });
      expect([file, response.status(), response.headers()['location']]).toEqual([file, 308, address]);
      expectSecurityHeaders(response);
    }
    await page.goto('/questionnaire.html#G1');
    await expect(page).toHaveURL(/\/(questionnaire#G1)?$/);
    await expect(page.getByRole('heading', { level: 1 }).first()).not.toHaveText(/Loading/);
  });

  for (const path of ['/_headers', '/nginx-headers.conf', '/index.html.br']) {
    test(`${path}, a file of the build for the server, is not served`, async ({ request }) => {
      expect((await request.get(path)).status()).toBe(404);
    });
  }

  test('the page-not-found page in a browser has a link back to the start', async ({ page }) => {
    await page.goto('/questionnaire/%');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Myoclonus Navigator' })).toBeVisible();
  });
});

test('/favicon.ico, which browsers and tools ask for whatever the icon link says, is an icon with every security header', async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  // (Its Content-Type is the server's business: sirv sends none for .ico, and browsers read the icon.)
  expectSecurityHeaders(response);
  // An ICO file: reserved 0, type 1 (icon).
  expect([...(await response.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

for (const path of ['/', '/questionnaire#G1', '/summary', '/result', '/sources']) {
  test(`a fresh load of ${path} logs no console error and no failed request`, async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    // The browser asks for the site's icon on its own; make sure it has been asked for here too.
    await page.evaluate(() => fetch('/favicon.ico').then((r) => r.ok || console.error(`favicon ${r.status}`)));
    expect(errors).toEqual([]);
  });
}
