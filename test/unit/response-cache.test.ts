/**
 * The response cache's own rules, on a minimal schema: an answer computed while a drop happened
 * is not kept (it may show the old state), a drop reaches the cache through the event bus, and
 * an operation with no viewer known is neither answered nor kept.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createSchema, createYoga } from 'graphql-yoga';
import { expect, it } from 'vitest';
import type { Viewer } from '../../src/context.js';
import { createEventBus } from '../../src/live/pubsub.js';
import { createResponseCache } from '../../src/plugins/response-cache.js';

const VIEWER: Viewer = { id: 'jwt:ana', authenticated: true, scopes: new Set(['read']) };

function rig() {
  const bus = createEventBus();
  const cache = createResponseCache({ enabled: true, ttlSeconds: 600, maxResponses: 10 }, bus, 't');
  let executions = 0;
  let gate: Promise<void> = Promise.resolve();
  const yoga = createYoga<{ viewer?: Viewer }>({
    schema: createSchema({
      typeDefs: 'type Flow { id: ID! flowName: String! } type Query { flow: Flow! }',
      resolvers: {
        Query: {
          flow: async () => {
            executions++;
            await gate;
            return { id: encodeGlobalID('Flow', 'a'), flowName: 'a' };
          },
        },
      },
    }),
    plugins: cache.plugins,
    logging: false,
  });
  const ask = (viewer: Viewer | null = VIEWER) =>
    yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ flow { flowName } }' }),
      },
      viewer ? { viewer } : {},
    );
  return {
    bus,
    cache,
    ask,
    executions: () => executions,
    block() {
      let open = () => {};
      gate = new Promise((r) => {
        open = r;
      });
      return () => {
        gate = Promise.resolve();
        open();
      };
    },
  };
}

it('does not keep an answer computed while a drop happened', async () => {
  const r = rig();
  const release = r.block();
  const pending = r.ask();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(r.executions()).toBe(1);
  r.cache.flowChanged('a');
  release();
  expect((await pending).status).toBe(200);
  expect(r.cache.stats().stored).toBe(0);

  await r.ask();
  await r.ask();
  expect(r.executions()).toBe(2);
  expect(r.cache.stats()).toMatchObject({ stored: 1, hits: 1 });
  await r.bus.close();
});

it('drops by what the bus says (another replica) and keeps nothing without a viewer', async () => {
  const r = rig();
  await r.ask();
  await r.ask();
  expect(r.executions()).toBe(1);
  r.bus.publish('t:response-cache', [{ typename: 'Flow', id: encodeGlobalID('Flow', 'a') }]);
  await r.ask();
  expect(r.executions()).toBe(2);
  // An unrelated flow changes nothing.
  r.bus.publish('t:response-cache', [{ typename: 'Flow', id: encodeGlobalID('Flow', 'b') }]);
  await r.ask();
  expect(r.executions()).toBe(2);

  const anonymous = await (await r.ask(null)).json();
  expect(anonymous).toEqual({ data: { flow: { flowName: 'a' } } });
  await r.ask(null);
  expect(r.executions()).toBe(4);
  await r.bus.close();
});
