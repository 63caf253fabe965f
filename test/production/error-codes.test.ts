/** Every refusal over HTTP carries extensions.code, never a bare status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };

describe('error codes on refused requests', () => {
  it.each([
    [
      'a browser form post without the CSRF header',
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{ flows { edges { cursor } } }',
      },
      403,
      'CSRF_HEADER_REQUIRED',
    ],
    [
      'a method GraphQL does not use',
      { method: 'PUT', headers: json, body: '{"query":"{ __typename }"}' },
      405,
      'BAD_REQUEST',
    ],
    ['malformed JSON', { method: 'POST', headers: json, body: '{"query": ' }, 400, 'BAD_REQUEST'],
    [
      'a variable of the wrong type',
      {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          query: 'query($n: String!) { flow(name: $n) { flowName } }',
          variables: { n: 5 },
        }),
      },
      400,
      'BAD_USER_INPUT',
    ],
  ] as const)('%s', async (_what, init, status, code) => {
    const res = await t.gateway.yoga.fetch('http://test/graphql', init as RequestInit);
    expect(res.status).toBe(status);
    const body = (await res.json()) as {
      errors: { message: string; extensions?: { code?: string } }[];
    };
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) {
      expect(e.extensions?.code).toBe(code);
      expect(JSON.stringify(e)).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });
});
