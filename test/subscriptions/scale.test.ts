/**
 * Many subscribers, one poll; limits with clear errors; vanished WebSocket clients cleaned up;
 * upstream throttling pauses events without dropping subscribers.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import {
  collect,
  EXECUTION_UPDATED,
  FLOW_RUNS,
  type LiveRig,
  ON_DEMAND,
  sleep,
  startLiveRig,
  startRun,
  waitFor,
  wsClient,
} from './helpers.js';

let rig: LiveRig;
beforeAll(async () => {
  rig = await startLiveRig({
    subscriptions: { maxPerConnection: 50, maxTotal: 260, idlePollMs: 200 },
  });
});
afterAll(async () => rig?.close());

const live = () => rig.server.gateway.services.live;
const describeCalls = async () =>
  (await rig.emulator.control.requests()).byOperation.DescribeFlowExecutionRecords ?? 0;

/** Open `count` flowRuns subscriptions spread over clients of `perClient` each. */
function subscribeMany(count: number, perClient: number) {
  const clients: Client[] = [];
  const stops: (() => void)[] = [];
  for (let i = 0; i < count; i++) {
    if (i % perClient === 0) clients.push(wsClient(rig.wsUrl));
    const client = clients.at(-1)!;
    stops.push(
      client.subscribe(
        { query: FLOW_RUNS, variables: { flowName: ON_DEMAND } },
        { next: () => {}, error: () => {}, complete: () => {} },
      ),
    );
  }
  return {
    async close() {
      for (const stop of stops) stop();
      await Promise.all(clients.map((c) => c.dispose()));
    },
  };
}

/** DescribeFlowExecutionRecords calls during `ms` of steady state. */
async function pollRate(ms: number) {
  await rig.emulator.control.clearRequests();
  await sleep(ms);
  return describeCalls();
}

describe('one upstream poll for many subscribers', () => {
  it('200 subscribers on one flow cost the same DescribeFlowExecutionRecords rate as 1', async () => {
    const one = subscribeMany(1, 1);
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 1);
    const rateOne = await pollRate(2000);
    await one.close();
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 0);

    const many = subscribeMany(200, 40);
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 200);
    const rateMany = await pollRate(2000);
    await many.close();
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 0);

    // Idle interval 200 ms +-20%: about 10 polls in 2 s either way.
    expect(rateOne).toBeGreaterThanOrEqual(5);
    expect(rateMany).toBeLessThanOrEqual(rateOne + 4);
    // Nobody left: the loop stopped.
    const after = await pollRate(800);
    expect(after).toBe(0);
  });
});

describe('limits', () => {
  it('refuses subscriptions beyond the per-connection limit with SUBSCRIPTION_LIMIT', async () => {
    const client = wsClient(rig.wsUrl);
    const stops: (() => void)[] = [];
    try {
      for (let i = 0; i < 50; i++) {
        stops.push(
          client.subscribe(
            { query: FLOW_RUNS, variables: { flowName: ON_DEMAND } },
            { next: () => {}, error: () => {}, complete: () => {} },
          ),
        );
      }
      await waitFor(() => live().limits.active === 50);
      const refused = await collect(
        client.iterate({ query: FLOW_RUNS, variables: { flowName: ON_DEMAND } }),
      ).catch((errors: unknown) => errors);
      expect(JSON.stringify(refused)).toContain('SUBSCRIPTION_LIMIT');
      expect(live().limits.active).toBe(50);
      // Another connection still gets its own quota.
      const other = wsClient(rig.wsUrl);
      const executionId = await startRun(rig.emulator);
      const items = await collect(
        other.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
      );
      expect(items.at(-1)?.errors).toBeUndefined();
      await other.dispose();
    } finally {
      for (const stop of stops) stop();
      await client.dispose();
    }
    await waitFor(() => live().limits.active === 0);
  });

  it('refuses beyond the total limit', async () => {
    const many = subscribeMany(260, 50);
    try {
      await waitFor(() => live().limits.active === 260);
      const client = wsClient(rig.wsUrl);
      const refused = await collect(
        client.iterate({ query: FLOW_RUNS, variables: { flowName: ON_DEMAND } }),
      ).catch((errors: unknown) => errors);
      expect(JSON.stringify(refused)).toMatch(
        /SUBSCRIPTION_LIMIT.*total|total.*SUBSCRIPTION_LIMIT/,
      );
      await client.dispose();
    } finally {
      await many.close();
    }
    await waitFor(() => live().limits.active === 0);
  });
});

describe('clients that vanish', () => {
  it('a WebSocket dropped without a close frame releases its subscriptions', async () => {
    let socket: WebSocket | undefined;
    const client = wsClient(rig.wsUrl, (s) => {
      socket = s;
    });
    client.subscribe(
      { query: FLOW_RUNS, variables: { flowName: ON_DEMAND } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 1);
    socket!.terminate();
    await waitFor(() => live().poller.subscriberCount('runs', ON_DEMAND) === 0);
    expect(live().limits.active).toBe(0);
    await client.dispose();
  });
});

describe('upstream trouble', () => {
  it('throttling pauses events, subscribers stay, and events resume by themselves', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const executionId = await startRun(rig.emulator);
      let throttled = false;
      const items = await collect<{ executionUpdated: { executionStatus: string } }>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
        () => false,
        async () => {
          if (throttled) return;
          throttled = true;
          // Every poll is throttled for a while (past the run's end), then AppFlow recovers.
          await rig.emulator.control.faults({
            operation: 'DescribeFlowExecutionRecords',
            type: 'throttle',
            count: 8,
          });
        },
      );
      expect(items.map((i) => i.data?.executionUpdated.executionStatus)).toEqual([
        'InProgress',
        'Successful',
      ]);
      expect(items.every((i) => !i.errors)).toBe(true);
    } finally {
      await rig.emulator.control.clearFaults();
      await client.dispose();
    }
  });
});
