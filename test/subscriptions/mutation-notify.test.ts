/**
 * A mutation that starts or cancels a run tells the live-status poller at once: a subscriber
 * sees the new run within a poll or two, not at the next idle poll (15 s by default; 60 s
 * here so that waiting for it would time the test out).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { FLOW_RUNS, ON_DEMAND, sseEvents } from './helpers.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({
    emulator: { seed: true },
    config: {
      subscriptions: { maxPerConnection: 50, maxTotal: 100, activePollMs: 200, idlePollMs: 60_000 },
    },
  });
});
afterAll(() => t.close());

it('a startFlow mutation reaches a flowRuns subscriber within 3 s (idle poll: 60 s)', async () => {
  const response = await t.gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: FLOW_RUNS, variables: { flowName: ON_DEMAND } }),
  });
  const events = sseEvents(response);
  const received: string[] = [];
  const reading = (async () => {
    for await (const event of events) received.push(JSON.stringify(event));
  })();
  // The watch starts, polls once and settles into its idle interval (no run in progress).
  await new Promise((r) => setTimeout(r, 800));
  expect(t.gateway.services.live.poller.stats().watches.length).toBeGreaterThan(0);
  const started = await t.query<{ startFlow: { execution: { executionId: string } } }>(
    `mutation { startFlow(input: { flowName: "${ON_DEMAND}" }) {
      ... on StartFlowSuccess { execution { executionId } } } }`,
  );
  const executionId = started.data!.startFlow.execution.executionId;
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline && !received.some((e) => e.includes(executionId))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(received.some((e) => e.includes(executionId))).toBe(true);
  // The stream ends when the gateway closes (afterAll).
  reading.catch(() => {});
});
