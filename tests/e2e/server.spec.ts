/**
 * `npm start` as an attacker meets it on loopback. One request must not stop it; every address is
 * normalised before any rule, so a trailing slash, a dot segment or an escape cannot reach a page
 * without its policy, a file for servers or a compressed copy; every answer — pages, files,
 * redirects, errors, the answers Node would write itself — carries the security headers; a page
 * carries its own Content-Security-Policy and everything else the locked-down one. The spec runs its
 * own server (scripts/serve.mjs, as `npm start` runs it), so a crash fails this spec alone, and it
 * speaks raw HTTP, which fetch and browsers would tidy up before sending.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressOf, pageFilesOf } from '../../scripts/page-addresses.mjs';
import { expect, test } from '../support/fixtures';
import { decoded, request, sendRaw, startServer, type TRawResponse, type TServer } from '../support/raw-http';

const OUT = join(__dirname, '../../out');
const LOCKED_DOWN = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** The service worker's: locked down, but it may fetch this origin's files for its precache. */
const SERVICE_WORKER_POLICY = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";
const SECURITY_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Each rule's path → its Content-Security-Policy, from the build's `_headers`. */
const policies = new Map<string, string>();
{
  let path = '';
  for (const line of readFileSync(join(OUT, '_headers'), 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) path = line.trim();
    const csp = /^\s+Content-Security-Policy:\s*(.*)$/.exec(line);
    if (csp) policies.set(path, csp[1]!);
  }
}
/** Every page's HTML → its address: `summary.html` → `/summary`, `404.html` → `/404`. */
const pageFiles = pageFilesOf(OUT);
const pageOf = new Map(pageFiles.map((f) => [readFileSync(join(OUT, f)).toString('base64'), addressOf(f)]));
const pagePolicies = new Set([...pageOf.values()].map((address) => policies.get(address)));
const pageAddresses = [...pageOf.values()].filter((a) => a !== '/404');
const bigChunk = readdirSync(join(OUT, '_next/static/chunks')).find((f) => f.endsWith('.js'))!;
const swBytes = readFileSync(join(OUT, 'sw.js'));

/** The service worker's own answer: JavaScript not to be cached, the one file so served. */
const isServiceWorker = (response: TRawResponse) => response.headers.get('content-type')?.startsWith('text/javascript') === true && response.headers.get('cache-control') === 'no-cache';

/** What is wrong with one answer, in words (empty when nothing). */
function problemsOf(response: TRawResponse): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (response.headers.get(name) !== value) problems.push(`${name} is ${response.headers.get(name) ?? 'missing'}`);
  }
  if (!response.headers.get('permissions-policy')?.includes('camera=()')) problems.push('no Permissions-Policy');
  const csp = response.headers.get('content-security-policy');
  const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
  if (csp === undefined) problems.push('no Content-Security-Policy');
  else if (html) {
    if (!pagePolicies.has(csp)) problems.push('HTML without a page’s policy');
    if (response.body.length > 0 && response.status !== 206) {
      const page = pageOf.get(decoded(response).toString('base64'));
      if (page === undefined) problems.push('HTML that is no page of the build');
      else if (policies.get(page) !== csp) problems.push(`the page ${page} with another page’s policy`);
    }
  } else if (csp !== LOCKED_DOWN && !(csp === SERVICE_WORKER_POLICY && isServiceWorker(response))) problems.push(`a ${response.status} that is not a page without the locked-down policy: ${csp.slice(0, 60)}`);
  const location = response.headers.get('location');
  if (location !== undefined && !/^\/(?![/\\])/.test(location)) problems.push(`a redirect off this origin: ${location}`);
  return problems;
}

let server: TServer;
// One server for the whole file: the tests run in order in one worker, the fuzz last.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

/** One request, one answer (the first), with its problems. */
async function ask(raw: string, { head = false } = {}) {
  const { responses } = await sendRaw(server.port, raw, { heads: [head] });
  const response = responses[0];
  if (!response) throw new Error(`no answer to ${JSON.stringify(raw.slice(0, 200))}`);
  return { ...response, problems: problemsOf(response) };
}
const get = (target: string, headers: [string, string][] = []) => ask(request('GET', target, [['Host', 'localhost'], ...headers]));

async function expectStillUp() {
  expect({ exited: server.process.exitCode ?? server.process.signalCode, output: server.output() }).toMatchObject({ exited: null });
  expect((await get('/')).status).toBe(200);
}

test.describe('Range requests', () => {
  for (const [range, what] of [
    ['bytes=2-1', 'a start after the end'],
    ['bytes=0-9007199254740993', 'an end beyond 2^53'],
    ['bytes=9007199254740993-', 'a start beyond 2^53'],
    ['bytes=99999999999999999999-99999999999999999999', 'a start and end past any number'],
  ] as const) {
    test(`${range} (${what}) does not stop the server`, async () => {
      const response = await get('/icon.svg', [['Range', range]]);
      expect({ status: [206, 416].includes(response.status), problems: response.problems }).toEqual({ status: true, problems: [] });
      await expectStillUp();
    });
  }

  test('a range that cannot be satisfied gets 416 with every header and the size', async () => {
    const response = await get('/sw.js', [['Range', 'bytes=2-1']]);
    expect({ status: response.status, range: response.headers.get('content-range'), problems: response.problems }).toEqual({ status: 416, range: `bytes */${swBytes.length}`, problems: [] });
  });

  for (const [range, what, from, to] of [
    ['bytes=-10', 'the last 10 bytes', swBytes.length - 10, swBytes.length],
    ['bytes=0-0', 'the first byte alone', 0, 1],
    ['bytes=5-9', 'bytes 5 to 9', 5, 10],
    ['bytes=10-', 'from byte 10 to the end', 10, swBytes.length],
  ] as const) {
    test(`${range} is ${what}`, async () => {
      const response = await get('/sw.js', [['Range', range]]);
      expect({ status: response.status, range: response.headers.get('content-range'), body: response.body.toString('base64'), problems: response.problems }).toEqual({
        status: 206,
        range: `bytes ${from}-${to - 1}/${swBytes.length}`,
        body: swBytes.subarray(from, to).toString('base64'),
        problems: [],
      });
    });
  }
});

test.describe('one address per file, the headers of what is served', () => {
  // Each page's file name with a trailing slash, and its compressed copies: 21 addresses that
  // reached a page without its policy, or brotli without asking.
  const slashed = pageFiles.filter((f) => f !== '404.html').flatMap((f) => [`/${f}/`, `/${f}.br/`, `/${f}.gz/`]);
  test(`${slashed.length} page file names with a trailing slash (${slashed.slice(0, 3).join(', ')}, …) never get a page without its policy`, async () => {
    const answers = await Promise.all(slashed.map(async (target) => ({ target, ...(await get(target)) })));
    expect(answers.filter((a) => ![308, 404].includes(a.status) || a.problems.length > 0).map((a) => `${a.target}: ${a.status} ${a.problems.join('; ')}`)).toEqual([]);
  });

  for (const address of pageAddresses) {
    test(`${address} with a trailing slash, a dot segment or its file name is redirected to its one address`, async () => {
      const forms = [`${address}/`, `/.${address}`, `${address}.html`.replace('/.html', '/index.html'), `/x/..${address}`, `${address}//`, `/%2e${address}`].filter((t) => t !== address);
      const answers = await Promise.all(forms.map(async (target) => [target, await get(target)] as const));
      expect(answers.map(([target, a]) => [target, a.status, a.headers.get('location'), a.problems])).toEqual(forms.map((target) => [target, 308, address, []]));
    });
  }

  for (const target of ['/_headers', '/_headers/', '/%5fheaders', '/%5Fheaders/', '/nginx-headers.conf', '/nginx-headers.conf/', '/x/../_headers', '/index.html.br', '/index.html.br/', '/index.html.gz', '/sw.js.br', '/%2e/_headers']) {
    test(`${target}, a file for servers or a compressed copy, is not served: the page not found, with its policy`, async () => {
      const response = await get(target);
      expect({ status: response.status, page: pageOf.get(response.body.toString('base64')), problems: response.problems }).toEqual({ status: 404, page: '/404', problems: [] });
    });
  }

  for (const target of ['/.//evil.example/x.html', '/.//evil.example/summary.html', '//evil.example/summary.html', '/\\evil.example/summary.html', '/%2f%2fevil.example/summary.html', '///summary.html', '/%5c%5cevil.example/summary']) {
    test(`${target} never redirects off this origin`, async () => {
      const response = await get(target);
      expect(response.problems).toEqual([]);
    });
  }

  for (const [acceptEncoding, encoding] of [
    ['br;q=0, gzip', 'gzip'],
    ['xbrx', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['identity;q=0', undefined],
    ['br', 'br'],
    ['gzip, br;q=0.5', 'gzip'],
  ] as const) {
    test(`Accept-Encoding: ${acceptEncoding} gets ${encoding ?? 'no encoding'}`, async () => {
      const response = await get('/sw.js', [['Accept-Encoding', acceptEncoding]]);
      expect({ encoding: response.headers.get('content-encoding'), body: decoded(response).equals(swBytes), problems: response.problems }).toEqual({ encoding, body: true, problems: [] });
    });
  }

  test('/sw.js carries the locked-down policy with one allowance, fetching this origin\'s files for its precache', async () => {
    const response = await get('/sw.js', [['Accept-Encoding', 'br']]);
    expect({ status: response.status, csp: response.headers.get('content-security-policy'), problems: response.problems }).toEqual({ status: 200, csp: SERVICE_WORKER_POLICY, problems: [] });
  });

  for (const target of [`/_next/static/chunks/${bigChunk}`, '/fhir/questionnaire.json', '/icon.svg', '/manifest.webmanifest', '/index.txt']) {
    test(`${target}, not a page, carries the locked-down policy`, async () => {
      const response = await get(target, [['Accept-Encoding', 'br']]);
      expect({ status: response.status, csp: response.headers.get('content-security-policy'), problems: response.problems }).toEqual({ status: 200, csp: LOCKED_DOWN, problems: [] });
    });
  }
});

test.describe('the answers Node would write itself carry the headers too', () => {
  for (const [what, raw, status] of [
    ['an Expect the server cannot meet', request('GET', '/', [['Host', 'localhost'], ['Expect', 'the-moon']]), 417],
    ['a request line Node cannot parse', 'GARBAGE\r\n\r\n', 400],
    ['an HTTP/1.1 request without Host', request('GET', '/', []), 400],
    ['headers larger than Node reads', request('GET', '/', [['Host', 'localhost'], ['X-Huge', 'a'.repeat(20_000)]]), 431],
    ['a NUL in the request line', 'GET /\0 HTTP/1.1\r\nHost: localhost\r\n\r\n', 400],
    ['both Content-Length and Transfer-Encoding', 'GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
  ] as const) {
    test(`${what}: ${status} with every header`, async () => {
      const response = await ask(raw);
      expect({ status: response.status, problems: response.problems }).toEqual({ status, problems: [] });
    });
  }

  test('a malformed request pipelined after a good one gets its own answer with the headers', async () => {
    const { responses } = await sendRaw(server.port, `GET /icon.svg HTTP/1.1\r\nHost: localhost\r\n\r\nGARBAGE\r\n\r\n`);
    expect(responses.map((r) => [r.status, problemsOf(r)])).toEqual([
      [200, []],
      [400, []],
    ]);
  });
});

test('an unexpected error (a header value Node refuses, from a damaged _headers) answers 500 with the headers, and the server goes on', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'serve-damaged-'));
  let damaged: TServer | null = null;
  try {
    cpSync(OUT, copy, { recursive: true });
    appendFileSync(join(copy, '_headers'), '/icon.svg\n  X-Damaged: a\u0001b\n');
    damaged = await startServer(copy);
    const { responses } = await sendRaw(damaged.port, request('GET', '/icon.svg'));
    const again = await sendRaw(damaged.port, request('GET', '/'));
    expect({
      status: responses[0]?.status,
      problems: responses[0] && problemsOf(responses[0]),
      exited: damaged.process.exitCode ?? damaged.process.signalCode,
      after: again.responses[0]?.status,
    }).toEqual({ status: 500, problems: [], exited: null, after: 200 });
  } finally {
    await damaged?.stop();
    rmSync(copy, { recursive: true, force: true });
  }
});

// ── The fuzz: a bounded, seeded run of malformed and hostile requests ─────────────────────────────

/** mulberry32: a small seeded generator, so a failing run can be repeated with FUZZ_SEED. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

const PATHS = ['/', '/summary', '/questionnaire', '/result', '/sources', '/404', '/_not-found', '/sw.js', '/icon.svg', '/fhir/questionnaire.json', '/index.txt', '/_headers', '/nginx-headers.conf', '/index.html', '/summary.html', '/questionnaire.html', '/index.html.br', '/result.html.gz', '/sw.js.br', `/_next/static/chunks/${bigChunk}`, '/no-such-page'];
const MUTATIONS: ((path: string) => string)[] = [
  (p) => p,
  (p) => `${p}/`,
  (p) => `${p}//`,
  (p) => `/.${p}`,
  (p) => `/x/..${p}`,
  (p) => `/%2e${p}`,
  (p) => `/x/%2e%2e${p}`,
  (p) => `/x/.%2E${p}`,
  (p) => `/../../..${p}`,
  (p) => p.replace(/\//g, '\\'),
  (p) => p.replace(/\//g, '%5c'),
  (p) => p.replace(/\//g, '%2f'),
  (p) => `${p}%00`,
  (p) => `${p}\0`,
  (p) => p.replace(/_/g, '%5f'),
  (p) => p.replace(/_/g, '%255f'),
  (p) => `/%C0%AE%C0%AE${p}`,
  (p) => `/%E0%80%AE%E0%80%AE${p}`,
  (p) => `${p}%C0%AF`,
  (p) => `/%ff${p}`,
  (p) => `//evil.example${p}`,
  (p) => `/.//evil.example${p}`,
  (p) => `http://evil.example${p}`,
  (p) => `${p}?x=%&y=${'q'.repeat(50)}`,
  (p) => `${p}#fragment`,
  (p) => p.toUpperCase(),
  (p) => `${p};jsessionid=1`,
  (p) => `${p}/${'a'.repeat(6_000)}`,
  (p) => `${p}é`,
  (p) => `${p}.html`,
  (p) => `${p}.html/`,
  (p) => `${p}.br`,
  () => '*',
  () => '',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'CONNECT', 'get', 'G\0ET', 'GET GET'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'http/1.1', 'HTTP/9.9', 'HTTP/1.1 x', ''];
const RANGES = ['bytes=2-1', 'bytes=-10', 'bytes=0-0', 'bytes=-0', 'bytes=0-9007199254740993', 'bytes=9007199254740993-', 'bytes=--1', 'bytes=1e3-', 'bytes=0-1,2-3', 'bytes=0-1,0-1,0-1', `bytes=${'0-1,'.repeat(500)}0-1`, 'bytes=x', 'items=0-1', 'bytes=', 'bytes=5-', ''];
const ENCODINGS = ['br;q=0', 'xbrx', 'gzip;q=abc', '*;q=0', 'identity;q=0', 'br;q=1.5', 'br, gzip', '*', `${'x,'.repeat(2_000)}br`, 'br;q=0.001, gzip;q=0.0001', ''];
const EXTRA_HEADERS: (() => [string, string][])[] = [
  () => [['Range', 'bytes=2-1']],
  () => [['If-None-Match', '*']],
  () => [['If-None-Match', '"nope", W/"x"']],
  () => [['If-Range', 'Wed, 21 Oct 2015 07:28:00 GMT'], ['Range', 'bytes=0-0']],
  () => [['If-Range', '"garbage'], ['Range', 'bytes=-10']],
  () => [['Expect', '100-continue']],
  () => [['Expect', 'teapot']],
  () => [['Transfer-Encoding', 'chunked']],
  () => [['Transfer-Encoding', 'gzip, chunked']],
  () => [['Content-Length', '-1']],
  () => [['Content-Length', '1, 2']],
  () => [['X-Huge', 'a'.repeat(20_000)]],
  () => [['Bad Header', 'x']],
  () => [['X-Control', 'a\u0001b']],
  () => [['X-Fold', 'a\r\n folded']],
  () => [['Host', 'evil.example']],
  () => [['Upgrade', 'websocket'], ['Connection', 'Upgrade']],
  () => Array.from({ length: 300 }, (_, i) => [`X-Many-${i}`, 'x'] as [string, string]),
];

/** One hostile request, or raw garbage: its bytes, and whether its answer has a body. */
function hostileRequest(random: ReturnType<typeof generator>): { raw: string | Buffer; head: boolean; label: string } {
  if (random.next() < 0.08) {
    const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random.next() * 300) }, () => Math.floor(random.next() * 256)));
    return { raw: Buffer.concat([bytes, Buffer.from('\r\n\r\n')]), head: false, label: `random bytes ${bytes.toString('hex').slice(0, 40)}…` };
  }
  const method = random.pick(METHODS);
  const target = random.pick(MUTATIONS)(random.pick(PATHS));
  const headers: [string, string][] = random.next() < 0.93 ? [['Host', 'localhost']] : [];
  if (random.next() < 0.5) headers.push(['Range', random.pick(RANGES)]);
  if (random.next() < 0.5) headers.push(['Accept-Encoding', random.pick(ENCODINGS)]);
  if (random.next() < 0.4) headers.push(...random.pick(EXTRA_HEADERS)());
  const version = random.pick(VERSIONS);
  const raw = `${method} ${target} ${version}`.trimEnd() + '\r\n' + [...headers, ['Connection', 'close']].map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
  return { raw, head: method === 'HEAD', label: raw.slice(0, 160).replace(/[\r\n]+/g, ' | ') };
}

test('a seeded fuzz of 600 malformed and hostile requests: every answer carries the security headers and the right policy, and the server is still up', async () => {
  test.setTimeout(60_000);
  const seed = Number(process.env.FUZZ_SEED ?? 20_2026);
  const random = generator(seed);
  const cases = Array.from({ length: 600 }, () => hostileRequest(random));
  const problems: string[] = [];
  let answered = 0;
  // Eight connections at a time: enough to overlap, not enough to look like a flood.
  for (let i = 0; i < cases.length; i += 8) {
    await Promise.all(
      cases.slice(i, i + 8).map(async ({ raw, head, label }) => {
        const { responses } = await sendRaw(server.port, raw, { heads: [head] });
        if (responses.length === 0) return problems.push(`no answer: ${label}`);
        answered++;
        for (const p of problemsOf(responses[0]!)) problems.push(`${p}: ${label}`);
      }),
    );
  }
  expect(problems.slice(0, 20), `seed ${seed}: ${problems.length} problems`).toEqual([]);
  expect(answered).toBe(cases.length);
  await expectStillUp();
});
