/**
 * Every query example in the README and the docs pages it links to (test/helpers/docs.ts) is one
 * of the repo's operations (src/operations, typed by codegen into src/gql), and runs as written
 * against the seeded demo.
 */
import { type DocumentNode, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardQuery } from '../../src/gql/graphql.js';
import * as documents from '../../src/gql/graphql.js';
import { readExamplePages } from '../helpers/docs.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const examples = [...readExamplePages().matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((doc) => /^\s*query\b/.test(doc))
  .map((doc) => [doc.match(/query (\w+)/)![1]!, doc] as const);

/** The generated, typed document of an operation (codegen's `<Name>Document`). */
function generated(name: string): DocumentNode {
  const doc = (documents as Record<string, unknown>)[`${name}Document`] as DocumentNode | undefined;
  if (!doc)
    throw new Error(`src/operations has no operation ${name}: add the documented example there`);
  // The client preset adds a __meta__ (its hash); the document itself is the rest.
  const { __meta__: _, ...node } = doc as DocumentNode & { __meta__?: unknown };
  return node as DocumentNode;
}

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());

describe('README and docs examples', () => {
  it('has query examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  it.each(examples)(
    '%s is a codegen-typed operation and runs without errors',
    async (name, text) => {
      const doc = generated(name);
      expect(print(doc)).toBe(print(parse(text)));
      const r = await t.query(print(doc));
      expect(r.errors).toBeUndefined();
      // Each example shows real data, not just empty lists and nulls.
      expect(JSON.stringify(r.data).length).toBeGreaterThan(100);
    },
  );

  it('the typed dashboard result has the seeded flows with their runs', async () => {
    const r = await t.query<DashboardQuery>(print(generated('Dashboard')));
    const flows = r.data!.flows!.edges.map((e) => e.node);
    expect(flows.length).toBeGreaterThanOrEqual(5);
    expect(flows.some((f) => f.executions.edges.length > 0 && f.sourceConnectorProfile)).toBe(true);
  });
});
