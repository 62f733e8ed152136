// @ts-check
/**
 * serve — `npm start`: the last build (`out/`) on $HOST:$PORT (default 127.0.0.1:3000).
 *
 * Files are served by sirv (precompressed `.br`/`.gz` when the browser accepts them) with the
 * headers of `out/_headers` — the same file a CDN or static host reads, so what is tested here is
 * what is deployed. The app keeps no server state: every answer stays in the browser tab.
 *
 * Every answer carries the security headers, errors too: an unknown or malformed address gets the
 * "Page not found" page (status 404, with a link to the start), a method other than GET or HEAD gets
 * status 405 with the same page (CONNECT too, without a body), and a page's file name (`/summary.html`)
 * is redirected to its address (`/summary`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

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

// A build without a headers file (the bench's bare page) is served without extra headers.
const rules = existsSync(join(dir, '_headers')) ? readRules(join(dir, '_headers')) : [];
const matches = (rule, path) => (rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : rule.path === path);

/** The headers for a request path: those of every matching rule (`/x.html` and `/x/` count as `/x`). */
function headersFor(path) {
  const page = path.replace(/\.html$/, '').replace(/(.)\/$/, '$1').replace(/(^|\/)index$/, '$1') || '/';
  /** @type {Map<string, string>} */
  const headers = new Map();
  for (const rule of rules.filter((r) => matches(r, path) || matches(r, page))) {
    for (const [name, value] of rule.headers) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}

const files = sirv(dir, { etag: true, brotli: true, gzip: true, dotfiles: false, extensions: ['html'] });
const notFoundPage = readFileSync(join(dir, '404.html'));

/** The "Page not found" page, with its own headers, for any status. */
function sendPage(res, status, extra = {}) {
  for (const [name, value] of headersFor('/404')) res.setHeader(name, value);
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFoundPage.length, ...extra });
  res.end(notFoundPage);
}

const server = createServer((req, res) => {
  let path = '/';
  try {
    path = decodeURI(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return sendPage(res, 404); // a malformed address such as /questionnaire/%
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendPage(res, 405, { Allow: 'GET, HEAD' });
  // The build's files for servers stay private; compressed copies are served only as the encoding of
  // the file they belong to.
  if (['/_headers', '/nginx-headers.conf'].includes(path) || /\.(br|gz)$/.test(path)) return sendPage(res, 404);
  if (/^\/(404|_not-found)(\.html)?$/.test(path)) return sendPage(res, 404);
  // A page's file name is not its address: /questionnaire.html#G1 would load the page under an
  // address the app does not know. Send the browser to the page's own address (it keeps the #…).
  if (/\.html$/.test(path)) {
    const clean = path.replace(/\.html$/, '').replace(/(^|\/)index$/, '$1') || '/';
    for (const [name, value] of headersFor(clean)) res.setHeader(name, value);
    res.writeHead(308, { Location: encodeURI(clean), 'Content-Length': 0 });
    return res.end();
  }
  for (const [name, value] of headersFor(path)) res.setHeader(name, value);
  files(req, res, () => sendPage(res, 404));
});

// A request Node cannot even parse still gets a status and the security headers, never a bare error.
server.on('clientError', (_error, socket) => {
  if (!socket.writable) return socket.destroy();
  const headers = [...headersFor('/404')].map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 400 Bad Request\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
});

// CONNECT (a proxy's method) has its own event in Node; unanswered, the socket would just close.
server.on('connect', (_req, socket) => {
  const headers = [...headersFor('/404')].map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\n${headers}Content-Length: 0\r\nConnection: close\r\n\r\n`);
});

server.listen(port, host, () => console.log(`Myoclonus Navigator: http://${host}:${port} (serving ${dir})`));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive connections would hold the close open
  });
}
