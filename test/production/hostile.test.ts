/**
 * Hostile queries over HTTP: each graphql-armor limit with its code, the per-viewer AppFlow
 * call budget (RATE_LIMITED), persisted operations (only / allow), CSRF and CORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import persisted from '../../src/gql/persisted-documents.json' with { type: 'json' };
import { ADMIN_KEY, type ProdGateway, READ_KEY, startProdGateway, WRITE_KEY } from './helpers.js';

const auth = { 'x-api-key': READ_KEY };

describe('query limits', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    [
      'depth',
      { MAX_DEPTH: '5' },
      '{ flows { edges { node { lastExecution { flow { flowName } } } } } }',
      'QUERY_TOO_DEEP',
    ],
    [
      'aliases',
      { MAX_ALIASES: '3' },
      // __typename aliases are free (graphql-armor's allow list); field aliases count.
      `{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: flows { pageInfo { hasNextPage } }`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    [
      'cost',
      { MAX_COST: '40' },
      // `first: 50` multiplies the cost of the page.
      '{ flows(first: 50) { edges { node { flowName flowStatus description flowArn } } } }',
      'QUERY_TOO_COMPLEX',
    ],
    ['tokens', { MAX_TOKENS: '100' }, `{ ${'__typename '.repeat(120)}}`, 'TOO_MANY_TOKENS'],
    [
      'directives',
      { MAX_DIRECTIVES: '3' },
      '{ ... @include(if: true) { __typename } ... @skip(if: false) { __typename } ... @include(if: true) { __typename } ... @skip(if: false) { __typename } }',
      'TOO_MANY_DIRECTIVES',
    ],
  ];

  for (const [name, env, query, code] of cases) {
    it(`refuses too many ${name} with ${code} and makes no AppFlow call`, async () => {
      const g = await startProdGateway(env);
      try {
        await g.emulator.control.clearRequests();
        const r = await g.post({ query }, auth);
        expect(r.status).toBe(400);
        expect(r.body.errors?.map((e) => e.extensions?.code)).toContain(code);
        // A refusal says which limit and by how much (it read "Invalid value." when armor's
        // "exceeded, found N" looked like a quoted input value to the input redaction).
        expect(r.body.errors?.[0]?.message).toMatch(/limit|exceeds|at most/i);
        expect(r.body.errors?.[0]?.message).not.toBe('Invalid value.');
        expect(r.body.data).toBeUndefined();
        expect((await g.emulator.control.requests()).total).toBe(0);
        // The same kind of query within the default limits runs.
        const fine = await startProdGateway({});
        try {
          const ok = await fine.post({ query }, auth);
          expect(ok.body.errors).toBeUndefined();
        } finally {
          await fine.close();
        }
      } finally {
        await g.close();
      }
    });
  }
});

describe('page sizes given as variables', () => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ MAX_COST: '40' });
  });
  afterAll(() => g.close());

  // graphql-armor multiplies a page's cost by a literal `first`/`last` only: the same page size
  // in a variable (as typed clients and the dashboard send it) was not counted at all.
  const page = 'flows(first: $n) { edges { node { flowName flowStatus description flowArn } } }';
  it('counts them as the literal would be counted, before any AppFlow call', async () => {
    await g.emulator.control.clearRequests();
    const r = await g.post({ query: `query($n: Int) { ${page} }`, variables: { n: 50 } }, auth);
    expect(r.status).toBe(400);
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(r.body.data).toBeUndefined();
    expect((await g.emulator.control.requests()).total).toBe(0);
  });

  it('a small page in a variable still runs', async () => {
    const r = await g.post({ query: `query($n: Int) { ${page} }`, variables: { n: 1 } }, auth);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data?.flows).toBeTruthy();
  });
});

describe('per-viewer AppFlow rate limit', () => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => g.close());

  const two = (x: string, y: string) =>
    `{ a: flow(name: "${x}") { flowName } b: flow(name: "${y}") { flowName } }`;

  it('spends the budget call by call, then refuses whole operations with 429', async () => {
    await g.emulator.control.clearRequests();
    const first = await g.post(
      { query: two('salesforce-accounts-to-s3', 'zendesk-tickets-nightly') },
      auth,
    );
    expect(first.body.errors).toBeUndefined();
    // One call left: the operation runs, the call past the budget is refused before AppFlow.
    const over = await g.post(
      { query: two('slack-general-archive', 'inventory-products-sync') },
      auth,
    );
    expect(over.status).toBe(200);
    expect(over.body.errors?.map((e) => e.extensions?.code)).toContain('RATE_LIMITED');
    // The flow loader fails its batch on the first refusal, so the response may leave before
    // the one allowed call lands: wait for it, then the count must be exactly the budget.
    for (let i = 0; i < 40 && (await g.emulator.control.requests()).total < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await g.emulator.control.requests()).byOperation.DescribeFlow).toBe(3);

    const second = await g.post(
      { query: '{ flow(name: "sap-sales-orders-to-s3") { flowName } }' },
      auth,
    );
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(second.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await g.emulator.control.requests()).total).toBe(3);
  });

  it('counts each viewer on its own', async () => {
    const other = await g.post(
      { query: '{ flow(name: "sap-sales-orders-to-s3") { flowName } }' },
      {
        'x-api-key': WRITE_KEY,
      },
    );
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data).toEqual({ flow: { flowName: 'sap-sales-orders-to-s3' } });
  });
});

describe('persisted operations over HTTP', () => {
  const entries = Object.entries(persisted as Record<string, string>);
  const [hash, text] = entries.find(([, d]) => d.startsWith('query FlowsList('))!;
  const bare = hash.replace(/^sha256:/, '');
  const byHash = (h: string) => ({
    variables: { first: 2 },
    extensions: { persistedQuery: { version: 1, sha256Hash: h } },
  });

  it('only: refuses other documents, runs persisted ones by hash (bare or prefixed) or text', async () => {
    const g = await startProdGateway({ PERSISTED_OPERATIONS: 'only' });
    try {
      const refused = await g.post({ query: '{ flows { edges { cursor } } }' }, auth);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
      const unknown = await g.post(byHash('0'.repeat(64)), auth);
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      for (const h of [bare, hash]) {
        const ok = await g.post(byHash(h), auth);
        expect(ok.body.errors).toBeUndefined();
        expect((ok.body.data as { flows: { edges: unknown[] } }).flows.edges).toHaveLength(2);
      }
      const asText = await g.post({ query: text, variables: { first: 1 } }, auth);
      expect(asText.body.errors).toBeUndefined();
      const mismatch = await g.post({ query: '{ __typename }', ...byHash(bare) }, auth);
      expect(mismatch.status).toBe(400);
      // graphql-sse's single-connection endpoint and Yoga's SSE obey the same list.
      for (const path of ['/graphql/stream', '/graphql']) {
        const sse = (query: string) =>
          g.fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...auth },
            body: JSON.stringify({ query, variables: { first: 1 } }),
          });
        const refusedSse = await sse('{ flows(first: 1) { edges { cursor } } }');
        const refusedText = await refusedSse.text();
        expect(refusedText).toContain('PERSISTED_QUERY_ONLY');
        expect(refusedText).not.toContain('cursor":');
        const allowed = await (await sse(text)).text();
        expect(allowed).toContain('"flowName"');
      }
    } finally {
      await g.close();
    }
  });

  it('allow: accepts both', async () => {
    const g = await startProdGateway({ PERSISTED_OPERATIONS: 'allow' });
    try {
      expect((await g.post({ query: '{ __typename }' }, auth)).body.data).toEqual({
        __typename: 'Query',
      });
      expect((await g.post(byHash(bare), auth)).body.errors).toBeUndefined();
    } finally {
      await g.close();
    }
  });
});

describe('CSRF and CORS', () => {
  let g: ProdGateway;
  beforeAll(async () => {
    g = await startProdGateway({ CORS_ORIGINS: 'https://dashboard.example.com' });
  });
  afterAll(() => g.close());

  it('GET queries need no CSRF header; simple POSTs and GETs with a cookie do; mutations are POST-only', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const get = await g.fetch(url, {
      headers: { 'x-api-key': ADMIN_KEY, accept: 'application/json' },
    });
    expect(get.status).toBe(200);
    const withCookie = await g.fetch(url, {
      headers: { 'x-api-key': ADMIN_KEY, cookie: 'session=1' },
    });
    expect(withCookie.status).toBe(403);
    const form = await g.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-key': ADMIN_KEY },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(403);
    const formWithHeader = await g.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-key': ADMIN_KEY, 'x-graphql-yoga-csrf': '1' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(formWithHeader.status).not.toBe(403);
    const ok = await g.fetch(url, {
      headers: {
        'x-api-key': ADMIN_KEY,
        cookie: 'session=1',
        'x-graphql-yoga-csrf': '1',
        accept: 'application/json',
      },
    });
    expect(ok.status).toBe(200);
    await g.emulator.control.clearRequests();
    const mutation = await g.fetch(
      `/graphql?query=${encodeURIComponent('mutation { deleteFlow(input: { flowName: "x" }) { __typename } }')}`,
      { headers: { 'x-api-key': ADMIN_KEY, accept: 'application/json' } },
    );
    expect(mutation.status).toBe(405);
    expect((await g.emulator.control.requests()).total).toBe(0);
  });

  it('answers preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      g.fetch('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key',
        },
      });
    const allowed = await preflight('https://dashboard.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://dashboard.example.com',
    );
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-api-key');
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example.net');
  });
});
