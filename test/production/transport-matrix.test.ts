/**
 * One pipeline for every transport: each policy gives the same outcome (the first error's
 * `extensions.code`, or `ok`) on HTTP POST, HTTP GET, graphql-ws, SSE on /graphql and
 * graphql-sse on /graphql/stream, against the real server in production mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_KEY, startProdServer } from './helpers.js';
import { rawSocket } from './ws-client.js';

type Transport = 'post' | 'get' | 'ws' | 'sse' | 'stream';
const TRANSPORTS: Transport[] = ['post', 'get', 'ws', 'sse', 'stream'];

let s: Awaited<ReturnType<typeof startProdServer>>;
beforeAll(async () => {
  s = await startProdServer({ NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0', MAX_DEPTH: '6' });
});
afterAll(() => s.stop());

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

async function run(transport: Transport, query: string, key?: string): Promise<Outcome> {
  const auth: Record<string, string> = key ? { 'x-api-key': key } : {};
  const base = s.url.replace(/\/graphql$/, '');
  if (transport === 'ws') {
    const socket = await rawSocket(s.wsUrl);
    socket.send({ type: 'connection_init', payload: auth });
    const first = await Promise.race([
      socket.next((m) => m.type === 'connection_ack').then(() => 'ack'),
      socket.closed.then((c) => c),
    ]);
    if (first !== 'ack') {
      const { code } = first as { code: number };
      return { code: code === 4403 ? 'UNAUTHENTICATED' : `CLOSE_${code}`, messages: [] };
    }
    socket.send({ id: '1', type: 'subscribe', payload: { query } });
    const m = await socket.next((x) => x.type === 'next' || x.type === 'error');
    socket.close();
    return m.type === 'error'
      ? outcomeOf({ errors: m.payload as never })
      : outcomeOf(m.payload as never);
  }
  if (transport === 'get') {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`, {
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
    body: JSON.stringify({ query }),
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
