/**
 * HTTP as an attacker writes it: bytes on a socket, not what fetch or a browser would send. And an
 * `npm start` of its own for a spec that may try to stop it, so a crash fails that spec alone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export type TRawResponse = {
  status: number;
  /** Header names in lower case; a repeated header joined with ", ". */
  headers: Map<string, string>;
  /** The body as sent (still compressed when Content-Encoding says so). */
  body: Buffer;
};

/** The body as the client reads it: decompressed according to Content-Encoding. */
export function decoded(response: TRawResponse): Buffer {
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  return response.body;
}

/** Every response in `bytes`: a head, then Content-Length bytes of body (none for HEAD or 304). */
function parseResponses(bytes: Buffer, heads: readonly boolean[]): TRawResponse[] {
  const responses: TRawResponse[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine, ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? NaN);
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
    }
    const noBody = heads[responses.length] === true || status === 304 || (status >= 100 && status < 200);
    const length = noBody ? 0 : Number(headers.get('content-length') ?? bytes.length - end - 4);
    if (status >= 100 && status < 200) {
      at = end + 4; // an interim answer (100 Continue) comes before the real one
      continue;
    }
    responses.push({ status, headers, body: bytes.subarray(end + 4, end + 4 + length) });
    at = end + 4 + length;
  }
  return responses;
}

/**
 * Send raw bytes to host:port and read every response until the server closes the connection or
 * `timeoutMs` passes. `heads` says which of the pipelined requests are HEAD (their answers have no
 * body). A connection the server resets counts as closed.
 */
export function sendRaw(port: number, request: string | Buffer, { heads = [] as boolean[], timeoutMs = 3_000 } = {}) {
  return new Promise<{ responses: TRawResponse[]; closed: boolean }>((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(chunks), heads), closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** A request in HTTP/1.1's usual shape, from parts. `headers` are written as given, in order. */
export function request(method: string, target: string, headers: [string, string][] = [['Host', 'localhost']], version = 'HTTP/1.1'): string {
  return `${method} ${target} ${version}\r\n${[...headers, ['Connection', 'close']].map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`;
}

export type TServer = { port: number; process: ChildProcess; output: () => string; stop: () => Promise<void> };

/** `node scripts/serve.mjs` on a free loopback port, serving the build in out/ (or `dir`). */
export async function startServer(dir?: string): Promise<TServer> {
  const child = spawn(process.execPath, [join(__dirname, '../../scripts/serve.mjs'), ...(dir ? [dir] : [])], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${output}`)), 15_000);
    const look = () => {
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it listened: ${output}`)));
  });
  return {
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
