/**
 * Framing and malformed requests, read off raw sockets (node:net), against the real server:
 * every refusal of every endpoint has a body of exactly its content-length (or correct
 * chunks), a malformed Host header or request line is a bare 400 on every path (no stack, no
 * file path), and a JSON body that is not an object (`null`, `1`, `"x"`) is a coded 400.
 * Outsider report: issue 24 items 2 and 12 (`POST /graphql/stream` with `{"query": 1}`
 * answered content-length 40 with a 76-byte body; `Host: [` answered 500 with a stack).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_KEY, startProdServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof startProdServer>>;
let s: Server;
beforeAll(async () => {
  s = await startProdServer({ NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0' });
});
afterAll(() => s.stop());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as framed (content-length bytes, or the chunks decoded). */
  body: Buffer;
  /** Bytes after the framed body: must be none. */
  extra: number;
}

/** Sends `raw` on a new socket and reads until the server closes it. */
function exchange(raw: string | Buffer): Promise<Buffer> {
  const { port } = s;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    // Not half-closed: the request says `connection: close`, the server ends the exchange.
    socket.write(raw);
  });
}

/** Parses one HTTP/1.1 response and checks its framing against the bytes received. */
function parse(bytes: Buffer): RawResponse {
  const headEnd = bytes.indexOf('\r\n\r\n');
  expect(headEnd).toBeGreaterThan(0);
  const [statusLine, ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine!)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const rest = bytes.subarray(headEnd + 4);
  if (headers['transfer-encoding']?.includes('chunked')) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n', at);
      expect(lineEnd, 'a chunk size line').toBeGreaterThanOrEqual(0);
      const size = Number.parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
      expect(Number.isNaN(size)).toBe(false);
      at = lineEnd + 2;
      if (size === 0) {
        expect(rest.subarray(at, at + 2).toString('latin1')).toBe('\r\n');
        at += 2;
        break;
      }
      parts.push(rest.subarray(at, at + size));
      expect(rest.subarray(at + size, at + size + 2).toString('latin1')).toBe('\r\n');
      at += size + 2;
    }
    return { status, headers, body: Buffer.concat(parts), extra: rest.length - at };
  }
  const length = headers['content-length'];
  if (length === undefined) return { status, headers, body: rest, extra: 0 };
  const n = Number(length);
  return { status, headers, body: rest.subarray(0, n), extra: rest.length - n };
}

function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): string {
  const all: Record<string, string> = {
    host: 'localhost',
    connection: 'close',
    ...headers,
  };
  if (body !== undefined) all['content-length'] ??= String(Buffer.byteLength(body));
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return `${method} ${path} HTTP/1.1\r\n${head}\r\n${body ?? ''}`;
}

const json = { 'content-type': 'application/json', accept: 'application/json' };
const auth = { 'x-api-key': READ_KEY };
const sse = { 'content-type': 'application/json', accept: 'text/event-stream' };

/** Every refusal of every endpoint, and a few successes. */
const CASES: [string, string][] = [];
for (const path of ['/graphql', '/graphql/stream']) {
  const accept = path === '/graphql' ? json : sse;
  CASES.push(
    [`${path}: no credentials`, request('POST', path, accept, '{"query":"{ __typename }"}')],
    [
      `${path}: a wrong key`,
      request('POST', path, { ...accept, 'x-api-key': 'nope-nope-nope' }, '{}'),
    ],
    [`${path}: malformed JSON`, request('POST', path, { ...accept, ...auth }, '{"query":')],
    [`${path}: a JSON null body`, request('POST', path, { ...accept, ...auth }, 'null')],
    [`${path}: a JSON number body`, request('POST', path, { ...accept, ...auth }, '1')],
    [`${path}: a JSON string body`, request('POST', path, { ...accept, ...auth }, '"x"')],
    [
      `${path}: a query that is a number`,
      request('POST', path, { ...accept, ...auth }, '{"query": 1}'),
    ],
    [`${path}: no query`, request('POST', path, { ...accept, ...auth }, '{}')],
    [
      `${path}: a declared body over the limit`,
      request('POST', path, { ...accept, ...auth, 'content-length': '99999999' }, ''),
    ],
    [
      `${path}: an unsupported content type`,
      request('POST', path, { ...auth, 'content-type': 'text/plain' }, 'x'),
    ],
    [`${path}: a syntax error`, request('POST', path, { ...accept, ...auth }, '{"query":"{"}')],
    [`${path}: DELETE`, request('DELETE', path, auth)],
  );
}
CASES.push(
  [
    '/graphql: GET with invalid variables',
    request('GET', '/graphql?query=%7B__typename%7D&variables=%7B', { ...json, ...auth }),
  ],
  [
    '/graphql: GET a mutation',
    request('GET', '/graphql?query=mutation%7B__typename%7D', {
      ...json,
      ...auth,
      'x-graphql-yoga-csrf': '1',
    }),
  ],
  [
    '/graphql: GET without the CSRF header',
    request('GET', '/graphql?query=%7B__typename%7D', auth),
  ],
  [
    '/graphql/stream: an unknown token',
    request('GET', '/graphql/stream?token=nope', { ...auth, accept: 'text/event-stream' }),
  ],
  [
    '/graphql: a query',
    request('POST', '/graphql', { ...json, ...auth }, '{"query":"{ __typename }"}'),
  ],
  ['/health', request('GET', '/health')],
  ['/ready', request('GET', '/ready')],
  ['/metrics', request('GET', '/metrics')],
  ['an unknown path', request('GET', '/nope')],
  ['the dashboard', request('GET', '/')],
);

describe('every response is framed as its body (content-length or chunks)', () => {
  it.each(CASES)('%s', async (_name, raw) => {
    const res = parse(await exchange(raw));
    expect(res.extra, `bytes past the framed body (status ${res.status})`).toBe(0);
    if (res.headers['content-length'] !== undefined) {
      expect(res.body.length).toBe(Number(res.headers['content-length']));
    }
    expect(res.status).toBeLessThan(500);
    expect(res.body.toString('utf8')).not.toMatch(/\bat .*\(|\/src\/|node_modules|\.mjs|\.ts:/);
    if (res.status >= 400 && res.headers['content-type']?.includes('json')) {
      const body = JSON.parse(res.body.toString('utf8')) as {
        errors?: { extensions?: { code?: string } }[];
      };
      expect(body.errors?.[0]?.extensions?.code, res.body.toString('utf8')).toBeTruthy();
    }
  });
});

describe('non-object JSON bodies are the client mistake: a coded 400', () => {
  it.each(['/graphql', '/graphql/stream'])('%s', async (path) => {
    for (const body of ['null', '1', '"x"', 'true']) {
      const accept = path === '/graphql' ? json : sse;
      const res = parse(await exchange(request('POST', path, { ...accept, ...auth }, body)));
      expect(res.status, `${path} ${body}`).toBe(400);
      const parsed = JSON.parse(res.body.toString('utf8'));
      expect(parsed.errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });
});

describe('a malformed Host header or request line is a bare 400 on every path', () => {
  const paths = ['/health', '/ready', '/metrics', '/graphql', '/graphql/stream', '/', '/nope'];
  const hosts = ['[', 'a b', 'x:99999', '[::1', 'a/b', 'a@b', '%zz'];
  it.each(paths)('%s', async (path) => {
    for (const host of hosts) {
      const res = parse(await exchange(request('GET', path, { host, ...auth })));
      expect(res.status, `Host: ${host}`).toBe(400);
      expect(res.extra).toBe(0);
      expect(res.body.toString('utf8')).not.toMatch(/Error|\bat |\/|node_modules/);
    }
  });
  it('answers 400 to a malformed request line and header', async () => {
    for (const raw of [
      'GET /health HTTP/1.1 extra\r\nhost: x\r\n\r\n',
      'GET /he alth HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET /health HTTP/1.1\r\nbad header\r\n\r\n',
      'GET /health HTTP/1.1\r\nhost: x\r\nx-a\x01: b\r\n\r\n',
      'GET http://[/health HTTP/1.1\r\nhost: x\r\n\r\n',
      'GET //[/health HTTP/1.1\r\nhost: x\r\n\r\n',
    ]) {
      const res = parse(await exchange(raw));
      expect(res.status, JSON.stringify(raw)).toBe(400);
      expect(res.body.toString('utf8')).not.toMatch(/Error|\bat |node_modules/);
    }
  });
});
