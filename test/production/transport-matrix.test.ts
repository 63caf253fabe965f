/**
 * One pipeline for every transport: each policy gives the same outcome (the first error's
 * `extensions.code`, or `ok`) on HTTP POST, HTTP GET, graphql-ws, SSE on /graphql and
 * graphql-sse on /graphql/stream, against the real server in production mode.
 */

import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import persisted from '../../src/gql/persisted-documents.json' with { type: 'json' };
import { JWT_SECRET, READ_KEY, startProdServer } from './helpers.js';
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
  variables?: Record<string, unknown>;
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
  // An API key, or `Bearer <jwt>`.
  const auth: Record<string, string> = !key
    ? {}
    : key.startsWith('Bearer ')
      ? { authorization: key }
      : { 'x-api-key': key };
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
      return {
        code: code === 4403 || code === 4401 ? 'UNAUTHENTICATED' : `CLOSE_${code}`,
        messages: [],
      };
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
    if (params.variables) search.set('variables', JSON.stringify(params.variables));
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

/** A bearer credential for viewer `jwt:<sub>`, expiring `expiresIn` seconds from now. */
async function bearer(sub: string, expiresIn = 600, scope = 'read write'): Promise<string> {
  const token = await new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 10)
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .sign(new TextEncoder().encode(JWT_SECRET));
  return `Bearer ${token}`;
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

/** The transports a subscription runs on. */
const SUBSCRIBING: Transport[] = ['ws', 'sse', 'stream'];
const FLOW_RUNS = 'subscription($f: String!) { flowRuns(flowName: $f) { executionId } }';
const SEEDED_FLOW = 'salesforce-accounts-to-s3';

describe('credentials that expire (issue 24 item 1)', () => {
  it.each(TRANSPORTS)('an expired JWT is UNAUTHENTICATED on %s', async (t) => {
    const expired = await bearer(`expired-${t}`, -5);
    expect((await run(t, '{ __typename }', expired)).code).toBe('UNAUTHENTICATED');
  });

  it('a JWT that expires on an open WebSocket closes it with 4401, and nothing runs after', async () => {
    const token = await bearer('expiring-ws', 2, 'read write');
    const socket = await rawSocket(s.wsUrl);
    socket.send({ type: 'connection_init', payload: { authorization: token } });
    await socket.next((m) => m.type === 'connection_ack');
    socket.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } });
    expect((await socket.next((m) => m.id === '1' && m.type === 'next')).payload).toEqual({
      data: { __typename: 'Query' },
    });
    // A live subscription on it ends with the socket.
    socket.send({
      id: '2',
      type: 'subscribe',
      payload: { query: FLOW_RUNS, variables: { f: SEEDED_FLOW } },
    });
    // Event-driven: the close at `exp` (2 s), no wall-clock assertion.
    const closed = await socket.closed;
    expect(closed).toEqual({ code: 4401, reason: 'Credential expired' });
    // The same credential on HTTP is refused as well.
    expect((await run('post', '{ __typename }', token)).code).toBe('UNAUTHENTICATED');
  });

  it.each(['sse', 'stream'] as const)(
    'an SSE subscription on %s ends when its JWT expires',
    async (t) => {
      const token = await bearer(`expiring-${t}`, 2, 'read write');
      const base = s.url.replace(/\/graphql$/, '');
      const res = await fetch(`${base}${t === 'stream' ? '/graphql/stream' : '/graphql'}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: token,
        },
        body: JSON.stringify({ query: FLOW_RUNS, variables: { f: SEEDED_FLOW } }),
      });
      expect(res.status).toBe(200);
      // Read to the end: the stream ends at `exp` instead of running on. Without `complete`
      // (an operation's stream never says the operation is over when it is not), so the
      // client retries, and the retry with the expired credential is refused.
      const text = await res.text();
      expect(text).not.toContain('event: complete');
      const retry = await fetch(`${base}${t === 'stream' ? '/graphql/stream' : '/graphql'}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: token,
        },
        body: JSON.stringify({ query: FLOW_RUNS, variables: { f: SEEDED_FLOW } }),
      });
      expect(retry.status).toBe(401);
      await retry.body?.cancel();
    },
  );
});

describe('per-viewer caps and the call budget on every transport (issue 24 items 6, 7)', () => {
  let c: Server;
  beforeAll(async () => {
    c = await startProdServer({
      SHUTDOWN_DELAY_MS: '0',
      RATE_LIMIT_PER_MINUTE: '30',
      SUBSCRIPTIONS_PER_VIEWER: '2',
      WS_CONNECTIONS_PER_VIEWER: '2',
    });
  });
  afterAll(() => c.stop());

  const describeFlowCalls = () => {
    const seen: string[] = [];
    const off = c.gateway.appflow.onCall((op) => seen.push(op));
    return { count: () => seen.filter((op) => op === 'DescribeFlow').length, off };
  };

  it.each(SUBSCRIBING)(
    'flowStatusChanged with 100 unknown names is refused RATE_LIMITED with no AppFlow call on %s',
    async (t) => {
      const calls = describeFlowCalls();
      const names = Array.from({ length: 100 }, (_, i) => `unknown-flow-${i}`);
      const outcome = await run(
        t,
        {
          query: 'subscription($n: [String!]!) { flowStatusChanged(flowNames: $n) { flowName } }',
          variables: { n: names },
        },
        await bearer(`budget-${t}`),
        c,
      );
      calls.off();
      expect(outcome.code).toBe('RATE_LIMITED');
      expect(calls.count()).toBe(0);
    },
  );

  it.each(SUBSCRIBING)('each subscription is charged to the viewer budget on %s', async (t) => {
    const who = await bearer(`charged-${t}`);
    const twenty = Array.from({ length: 20 }, (_, i) => `charged-flow-${i}`);
    const query = 'subscription($n: [String!]!) { flowStatusChanged(flowNames: $n) { flowName } }';
    // 20 of 30 are taken by the first (its flows do not exist: NOT_FOUND after 20 calls) ...
    expect((await run(t, { query, variables: { n: twenty } }, who, c)).code).toBe('NOT_FOUND');
    // ... so 20 more are over the budget, and so is a query that needs a call.
    expect((await run(t, { query, variables: { n: twenty } }, who, c)).code).toBe('RATE_LIMITED');
  });

  it.each(SUBSCRIBING)(
    'a viewer holding its subscriptions gets SUBSCRIPTION_LIMIT on %s; another viewer does not',
    async (t) => {
      const who = await bearer(`subs-${t}`);
      const viewerId = `jwt:subs-${t}`;
      const socket = await rawSocket(c.wsUrl);
      socket.send({ type: 'connection_init', payload: { authorization: who } });
      await socket.next((m) => m.type === 'connection_ack');
      for (const id of ['1', '2']) {
        socket.send({
          id,
          type: 'subscribe',
          payload: { query: FLOW_RUNS, variables: { f: SEEDED_FLOW } },
        });
      }
      const limits = c.gateway.services.live.limits;
      for (let i = 0; i < 200 && limits.viewerCount(viewerId) < 2; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(limits.viewerCount(viewerId)).toBe(2);
      const third = await run(t, { query: FLOW_RUNS, variables: { f: 'missing-flow' } }, who, c);
      expect(third.code).toBe('SUBSCRIPTION_LIMIT');
      const other = await run(
        t,
        { query: FLOW_RUNS, variables: { f: 'missing-flow' } },
        await bearer(`other-${t}`),
        c,
      );
      expect(other.code).toBe('NOT_FOUND');
      socket.close();
      await socket.closed;
      for (let i = 0; i < 200 && limits.viewerCount(viewerId) > 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(limits.viewerCount(viewerId)).toBe(0);
    },
  );

  it('a viewer may hold WS_CONNECTIONS_PER_VIEWER sockets; the next closes with 4429', async () => {
    const who = await bearer('sockets');
    const open = async (token: string) => {
      const socket = await rawSocket(c.wsUrl);
      socket.send({ type: 'connection_init', payload: { authorization: token } });
      const first = await Promise.race([
        socket.next((m) => m.type === 'connection_ack').then(() => 'ack' as const),
        socket.closed,
      ]);
      return { socket, first };
    };
    const a = await open(who);
    const b = await open(who);
    expect([a.first, b.first]).toEqual(['ack', 'ack']);
    const refused = await open(who);
    expect(refused.first).toEqual({
      code: 4429,
      reason: expect.stringContaining('CONNECTION_LIMIT'),
    });
    // Someone else is not affected, and a closed socket gives its place back.
    const other = await open(await bearer('sockets-other'));
    expect(other.first).toBe('ack');
    a.socket.close();
    await a.socket.closed;
    const again = await open(who);
    expect(again.first).toBe('ack');
    for (const x of [b, other, again]) x.socket.close();
  });
});

describe('invalid variables keep their path and reason, values redacted (issue 24 item 11)', () => {
  const query = 'query($i: ValidateFlowInput!) { validateFlow(input: $i) { valid } }';
  const variables = {
    i: { create: { flowName: 'secret-value-1', tasks: [{ x: 'secret-value-2' }] } },
  };
  beforeAll(async () => {
    // Queries run compiled by graphql-jit once it has loaded (src/plugins/jit.ts): it words
    // variable errors its own way (`Variable "$create" got invalid value.` after redaction).
    await run('post', '{ __typename }', READ_KEY);
    // The first query started its import; the same module resolves here once it is loaded.
    await import('@envelop/graphql-jit');
    await new Promise((resolve) => setImmediate(resolve));
  });
  it.each(TRANSPORTS)('on %s', async (t) => {
    const outcome = await run(t, { query, variables }, READ_KEY);
    expect(outcome.code).toBe('BAD_USER_INPUT');
    expect(outcome.messages).toContain(
      'Variable "$i" got invalid value at "i.create.tasks[0]"; Field "x" is not defined by type "TaskInput".',
    );
    expect(outcome.messages.join('\n')).not.toContain('secret-value');
  });
});
