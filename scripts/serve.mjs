// @ts-check
/**
 * serve — `npm start`: the last build (`out/`) on $HOST:$PORT (default 127.0.0.1:3000).
 *
 * The build's files are read once, at start, with the headers of `out/_headers` — the same file a CDN
 * or static host reads, so what is tested here is what is deployed. The app keeps no server state:
 * every answer stays in the browser tab. Rules, in this order:
 *
 *  1. One address per file. The request's path is normalised before any rule: `.` and `..`
 *     segments (also as `%2e`), backslashes, repeated and trailing slashes; it is percent-decoded
 *     once, and an encoded `/`, `\` or NUL, or bad UTF-8, is no address (404). A path that was not in
 *     its normal form, or a page's file name (`/summary.html`), is redirected (308) to the normal
 *     address, always a path on this origin (`/.//evil.example/x` can never become `//evil.example`).
 *  2. The rules then see that one path: the build's files for servers (`_headers`,
 *     `nginx-headers.conf`), dotfiles and the compressed copies (`.br`, `.gz`) are never served by
 *     their own address (404); the not-found page's own addresses answer 404.
 *  3. A file is sent with the headers of its address. A page carries its own Content-Security-Policy;
 *     every other answer — files, redirects, errors without a page — the locked-down policy
 *     (`default-src 'none'`). The compressed copy is sent when the request's Accept-Encoding accepts
 *     it, q-values read (`br;q=0` is a refusal). Range requests are read by `range-parser` (the
 *     parser of Express's `send`): one satisfiable range gets 206, several get the whole file (200),
 *     none satisfiable gets 416 with `Content-Range: bytes *\/size`. ETag and If-None-Match give 304.
 *
 * Every answer carries the security headers, errors too: an unknown or malformed address gets the
 * "Page not found" page (404, with a link to the start), a method other than GET or HEAD gets 405
 * with the same page (CONNECT too, without a body), an HTTP/1.1 request without a Host gets 400.
 * Answers Node would write itself (a request it cannot parse: 400, headers too large: 431, a timeout:
 * 408, an `Expect` it cannot meet: 417) are written here, with the headers. An unexpected error
 * answers 500 with the headers, and the server goes on.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import Negotiator from 'negotiator';
import parseRange from 'range-parser';
import { addressOf, filesUnder, isPageFile } from './page-addresses.mjs';
import { lockedDownPolicy } from './security-headers.mjs';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'out'));
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);

/** The rules of a `_headers` file (Netlify / Cloudflare Pages format): a path, then indented headers. */
function readRules(file) {
  /** @type {{ path: string; headers: [string, string][] }[]} */
  const rules = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

// A build without a headers file (the bench's bare page) is served without the rules' headers.
const rules = existsSync(join(dir, '_headers')) ? readRules(join(dir, '_headers')) : [];
const matches = (rule, path) => (rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path);

/** An address no rule names: only `/*` matches it. For answers that are about no file. */
const NO_ADDRESS = '/\u0000';

/** The headers of every matching rule for an address (a normal path, see `normalise`). */
function headersFor(address) {
  /** @type {Map<string, string>} */
  const headers = new Map();
  for (const rule of rules.filter((r) => matches(r, address))) {
    for (const [name, value] of rule.headers) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}

/** The headers of an answer that is not a page: the rules' (`/*` at least) and the locked-down policy. */
function plainHeaders(address = NO_ADDRESS) {
  const headers = headersFor(address);
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', lockedDownPolicy);
  return headers;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.icc': 'application/vnd.iccprofile',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** A file's bytes and its strong validator. */
const variant = (bytes) => ({ bytes, etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"` });

/** Never served by their own address: the files for servers, dotfiles, the compressed copies. */
const isPrivate = (path) => path === '/_headers' || path === '/nginx-headers.conf' || /(^|\/)\./.test(path) || /\.(br|gz)$/.test(path);
/** The not-found page's own files and addresses: they answer 404, never 200. */
const NOT_FOUND = new Set(['/404', '/404.html', '/_not-found', '/_not-found.html']);

/**
 * The build, read once: address → the file's variants. A page (`summary.html`) is at its address
 * (`/summary`, `index.html` at `/`); its file name and `/index` are aliases that redirect there.
 * @type {Map<string, { page: boolean; type: string; variants: { identity: { bytes: Buffer; etag: string }; br?: { bytes: Buffer; etag: string }; gzip?: { bytes: Buffer; etag: string } } }>}
 */
const files = new Map();
/** @type {Map<string, string>} */
const aliases = new Map();
const names = new Set(filesUnder(dir));
for (const name of names) {
  const path = `/${name}`;
  if (isPrivate(path) || NOT_FOUND.has(path)) continue;
  const page = isPageFile(name);
  const address = page ? addressOf(name) : path;
  const read = (suffix) => (names.has(`${name}${suffix}`) ? variant(readFileSync(join(dir, `${name}${suffix}`))) : undefined);
  const br = read('.br');
  const gzip = read('.gz');
  files.set(address, { page, type: TYPES[extname(name)] ?? 'application/octet-stream', variants: { identity: variant(readFileSync(join(dir, name))), ...(br && { br }), ...(gzip && { gzip }) } });
  if (page) {
    aliases.set(path, address);
    if (address.endsWith('/')) aliases.set(`${address}index`, address);
    else if (path.endsWith('/index.html')) aliases.set(path.replace(/\.html$/, ''), address);
  }
}
const notFoundPage = readFileSync(join(dir, '404.html'));

/**
 * The normal path of a request target, or null when it names no path this server could have. The
 * WHATWG URL parser resolves `.`/`..` (also `%2e`) and turns `\` into `/`; each segment is then
 * decoded once. `redirect` is true when the target was not already in normal form.
 * @param {string} target
 */
function normalise(target) {
  let raw = target;
  if (!raw.startsWith('/')) {
    // The absolute form (`GET http://host/path`), which proxies send: its path counts, never its host.
    if (!/^https?:\/\//i.test(raw)) return null;
    try {
      raw = new URL(raw).pathname;
    } catch {
      return null;
    }
  }
  raw = raw.replace(/[?#].*$/s, '');
  let parsed;
  try {
    // Prefixed with an origin, a path starting with `//` stays a path: it is never read as a host.
    parsed = new URL(`http://localhost${raw}`).pathname;
  } catch {
    return null;
  }
  const segments = [];
  for (const segment of parsed.split('/').slice(1)) {
    let decoded;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null; // a malformed escape, or bytes that are not UTF-8 (an overlong `%C0%AE`)
    }
    if (/[/\\\0]/.test(decoded) || decoded === '.' || decoded === '..') return null;
    if (decoded !== '') segments.push(decoded);
  }
  const path = `/${segments.join('/')}`;
  const asSent = raw.split('/').slice(1).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  return { path, redirect: `/${asSent.join('/')}` !== path };
}

/** An address as a Location: each segment encoded, so it is one path on this origin. */
const locationOf = (address) => `/${address.split('/').slice(1).map(encodeURIComponent).join('/')}`;

/** @typedef {import('node:http').ServerResponse} TResponse */

/** Headers (a Map or entries) onto a response. */
function setAll(res, headers) {
  for (const [name, value] of headers) res.setHeader(name, value);
}

/** The "Page not found" page, with its own headers, for any status. */
function sendPage(req, res, status, extra = {}) {
  setAll(res, headersFor('/404'));
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFoundPage.length, ...extra });
  res.end(req.method === 'HEAD' ? undefined : notFoundPage);
}

/** An answer about no file, without a body: the `/*` headers and the locked-down policy. */
function sendPlain(res, status, extra = {}) {
  setAll(res, plainHeaders());
  res.writeHead(status, { 'Content-Length': 0, ...extra });
  res.end();
}

/** Whether an If-None-Match list names this ETag (`*` names any; the weak comparison). */
const listsTag = (header, etag) => header.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));

function sendFile(req, res, address) {
  const file = /** @type {NonNullable<ReturnType<typeof files.get>>} */ (files.get(address));
  const available = /** @type {('br' | 'gzip' | 'identity')[]} */ (['br', 'gzip'].filter((e) => e in file.variants));
  const encoding = available.length === 0 ? 'identity' : (new Negotiator(req).encodings([...available, 'identity'], { preferred: [...available, 'identity'] })[0] ?? 'identity');
  const { bytes, etag } = /** @type {{ bytes: Buffer; etag: string }} */ (file.variants[encoding]);

  res.setHeader('Content-Type', file.type);
  setAll(res, file.page ? headersFor(address) : plainHeaders(address));
  if (available.length > 0) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('ETag', etag);
  res.setHeader('Accept-Ranges', 'bytes');

  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined && listsTag(ifNoneMatch, etag)) {
    res.writeHead(304);
    return res.end();
  }

  let start = 0;
  let end = bytes.length - 1;
  let status = 200;
  const range = req.headers.range;
  const ifRange = req.headers['if-range'];
  // If-Range with another validator (or a date, which this server does not give): the whole file.
  if (range !== undefined && (ifRange === undefined || ifRange.trim() === etag)) {
    const ranges = parseRange(bytes.length, range, { combine: true });
    if (ranges === -1) {
      // No body, so no page: the locked-down policy, whatever was asked for.
      res.setHeader('Content-Range', `bytes */${bytes.length}`);
      res.setHeader('Content-Security-Policy', lockedDownPolicy);
      for (const name of ['Content-Type', 'Content-Encoding']) res.removeHeader(name);
      res.writeHead(416, { 'Content-Length': 0 });
      return res.end();
    }
    // A malformed header (-2) or another unit is ignored, as RFC 9110 says; several ranges get the
    // whole file (no multipart answer).
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
      status = 206;
      ({ start, end } = /** @type {{ start: number; end: number }} */ (ranges[0]));
      res.setHeader('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
    }
  }
  res.writeHead(status, { 'Content-Length': end - start + 1 });
  res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
}

function answer(req, res) {
  const target = normalise(req.url ?? '/');
  if (target === null) return sendPage(req, res, 404); // a malformed address such as /questionnaire/%
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendPage(req, res, 405, { Allow: 'GET, HEAD' });
  // HTTP/1.1 needs a Host header; Node would answer its absence itself, without the headers.
  if (req.httpVersion === '1.1' && req.headers.host === undefined) return sendPlain(res, 400, { Connection: 'close' });
  const { path } = target;
  if (isPrivate(path) || NOT_FOUND.has(path)) return sendPage(req, res, 404);
  const address = aliases.get(path) ?? path;
  if (!files.has(address)) return sendPage(req, res, 404);
  // A page's file name is not its address: /questionnaire.html#G1 would load the page under an
  // address the app does not know. Send the browser to the page's own address (it keeps the #…).
  if (address !== path || target.redirect) return sendPlain(res, 308, { Location: locationOf(address) });
  return sendFile(req, res, address);
}

/** A status line and headers for a socket Node has no response object for. */
function rawAnswer(status, reason, extra = []) {
  const headers = [...plainHeaders(), ...extra].map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${status} ${reason}\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`;
}

// A request without a Host header is answered in `answer`, with the headers.
const server = createServer({ requireHostHeader: false }, (req, res) => {
  try {
    answer(req, res);
  } catch (error) {
    console.error('serve: unexpected error', error);
    if (res.headersSent) return res.destroy();
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    sendPlain(res, 500, { Connection: 'close' });
  }
});

// A request Node cannot parse, headers too large, a timeout: the status Node would give, with the
// security headers. Nothing is written into a response under way (a bad request pipelined after a
// good one): its answer follows once that response is complete.
const CLIENT_ERRORS = { HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'], HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Content Too Large'], ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'] };
server.on('clientError', (error, socket) => {
  if (!socket.writable) return socket.destroy();
  const [status, reason] = CLIENT_ERRORS[/** @type {{ code?: string }} */ (error).code ?? ''] ?? [400, 'Bad Request'];
  const reply = () => (socket.writable ? socket.end(rawAnswer(status, reason)) : socket.destroy());
  // Node's own name for the response being written on this socket (what its default handler checks).
  const inFlight = /** @type {{ _httpMessage?: import('node:http').ServerResponse | null }} */ (socket)._httpMessage;
  if (!inFlight || inFlight.writableFinished) return reply();
  inFlight.once('finish', reply);
});

// An Expect other than 100-continue: Node would answer 417 without the headers.
server.on('checkExpectation', (_req, res) => sendPlain(res, 417, { Connection: 'close' }));

// CONNECT (a proxy's method) has its own event in Node; unanswered, the socket would just close.
server.on('connect', (_req, socket) => {
  socket.on('error', () => {});
  socket.end(rawAnswer(405, 'Method Not Allowed', [['Allow', 'GET, HEAD']]));
});

server.listen(port, host, () => {
  const address = server.address();
  console.log(`Myoclonus Navigator: http://${host}:${typeof address === 'object' && address ? address.port : port} (serving ${dir})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive connections would hold the close open
  });
}
