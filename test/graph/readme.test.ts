/** Every query example in the README runs, as written, against the seeded demo. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((doc) => /^\s*query\b/.test(doc));

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ emulator: { seed: true } });
});
afterAll(() => t.close());

describe('README examples', () => {
  it('has query examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((doc) => [doc.match(/query (\w+)/)![1]!, doc]))(
    '%s runs without errors',
    async (_name, doc) => {
      const r = await t.query(doc);
      expect(r.errors).toBeUndefined();
      const json = JSON.stringify(r.data);
      // Each example shows real data, not just empty lists and nulls.
      expect(json.length).toBeGreaterThan(100);
    },
  );
});
