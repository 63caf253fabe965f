/**
 * List arguments are capped and counted in the cost (defect 6): `nodes(ids:)` with 20,000
 * forged ids made 20,000 AppFlow calls from one request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProdGateway, READ_KEY, startProdGateway } from './helpers.js';

let g: ProdGateway;
beforeAll(async () => {
  g = await startProdGateway({ MAX_COST: '1500' });
});
afterAll(() => g.close());

const auth = { 'x-api-key': READ_KEY };
const flowId = (name: string) => Buffer.from(`Flow:${name}`).toString('base64');
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Flow { flowName } } }';

describe('list arguments', () => {
  it('20,000 forged ids are refused with LIST_TOO_LONG and no AppFlow call', async () => {
    await g.emulator.control.clearRequests();
    const ids = Array.from({ length: 20_000 }, (_, i) => flowId(`forged-${i}`));
    const r = await g.post({ query: NODES, variables: { ids } }, auth);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('LIST_TOO_LONG');
    expect(r.body.data ?? null).toBeNull();
    expect((await g.emulator.control.requests()).total).toBe(0);
  });

  it('a literal list over the cap is refused too', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `"${flowId(`f${i}`)}"`).join(',');
    const r = await g.post({ query: `{ nodes(ids: [${ids}]) { id } }` }, auth);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('LIST_TOO_LONG');
  });

  it('each item costs its selection: 100 ids x a wide selection is QUERY_TOO_COMPLEX', async () => {
    await g.emulator.control.clearRequests();
    const ids = Array.from({ length: 100 }, (_, i) => flowId(`f${i}`));
    const wide = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Flow {
      flowName description flowArn flowStatus createdAt lastUpdatedAt createdBy lastUpdatedBy
      kmsArn schemaVersion sourceConnectorProfile { connectorProfileName connectorProfileArn
      connectionMode createdAt lastUpdatedAt credentialsArn } } } }`;
    const r = await g.post({ query: wide, variables: { ids } }, auth);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect((await g.emulator.control.requests()).total).toBe(0);
  });

  it('a list within the cap and the cost runs', async () => {
    const r = await g.post(
      { query: NODES, variables: { ids: [flowId('salesforce-accounts-to-s3')] } },
      auth,
    );
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({
      nodes: [{ id: flowId('salesforce-accounts-to-s3'), flowName: 'salesforce-accounts-to-s3' }],
    });
  });
});
