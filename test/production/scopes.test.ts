/**
 * Scopes apply to every field wherever it is selected (defect 15 of the security review): a
 * `write`-only key may start a flow, but reading flows, profiles, connectors or runs through
 * the mutation's result selection needs `read` like a plain query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEYS, type ProdGateway, sha256, startProdGateway, WRITE_KEY } from './helpers.js';

const WRITE_ONLY_KEY = 'test-write-only-key-0123456789';
let g: ProdGateway;
beforeAll(async () => {
  g = await startProdGateway({ API_KEYS: `${API_KEYS},${sha256(WRITE_ONLY_KEY)}:write` });
});
afterAll(() => g.close());

const START_AND_READ = `mutation {
  startFlow(input: { flowName: "salesforce-accounts-to-s3" }) {
    __typename
    ... on StartFlowSuccess {
      flow { flowName sourceConnectorProfile { flows(first: 50) { edges { node { flowName } } } } }
      execution { executionId }
    }
  }
}`;

describe('scopes on nested selections', () => {
  it('a write-only key reads nothing through a mutation result: FORBIDDEN on the nested reads', async () => {
    const r = await g.post({ query: START_AND_READ }, { 'x-api-key': WRITE_ONLY_KEY });
    expect(r.body.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(JSON.stringify(r.body.data)).not.toContain('flowName');
    // The mutation itself is the key's to run.
    expect(r.body.data).toMatchObject({ startFlow: { __typename: 'StartFlowSuccess' } });
  });

  it('a plain query is refused to the same key', async () => {
    const r = await g.post(
      { query: '{ flows { edges { node { flowName } } } }' },
      {
        'x-api-key': WRITE_ONLY_KEY,
      },
    );
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a read+write key sees the nested selection', async () => {
    const r = await g.post({ query: START_AND_READ }, { 'x-api-key': WRITE_KEY });
    expect(r.body.errors).toBeUndefined();
    expect(JSON.stringify(r.body.data)).toContain('salesforce-accounts-to-s3');
  });

  it('a write-only key tags a flow but does not read its other tags back', async () => {
    const arn = await g.post(
      { query: '{ flow(name: "salesforce-accounts-to-s3") { flowArn } }' },
      { 'x-api-key': WRITE_KEY },
    );
    const flowArn = (arn.body.data as { flow: { flowArn: string } }).flow.flowArn;
    const tag = `mutation {
      tagResource(input: { resourceArn: "${flowArn}", tags: [{ key: "stage", value: "test" }] }) {
        __typename
        ... on TagResourceSuccess { resourceArn tags { key value } }
      }
    }`;
    const r = await g.post({ query: tag }, { 'x-api-key': WRITE_ONLY_KEY });
    expect(r.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(r.body.data).toMatchObject({
      tagResource: { __typename: 'TagResourceSuccess', tags: null },
    });
    const withRead = await g.post({ query: tag }, { 'x-api-key': WRITE_KEY });
    expect(withRead.body.errors).toBeUndefined();
    expect(JSON.stringify(withRead.body.data)).toContain('stage');
  });
});
