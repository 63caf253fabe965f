/**
 * Subscriptions need the `read` scope: without credentials (and no anonymous access) the
 * subscription is refused (HTTP 401, before the stream opens) before any poller starts or any
 * AppFlow call is made.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { FLOW_RUNS, ON_DEMAND } from './helpers.js';

let emulator: TestEmulator;
let gateway: Gateway;
beforeAll(async () => {
  emulator = await startTestEmulator();
  await emulator.control.seed();
  gateway = await createGateway(
    loadConfig(
      { ALLOW_ANONYMOUS: 'false' },
      { appflowEndpoint: emulator.url, embeddedEmulator: false, redisUrl: undefined },
    ),
  );
});
afterAll(async () => {
  await gateway?.close();
  await emulator?.close();
});

it('refuses an anonymous subscription with UNAUTHENTICATED and polls nothing', async () => {
  await emulator.control.clearRequests();
  const response = await gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: FLOW_RUNS, variables: { flowName: ON_DEMAND } }),
  });
  // Authentication comes before the stream opens (src/plugins/pipeline.ts): a 401 answer.
  expect(response.status).toBe(401);
  const body = (await response.json()) as { errors: { extensions?: { code?: string } }[] };
  expect(body.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(gateway.services.live.poller.stats().watches).toEqual([]);
  expect((await emulator.control.requests()).total).toBe(0);
});
