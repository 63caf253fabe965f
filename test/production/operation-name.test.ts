/**
 * A document with several operations runs the one `operationName` names (defect 7): the
 * compiled-query cache (graphql-jit) was keyed by the document alone, so `B` ran `A`'s code.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ProdGateway, READ_KEY, startProdGateway } from './helpers.js';

let g: ProdGateway;
beforeAll(async () => {
  g = await startProdGateway();
});
afterAll(() => g.close());

const DOC = 'query A { flows(first: 1) { edges { node { flowName } } } } query B { __typename }';
const auth = { 'x-api-key': READ_KEY };

it('runs the named operation of a two-operation document, whichever ran first', async () => {
  // The compiler loads with the first query; run enough that both operations go compiled.
  for (let i = 0; i < 5; i++) {
    await g.post({ query: '{ __typename }' }, auth);
    await new Promise((r) => setTimeout(r, 20));
  }
  for (let i = 0; i < 3; i++) {
    const a = await g.post({ query: DOC, operationName: 'A' }, auth);
    expect(a.body.data).toHaveProperty('flows');
    const b = await g.post({ query: DOC, operationName: 'B' }, auth);
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data).toEqual({ __typename: 'Query' });
  }
});
