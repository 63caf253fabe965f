/**
 * One pipeline for every transport: each policy gives the same outcome (the first error's
 * `extensions.code`, or `ok`) on HTTP POST, HTTP GET, graphql-ws, SSE on /graphql and
 * graphql-sse on /graphql/stream, against the real server in production mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import persisted from '../../src/gql/persisted-documents.json' with { type: 'json' };
import { READ_KEY, startProdServer } from './helpers.js';
import { rawSocket } from './ws-client.js';

type Transport = 'post' | 'get' | 'ws' | 'sse' | 'stream';
const TRANSPORTS: Transport[] = ['post', 'get', 'ws', 'sse', 'stream'];

type Server = Awaited<ReturnType<typeof startProdServer>>;
let s: Server;
beforeAll(async () => {
  s = await startProdServer({ NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0', MAX_DEPTH: '6' });
});
afterAll(() => s.stop());

interface Params {
  query?: string;
  extensions?: Record<string, unknown>;
}

interface Outcome {
  code: string;
  messages: string[];
}

function outcomeOf(body: {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}): Outcome {
  const errors = body.errors ?? [];
  return {
    code: errors.length ? String(errors[0]?.extensions?.code ?? 'NO_CODE') : 'ok',
    messages: errors.map((e) => e.message),
  };
}

/** The first JSON payload of a response: a JSON body, or the first SSE `data:` line. */
async function httpOutcome(res: Response): Promise<Outcome> {
  const text = await res.text();
  if (res.headers.get('content-type')?.includes('json')) return outcomeOf(JSON.parse(text));
  const data = text.split('\n').find((l) => l.startsWith('data: ') && l.length > 7);
  if (!data) return { code: `EMPTY_${res.status}`, messages: [] };
  return outcomeOf(JSON.parse(data.slice(6)));
}

async function run(
  transport: Transport,
  query: string | Params,
  key?: string,
  server: Server = s,
): Promise<Outcome> {
  const params: Params = typeof query === 'string' ? { query } : query;
  const auth: Record<string, string> = key ? { 'x-api-key': key } : {};
  const base = server.url.replace(/\/graphql$/, '');
  if (transport === 'ws') {
    const socket = await rawSocket(server.wsUrl);
    socket.send({ type: 'connection_init', payload: auth });
    const first = await Promise.race([
      socket.next((m) => m.type === 'connection_ack').then(() => 'ack'),
      socket.closed.then((c) => c),
    ]);
    if (first !== 'ack') {
      const { code } = first as { code: number };
      return { code: code === 4403 ? 'UNAUTHENTICATED' : `CLOSE_${code}`, messages: [] };
    }
    socket.send({ id: '1', type: 'subscribe', payload: params });
    const m = await socket.next((x) => x.type === 'next' || x.type === 'error');
    socket.close();
    return m.type === 'error'
      ? outcomeOf({ errors: m.payload as never })
      : outcomeOf(m.payload as never);
  }
  if (transport === 'get') {
    const search = new URLSearchParams();
    if (params.query) search.set('query', params.query);
    if (params.extensions) search.set('extensions', JSON.stringify(params.extensions));
    const res = await fetch(`${base}/graphql?${search}`, {
      headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1', ...auth },
    });
    return httpOutcome(res);
  }
  const path = transport === 'stream' ? '/graphql/stream' : '/graphql';
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: transport === 'post' ? 'application/graphql-response+json' : 'text/event-stream',
      ...auth,
    },
    body: JSON.stringify(params),
  });
  return httpOutcome(res);
}

const deepList = `{ flows(filter: ${'['.repeat(2000)}1${']'.repeat(2000)}) { __typename } }`;
const POLICIES: [string, string, string | undefined, string][] = [
  ['a plain query', '{ flows(first: 1) { edges { node { flowName } } } }', READ_KEY, 'ok'],
  [
    'no credentials',
    '{ flows(first: 1) { edges { node { flowName } } } }',
    undefined,
    'UNAUTHENTICATED',
  ],
  ['no credentials, invalid document (auth first)', '{ flowz }', undefined, 'UNAUTHENTICATED'],
  ['a wrong key', '{ __typename }', 'wrong-key-0123456789', 'UNAUTHENTICATED'],
  [
    'introspection in production',
    '{ __schema { types { name } } }',
    READ_KEY,
    'GRAPHQL_VALIDATION_FAILED',
  ],
  ['an unknown field', '{ flowz }', READ_KEY, 'GRAPHQL_VALIDATION_FAILED'],
  ['a syntax error', '{ flows {', READ_KEY, 'GRAPHQL_PARSE_FAILED'],
  [
    'a query deeper than the limit',
    '{ flows { edges { node { lastExecution { flow { lastExecution { flow { flowName } } } } } } } }',
    READ_KEY,
    'QUERY_TOO_DEEP',
  ],
  ['a list literal nested 2,000 deep', deepList, READ_KEY, 'QUERY_TOO_DEEP'],
  [
    'a query costlier than the limit (checked with the page sizes, at execution)',
    '{ flows(first: 1000) { edges { node { flowName runStats(last: 500) { runs successes failures cancellations inProgress successRate truncated duration { p50 p95 max } daily { date runs failures records } } } } } }',
    READ_KEY,
    'QUERY_TOO_COMPLEX',
  ],
  [
    'a list argument longer than the cap',
    `{ nodes(ids: [${Array.from({ length: 101 }, (_, i) => `"id${i}"`).join(', ')}]) { __typename } }`,
    READ_KEY,
    'LIST_TOO_LONG',
  ],
  [
    'more aliases than the limit',
    `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: flows(first: 1) { __typename }`).join(' ')} }`,
    READ_KEY,
    'TOO_MANY_ALIASES',
  ],
  [
    'a mutation with a read key',
    'mutation { startFlow(input: { flowName: "x" }) { __typename } }',
    READ_KEY,
    'FORBIDDEN',
  ],
];

describe.each(POLICIES)('%s', (_name, query, key, expected) => {
  it.each(TRANSPORTS)(`answers ${expected} on %s`, async (transport) => {
    // Mutations are not served over GET (HTTP semantics), whatever the policy.
    if (transport === 'get' && query.startsWith('mutation')) return;
    const outcome = await run(transport, query, key);
    expect(outcome.code).toBe(expected);
    // Production: no field suggestions and no stack or file path in any message.
    for (const m of outcome.messages) {
      expect(m).not.toMatch(/Did you mean|\/src\/|node_modules|at .*\(/);
    }
  });
});

describe('persisted operations only', () => {
  let only: Server;
  beforeAll(async () => {
    only = await startProdServer({ PERSISTED_OPERATIONS: 'only', SHUTDOWN_DELAY_MS: '0' });
  });
  afterAll(() => only.stop());
  const [hash, text] = Object.entries(persisted as Record<string, string>).find(([, d]) =>
    d.startsWith('query '),
  )!;
  // graphql-ws and graphql-sse frames need a query string: their clients send '' with a hash.
  const withHash = (t: Transport, sha256Hash: string): Params => ({
    ...(t === 'ws' || t === 'stream' ? { query: '' } : {}),
    extensions: { persistedQuery: { version: 1, sha256Hash } },
  });

  it.each(TRANSPORTS)(
    'refuses a document not in the list with PERSISTED_QUERY_ONLY on %s',
    async (t) => {
      expect((await run(t, '{ __typename }', READ_KEY, only)).code).toBe('PERSISTED_QUERY_ONLY');
    },
  );
  it.each(TRANSPORTS)('runs a persisted document by hash and by text on %s', async (t) => {
    expect((await run(t, withHash(t, hash), READ_KEY, only)).code).toBe('ok');
    expect((await run(t, text, READ_KEY, only)).code).toBe('ok');
  });
  it.each(TRANSPORTS)('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND on %s', async (t) => {
    const unknown = withHash(t, 'ab'.repeat(32));
    expect((await run(t, unknown, READ_KEY, only)).code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
