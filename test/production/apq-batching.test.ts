/**
 * Automatic persisted queries (Apollo's protocol) beside the trusted-documents list, and array
 * POSTs (batching) with their size limit, cost limits and rate limit per operation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import persisted from '../../src/gql/persisted-documents.json' with { type: 'json' };
import { ADMIN_KEY, type ProdGateway, READ_KEY, sha256, startProdGateway } from './helpers.js';

const auth = { 'x-api-key': READ_KEY };
const QUERY = '{ flows(first: 2) { edges { node { flowName } } } }';
const apq = (hash: string, query?: string) => ({
  ...(query === undefined ? {} : { query }),
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
const code = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  r.body.errors?.[0]?.extensions?.code;

describe.each(['off', 'allow'])('APQ with PERSISTED_OPERATIONS=%s', (mode) => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ PERSISTED_OPERATIONS: mode });
  });
  afterAll(() => g.close());

  it('hash only -> PERSISTED_QUERY_NOT_FOUND; query + hash registers; then the hash alone runs it', async () => {
    const hash = sha256(QUERY);
    const first = await g.post(apq(hash), auth);
    expect(code(first)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(first.body.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    const register = await g.post(apq(hash, QUERY), auth);
    expect(register.body.errors).toBeUndefined();
    const again = await g.post(apq(hash), auth);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(register.body.data);
    // Apollo's useGETForHashedQueries: the hash in the URL, no CSRF header.
    const extensions = encodeURIComponent(JSON.stringify(apq(hash).extensions));
    const get = await g.fetch(`/graphql?extensions=${extensions}`, {
      headers: { ...auth, accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data?: unknown }).data).toEqual(register.body.data);
  });

  it('refuses a query whose hash is not its sha256, and never registers an invalid query', async () => {
    const wrong = await g.post(apq(sha256('something else'), QUERY), auth);
    expect(code(wrong)).toBe('PERSISTED_QUERY_MISMATCH');
    const invalid = '{ noSuchField }';
    const bad = await g.post(apq(sha256(invalid), invalid), auth);
    expect(code(bad)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(code(await g.post(apq(sha256(invalid)), auth))).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Refused callers register nothing (anonymous access is off here: 401).
    const anonymous = '{ flows(first: 4) { edges { node { flowArn } } } }';
    expect((await g.post(apq(sha256(anonymous), anonymous))).status).toBe(401);
    expect(code(await g.post(apq(sha256(anonymous)), auth))).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe('APQ with PERSISTED_OPERATIONS=only', () => {
  it('registers nothing: the trusted list stays the only source', async () => {
    const g = await startProdGateway({ PERSISTED_OPERATIONS: 'only' });
    try {
      const hash = sha256(QUERY);
      expect(code(await g.post(apq(hash), auth))).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(code(await g.post(apq(hash, QUERY), auth))).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(code(await g.post(apq(hash), auth))).toBe('PERSISTED_QUERY_NOT_FOUND');
      const [trusted] = Object.keys(persisted as Record<string, string>);
      expect(
        (await g.post(apq(trusted!.replace(/^sha256:/, '')), auth)).body.errors,
      ).toBeUndefined();
    } finally {
      await g.close();
    }
  });
});

describe.skipIf(!process.env.REDIS_URL)('APQ with REDIS_URL', () => {
  it('a query registered on one replica runs by hash on another', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL! };
    const [a, b] = await Promise.all([startProdGateway(env), startProdGateway(env)]);
    try {
      const query = `{ flows(first: 1) { edges { node { flowName flowArn } } } } # ${Date.now()}`;
      const hash = sha256(query);
      expect((await a.post(apq(hash, query), auth)).body.errors).toBeUndefined();
      // The registration is written after validation, without waiting for Redis.
      let answer = await b.post(apq(hash), auth);
      for (let i = 0; i < 20 && code(answer); i++) {
        await new Promise((r) => setTimeout(r, 50));
        answer = await b.post(apq(hash), auth);
      }
      expect(answer.body.errors).toBeUndefined();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('batching', () => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ BATCH_LIMIT: '3', RATE_LIMIT_PER_MINUTE: '4', MAX_COST: '5000' });
  });
  afterAll(() => g.close());

  const batch = (ops: unknown[], key = ADMIN_KEY) =>
    g.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(ops),
    });

  it('answers an array POST with an array, in order; each operation is checked for cost', async () => {
    const res = await batch([
      { query: '{ __typename }' },
      { query: '{ flows(first: 1) { edges { node { flowName } } } }' },
      // Over MAX_COST on its own: refused alone, the others still answer.
      {
        query:
          '{ flows(first: 100) { edges { node { executions(first: 100) { edges { node { executionId } } } } } } }',
      },
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    }[];
    expect(body).toHaveLength(3);
    expect(body[0]!.data).toEqual({ __typename: 'Query' });
    expect((body[1]!.data as any).flows.edges).toHaveLength(1);
    expect(body[2]!.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a batch over BATCH_LIMIT with 413 and makes no AppFlow call', async () => {
    await g.emulator.control.clearRequests();
    const res = await batch(Array.from({ length: 4 }, () => ({ query: QUERY })));
    expect(res.status).toBe(413);
    expect((await g.emulator.control.requests()).total).toBe(0);
  });

  it('charges every operation of a batch to the rate limit', async () => {
    const res = await batch(
      [0, 1, 2].map((i) => ({
        query: `{ flows(first: ${i + 1}) { edges { node { flowName } } } }`,
      })),
      READ_KEY,
    );
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] }[];
    expect(body.every((r) => !r.errors)).toBe(true);
    // 3 of 4 calls spent by the batch: the next batch gets one call, then RATE_LIMITED.
    const next = await batch(
      [0, 1].map((i) => ({
        query: `{ connectors(first: ${i + 1}) { edges { node { connectorType } } } }`,
      })),
      READ_KEY,
    );
    const codes = ((await next.json()) as { errors?: { extensions?: { code?: string } }[] }[]).map(
      (r) => r.errors?.[0]?.extensions?.code,
    );
    expect(codes).toContain('RATE_LIMITED');
  });
});
