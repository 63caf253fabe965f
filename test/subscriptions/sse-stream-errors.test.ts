/**
 * graphql-sse at /graphql/stream refuses bad documents with HTTP 400 and coded errors, and keeps
 * serving (the stock plugin let such errors escape as unhandled rejections).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());

function stream(query: string) {
  return t.gateway.yoga.fetch('http://test/graphql/stream', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query }),
  });
}

describe('/graphql/stream', () => {
  it.each([
    ['a syntax error', '{ flows {', 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a query deeper than the limit',
      `{ ${'node(id: "x") { ... on Flow { lastExecution { flow { '.repeat(5)}flowName${' } } } }'.repeat(5)} }`,
      'QUERY_TOO_DEEP',
    ],
  ])('refuses %s with 400 and %s', async (_what, query, code) => {
    const res = await stream(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(body.errors[0]?.extensions?.code).toBe(code);
  });

  it('streams a subscription that fails at once as a result with a coded error, then still serves', async () => {
    const res = await stream(
      'subscription { executionUpdated(flowName: "x", executionId: "y") { executionId } }',
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('event: next');
    expect(text).toContain('"code":"BAD_USER_INPUT"');
    const ok = await stream('{ flows(first: 1) { edges { node { flowName } } } }');
    expect(await ok.text()).toContain('salesforce-accounts-to-s3');
  });
});
