/**
 * graphql-ws over the real server with raw `ws` clients: every close code the gateway can send,
 * authentication in connectionParams, scopes, query limits and persisted operations on the
 * WebSocket transport.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import persisted from '../../src/gql/persisted-documents.json' with { type: 'json' };
import { READ_KEY, startProdServer, WRITE_KEY } from './helpers.js';
import { initSocket, rawSocket } from './ws-client.js';

type Server = Awaited<ReturnType<typeof startProdServer>>;

const FLOWS = '{ flows(first: 2) { edges { node { flowName } } } }';
const RUNS = 'subscription { flowRuns(flowName: "salesforce-accounts-to-s3") { executionId } }';

const codeOf = (m: Record<string, unknown>): string | undefined => {
  const payload = m.payload as
    | { errors?: { extensions?: { code?: string } }[] }
    | { extensions?: { code?: string } }[]
    | undefined;
  const errors = Array.isArray(payload) ? payload : payload?.errors;
  return errors?.[0]?.extensions?.code;
};

describe('graphql-ws close codes and auth', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startProdServer({}, { wsInitTimeoutMs: 300 });
  });
  afterAll(() => s.stop());

  it('4400 for a message that is not graphql-transport-ws', async () => {
    const c = await rawSocket(s.wsUrl);
    c.send({ type: 'not-a-message' });
    expect((await c.closed).code).toBe(4400);
  });

  it('4401 for a subscribe before connection_init was acknowledged', async () => {
    const c = await rawSocket(s.wsUrl);
    c.send({ type: 'subscribe', id: '1', payload: { query: FLOWS } });
    expect((await c.closed).code).toBe(4401);
  });

  it('4403 for missing, unknown or malformed credentials', async () => {
    for (const payload of [undefined, { 'x-api-key': 'wrong' }, { authorization: 'Token x' }]) {
      const c = await rawSocket(s.wsUrl);
      c.send({ type: 'connection_init', payload });
      const closed = await c.closed;
      expect(closed.code).toBe(4403);
      expect(c.messages.find((m) => m.type === 'connection_ack')).toBeUndefined();
    }
  });

  it('4408 when connection_init does not come in time', async () => {
    const c = await rawSocket(s.wsUrl);
    expect((await c.closed).code).toBe(4408);
  });

  it('4409 for a second subscription with an id still in use', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': READ_KEY });
    c.send({ type: 'subscribe', id: 'dup', payload: { query: RUNS } });
    c.send({ type: 'subscribe', id: 'dup', payload: { query: RUNS } });
    expect((await c.closed).code).toBe(4409);
  });

  it('4429 for a second connection_init', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': READ_KEY });
    c.send({ type: 'connection_init', payload: { 'x-api-key': READ_KEY } });
    expect((await c.closed).code).toBe(4429);
  });

  it('accepts credentials as an authorization member and answers queries', async () => {
    const c = await initSocket(s.wsUrl, { authorization: `Bearer ${READ_KEY}` });
    c.send({ type: 'subscribe', id: 'q', payload: { query: FLOWS } });
    const next = await c.next((m) => m.id === 'q' && m.type === 'next');
    expect(
      (next.payload as { data: { flows: { edges: unknown[] } } }).data.flows.edges,
    ).toHaveLength(2);
    await c.next((m) => m.id === 'q' && m.type === 'complete');
    c.close();
  });

  it('enforces scopes: a read key cannot mutate; a key without read cannot subscribe', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': READ_KEY });
    c.send({
      type: 'subscribe',
      id: 'm',
      payload: {
        query:
          'mutation { startFlow(input: { flowName: "salesforce-accounts-to-s3" }) { __typename } }',
      },
    });
    const denied = await c.next((m) => m.id === 'm' && (m.type === 'next' || m.type === 'error'));
    expect(codeOf(denied)).toBe('FORBIDDEN');
    c.close();

    const { SignJWT } = await import('jose');
    const writer = await new SignJWT({ scope: 'write' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('writer-1')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-test-secret-that-is-at-least-32-chars!'));
    const w = await initSocket(s.wsUrl, { authorization: `Bearer ${writer}` });
    w.send({ type: 'subscribe', id: 's', payload: { query: RUNS } });
    const refused = await w.next((m) => m.id === 's' && (m.type === 'next' || m.type === 'error'));
    expect(codeOf(refused)).toBe('FORBIDDEN');
    w.close();
  });

  it('applies the query limits with their codes', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': WRITE_KEY });
    let deep = 'flowName';
    for (let i = 0; i < 3; i++) deep = `executions { edges { node { flow { ${deep} } } } }`;
    c.send({ type: 'subscribe', id: 'd', payload: { query: `{ flow(name: "x") { ${deep} } }` } });
    expect(codeOf(await c.next((m) => m.id === 'd'))).toBe('QUERY_TOO_DEEP');
    const many = Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ');
    c.send({ type: 'subscribe', id: 't', payload: { query: `{ ${many} }` } });
    expect(codeOf(await c.next((m) => m.id === 't'))).toBe('TOO_MANY_TOKENS');
    c.send({ type: 'subscribe', id: 'x', payload: { query: '{ flows(' } });
    expect((await c.next((m) => m.id === 'x')).type).toBe('error');
    // The socket survives refused documents.
    c.send({ type: 'subscribe', id: 'ok', payload: { query: FLOWS } });
    expect((await c.next((m) => m.id === 'ok')).type).toBe('next');
    c.close();
  });
});

describe('subscriptions gauge and rate limit on WebSocket', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startProdServer({ RATE_LIMIT_PER_MINUTE: '1' });
  });
  afterAll(() => s.stop());

  const gauge = async () => {
    const text = await (await fetch(s.metricsUrl!)).text();
    return Number(/^graphql_active_subscriptions (\d+)$/m.exec(text)?.[1]);
  };
  const until = async (pred: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await pred()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await pred()).toBe(true);
  };

  it('graphql_active_subscriptions follows a subscription from start to complete', async () => {
    expect(await gauge()).toBe(0);
    const c = await initSocket(s.wsUrl, { 'x-api-key': READ_KEY });
    c.send({ type: 'subscribe', id: 'live', payload: { query: RUNS } });
    await until(async () => (await gauge()) === 1);
    c.send({ type: 'complete', id: 'live' });
    await until(async () => (await gauge()) === 0);
    c.close();
  });

  it('charges AppFlow calls made over WebSocket to the viewer', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': WRITE_KEY });
    const one = (id: string, name: string) =>
      c.send({
        type: 'subscribe',
        id,
        payload: { query: `{ flow(name: "${name}") { flowName } }` },
      });
    one('a', 'salesforce-accounts-to-s3');
    const first = await c.next((m) => m.id === 'a' && m.type === 'next');
    expect(codeOf(first)).toBeUndefined();
    one('b', 'zendesk-tickets-nightly');
    expect(codeOf(await c.next((m) => m.id === 'b' && m.type !== 'complete'))).toBe('RATE_LIMITED');
    c.close();
  });
});

describe('persisted operations on WebSocket (PERSISTED_OPERATIONS=only)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startProdServer({ PERSISTED_OPERATIONS: 'only' });
  });
  afterAll(() => s.stop());

  const hashOf = (name: string) =>
    Object.entries(persisted as Record<string, string>)
      .find(
        ([, doc]) => doc.includes(`query ${name}(`) || doc.includes(`subscription ${name}(`),
      )![0]
      .replace(/^sha256:/, '');

  it('refuses a document sent as text and runs one sent by hash', async () => {
    const c = await initSocket(s.wsUrl, { 'x-api-key': READ_KEY });
    c.send({ type: 'subscribe', id: 'text', payload: { query: FLOWS } });
    expect(codeOf(await c.next((m) => m.id === 'text'))).toBe('PERSISTED_QUERY_ONLY');
    c.send({
      type: 'subscribe',
      id: 'unknown',
      payload: {
        query: '',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } },
      },
    });
    expect(codeOf(await c.next((m) => m.id === 'unknown'))).toBe('PERSISTED_QUERY_NOT_FOUND');
    c.send({
      type: 'subscribe',
      id: 'hash',
      payload: {
        query: '',
        variables: { first: 3 },
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOf('FlowsList') } },
      },
    });
    const next = await c.next((m) => m.id === 'hash');
    expect(next.type).toBe('next');
    expect(
      (next.payload as { data: { flows: { edges: unknown[] } } }).data.flows.edges,
    ).toHaveLength(3);
    c.close();
  });
});
