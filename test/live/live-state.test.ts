/**
 * One live state per flow (src/live/state.ts), end to end through the real server, the real
 * SDK and the emulator, with runs ended by the emulator's clock (no sleeps):
 * - a run ending that is not the newest reaches the next executions query (no TTL wait), and
 *   the dashboard's executions(first: 10) page is served from the cache while nothing changed;
 * - a run started through startFlow is in the fleet stream before any poll;
 * - a run shorter than the poll interval reaches the fleet once, as FINISHED;
 * - a slow DescribeFlowExecutionRecords does not make the fleet report a run's end twice.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LiveRig } from '../subscriptions/helpers.js';
import { FLOW_RUNS, ON_DEMAND, startRun, waitFor } from '../subscriptions/helpers.js';
import {
  eventsOf,
  FLEET,
  type FleetItem,
  fleetPolls,
  follow,
  startFlow,
  startRig,
} from './helpers.js';

const EXECUTIONS = /* GraphQL */ `
  query Runs($name: String!, $first: Int!) {
    flow(name: $name) { executions(first: $first) { edges { node { executionId executionStatus } } } }
  }
`;
type Runs = {
  flow: { executions: { edges: { node: { executionId: string; executionStatus: string } }[] } };
};

async function executions(rig: LiveRig, first = 10): Promise<Map<string, string>> {
  const res = await fetch(rig.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EXECUTIONS, variables: { name: ON_DEMAND, first } }),
  });
  const body = (await res.json()) as { data: Runs; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return new Map(
    body.data.flow.executions.edges.map((e) => [e.node.executionId, e.node.executionStatus]),
  );
}

describe('the live state, polls only (idle poll 60 s, runs cached 60 s)', () => {
  let rig: LiveRig;
  beforeAll(async () => {
    rig = await startRig(
      { activePollMs: 100, idlePollMs: 60_000 },
      {
        cache: { connectorsTtl: 300, profilesTtl: 30, flowTtl: 600, runsTtl: 60, flowListTtl: 15 },
      },
    );
  });
  afterAll(() => rig?.close());
  // Whatever a test started ends.
  afterEach(() => rig.emulator.control.advance(60));

  it('executions(first: 10) is served from the cache while nothing changed', async () => {
    await executions(rig);
    await rig.emulator.control.clearRequests();
    await executions(rig);
    const calls = (await rig.emulator.control.requests()).byOperation;
    expect(calls.DescribeFlowExecutionRecords ?? 0).toBe(0);
  });

  it('two runs in progress: when the older ends, the next executions query shows it finished', async () => {
    const watcher = follow<{ flowRuns: { executionId: string; executionStatus: string } }>(
      rig.server.url,
      FLOW_RUNS,
      { flowName: ON_DEMAND },
    );
    try {
      // Through the gateway, so that the flow's poller polls while they run.
      const older = await startFlow(rig, ON_DEMAND);
      await rig.emulator.control.advance(5);
      const newer = await startFlow(rig, ON_DEMAND);
      const seen = (id: string, status: string) =>
        watcher.items.some(
          (i) => i.data?.flowRuns.executionId === id && i.data.flowRuns.executionStatus === status,
        );
      await waitFor(() => seen(older, 'InProgress') && seen(newer, 'InProgress'));
      const before = await executions(rig, 5);
      expect([before.get(older), before.get(newer)]).toEqual(['InProgress', 'InProgress']);
      // The older run is due (20 s after its start), the newer one not yet.
      await rig.emulator.control.advance(16);
      await waitFor(() => seen(older, 'Successful'));
      const after = await executions(rig, 5);
      expect(after.get(older)).toBe('Successful');
      expect(after.get(newer)).toBe('InProgress');
    } finally {
      watcher.close();
    }
  });

  it('a run started through startFlow is in the fleet stream at once, before any poll', async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watcher = follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET);
    try {
      await waitFor(() => fleet.stats().subscribers > 0 && fleet.stats().polls > 0);
      const polls = fleet.stats().polls;
      const id = await startFlow(rig, ON_DEMAND);
      await waitFor(() => eventsOf(watcher.items, id).length > 0);
      expect(eventsOf(watcher.items, id)).toEqual([
        {
          kind: 'STARTED',
          flowName: ON_DEMAND,
          previousStatus: null,
          execution: { executionId: id, executionStatus: 'InProgress' },
        },
      ]);
      // No poll told it: the mutation's answer did.
      expect(fleet.stats().polls).toBe(polls);
    } finally {
      watcher.close();
    }
  });
});

describe('the fleet, polls only (idle poll 300 ms)', () => {
  let rig: LiveRig;
  beforeAll(async () => {
    rig = await startRig({ activePollMs: 100, idlePollMs: 300 });
  });
  afterAll(() => rig?.close());
  afterEach(async () => {
    await rig.emulator.control.clearFaults();
    await rig.emulator.control.advance(60);
  });

  it('a run shorter than the poll interval arrives once, as FINISHED, never as a finished STARTED', async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watcher = follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET);
    try {
      await waitFor(() => fleet.stats().subscribers > 0 && fleet.stats().polls > 0);
      // Started and ended between two polls.
      const id = await startRun(rig.emulator);
      await rig.emulator.control.advance(25);
      await waitFor(() => eventsOf(watcher.items, id).some((e) => e.kind === 'FINISHED'));
      await fleetPolls(rig, 3);
      const mine = eventsOf(watcher.items, id);
      expect(mine.filter((e) => e.kind === 'FINISHED')).toHaveLength(1);
      expect(mine.at(-1)).toMatchObject({ execution: { executionStatus: 'Successful' } });
      // A STARTED, if a poll saw the run in progress, says so.
      for (const e of mine.filter((e) => e.kind === 'STARTED')) {
        expect(e.execution.executionStatus).toBe('InProgress');
      }
    } finally {
      watcher.close();
    }
  });

  it("a run's end is reported once although it ended while the fleet read its runs slowly", async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watchers = [0, 1].map(() => follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET));
    try {
      await waitFor(() => fleet.stats().subscribers === 2 && fleet.stats().polls > 0);
      await rig.emulator.control.faults({
        operation: 'DescribeFlowExecutionRecords',
        type: 'latency',
        latencyMs: 600,
      });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = await startRun(rig.emulator);
        ids.push(id);
        await waitFor(() => eventsOf(watchers[0]!.items, id).length > 0);
        // The run ends while a runs read is on its way (ListFlows said InProgress before it).
        const reads = fleet.stats().runsCalls;
        await waitFor(() => fleet.stats().runsCalls > reads);
        await rig.emulator.control.advance(25);
        await waitFor(() => eventsOf(watchers[0]!.items, id).some((e) => e.kind === 'FINISHED'));
      }
      await fleetPolls(rig, 3);
      for (const watcher of watchers) {
        for (const id of ids) {
          const finished = eventsOf(watcher.items, id).filter((e) => e.kind === 'FINISHED');
          expect(finished, `FINISHED of ${id}`).toHaveLength(1);
        }
      }
    } finally {
      for (const w of watchers) w.close();
    }
  });
});
