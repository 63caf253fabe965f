/**
 * Inputs the model does not bound by itself (issue 24 item 13): an idempotency key becomes
 * AppFlow's clientToken, so it follows the model's ClientToken (at most 256 characters of
 * [ -~]); a map key `__proto__` (a tag key) is refused with a code, not dropped while the
 * mutation reports success.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startProdGateway } from './helpers.js';

type Gw = Awaited<ReturnType<typeof startProdGateway>>;
let gw: Gw;
const calls: string[] = [];
beforeAll(async () => {
  gw = await startProdGateway();
  gw.gateway.appflow.onCall((operation) => calls.push(operation));
});
afterAll(() => gw.close());

interface Result {
  __typename: string;
  fieldErrors?: { path: (string | number)[]; code: string; message: string }[];
}

async function mutate(field: string, input: Record<string, unknown>) {
  calls.length = 0;
  const r = await gw.post(
    {
      query: `mutation($input: ${field[0]!.toUpperCase()}${field.slice(1)}Input!) { ${field}(input: $input) { __typename ... on ValidationError { fieldErrors { path code message } } } }`,
      variables: { input },
    },
    { 'x-api-key': ADMIN_KEY },
  );
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return {
    result: r.body.data?.[field] as Result,
    writes: calls.filter((c) => !/^(Describe|List)/.test(c)),
  };
}

describe('idempotency keys are bounded like AppFlow clientToken', () => {
  it.each([
    ['257 characters', 'k'.repeat(257)],
    ['200 KB', 'k'.repeat(200_000)],
    ['a newline', 'retry\n1'],
    ['a non-ASCII character', 'clé'],
  ])('refuses a key of %s with a code, before any write', async (_name, key) => {
    const { result, writes } = await mutate('startFlow', {
      flowName: 'hourly-sales',
      idempotencyKey: key,
    });
    expect(result.__typename).toBe('ValidationError');
    const error = result.fieldErrors?.find((e) => e.path.join('.') === 'input.idempotencyKey');
    expect(error?.code).toMatch(/ABOVE_MAXIMUM|PATTERN_MISMATCH/);
    expect(error?.message).not.toContain(key.slice(0, 8));
    expect(writes).toEqual([]);
  });
  it('accepts a key of 256 printable characters', async () => {
    const { result } = await mutate('startFlow', {
      flowName: 'nope-no-flow',
      idempotencyKey: '~'.repeat(256),
    });
    expect(result.fieldErrors?.map((e) => e.path.join('.')) ?? []).not.toContain(
      'input.idempotencyKey',
    );
  });
});

describe('a map key __proto__ is refused with a code', () => {
  it('tagResource with the key __proto__', async () => {
    const { result, writes } = await mutate('tagResource', {
      resourceArn: 'arn:aws:appflow:us-east-1:123456789012:flow/hourly-sales',
      tags: [
        { key: 'team', value: 'data' },
        { key: '__proto__', value: 'polluted' },
      ],
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors, JSON.stringify(result.fieldErrors)).toContainEqual(
      expect.objectContaining({ path: ['input', 'tags', '1', 'key'], code: 'RESERVED_KEY' }),
    );
    expect(writes).toEqual([]);
    expect(({} as Record<string, unknown>).team).toBeUndefined();
  });
});
