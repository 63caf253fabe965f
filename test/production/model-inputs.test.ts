/**
 * Every argument that reaches AppFlow is checked against the model first, on reads too
 * (issue 24 item 5): a name or ARN outside AppFlow's lengths and patterns makes no AppFlow
 * call and gets a coded error; the outsider's ReDoS inputs (118 KB kmsArn in validateFlow,
 * 3.9 KB resourceArn in tagResource and tags) are refused by length, without a pattern run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patternRuns } from '../../src/model/patterns.js';
import { s3Flow } from '../mutations/fixtures.js';
import { ADMIN_KEY, READ_KEY, startProdGateway } from './helpers.js';

type Gw = Awaited<ReturnType<typeof startProdGateway>>;
let gw: Gw;
const calls: string[] = [];
beforeAll(async () => {
  gw = await startProdGateway();
  gw.gateway.appflow.onCall((operation) => calls.push(operation));
});
afterAll(() => gw.close());

async function run(query: string, variables: Record<string, unknown>, key = READ_KEY) {
  calls.length = 0;
  const res = await gw.post({ query, variables }, { 'x-api-key': key });
  return { ...res.body, calls: [...calls] };
}

const redosArn = `arn:aws:${':0'.repeat(2000)}\n`;
const kmsArn = `arn:aws:kms:${':0'.repeat(60_000)}\n`;

describe('read arguments outside the model make no AppFlow call', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'tags(resourceArn:) a 3.9 KB ReDoS ARN',
      'query($a: String!) { tags(resourceArn: $a) { key } }',
      { a: redosArn },
    ],
    [
      'tags(resourceArn:) not an ARN',
      'query($a: String!) { tags(resourceArn: $a) { key } }',
      { a: 'not an arn' },
    ],
    [
      'flow(name:) with a space',
      'query($n: String!) { flow(name: $n) { flowName } }',
      { n: 'bad name' },
    ],
    [
      'flow(name:) 300 characters',
      'query($n: String!) { flow(name: $n) { flowName } }',
      { n: 'a'.repeat(300) },
    ],
    [
      'connectorProfile(name:) with a space',
      'query($n: String!) { connectorProfile(name: $n) { connectorProfileName } }',
      { n: 'a b' },
    ],
  ];
  it.each(cases)('%s', async (_name, query, variables) => {
    const before = patternRuns.count;
    const r = await run(query, variables);
    expect(r.calls).toEqual([]);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r.errors)).not.toContain(':0:0');
    // The 3.9 KB ARN is over ResourceArn's max length: its pattern never runs.
    if (variables.a === redosArn) expect(patternRuns.count).toBe(before);
  });
});

describe('the ReDoS inputs of the report are refused by length', () => {
  it('validateFlow with a 118 KB kmsArn (read scope)', async () => {
    const before = patternRuns.count;
    const r = await run(
      'query($input: ValidateFlowInput!) { validateFlow(input: $input) { valid problems { path code } } }',
      { input: { create: s3Flow('redos-check', { kmsArn }) } },
    );
    const v = r.data?.validateFlow as {
      valid: boolean;
      problems: { path: string[]; code: string }[];
    };
    expect(v.valid).toBe(false);
    expect(v.problems.find((p) => p.path.includes('kmsArn'))).toBeTruthy();
    // Over the max length: the kmsArn pattern never ran (other members' patterns may).
    expect(patternRuns.count - before).toBeLessThan(50);
  });
  it('tagResource with a 3.9 KB resourceArn', async () => {
    const r = await run(
      'mutation($a: String!) { tagResource(input: { resourceArn: $a, tags: [{ key: "k", value: "v" }] }) { __typename ... on ValidationError { fieldErrors { path } } } }',
      { a: redosArn },
      ADMIN_KEY,
    );
    expect(r.calls).toEqual([]);
    expect((r.data?.tagResource as { __typename?: string } | undefined)?.__typename).toBe(
      'ValidationError',
    );
  });
});
