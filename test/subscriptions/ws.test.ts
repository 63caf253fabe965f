/**
 * Live run status over graphql-ws against the real server (port 0) and the emulator, through
 * the real SDK: run lifecycles, cancel, eventual consistency, flow status, limits, cleanup and
 * one upstream poll for many subscribers.
 */
import {
  CancelFlowExecutionsCommand,
  StartFlowCommand,
  StopFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  EXECUTION_UPDATED,
  FLOW_RUNS,
  FLOW_STATUS,
  type LiveRig,
  ON_DEMAND,
  SCHEDULED,
  startLiveRig,
  startRun,
  waitFor,
  wsClient,
} from './helpers.js';

type Run = {
  executionUpdated: {
    id: string;
    executionId: string;
    executionStatus: string;
    executionResult: { recordsProcessed: number } | null;
    flow: { flowName: string; triggerType: string } | null;
  };
};

let rig: LiveRig;

beforeAll(async () => {
  rig = await startLiveRig({
    subscriptions: { maxPerConnection: 300 },
    deps: { live: { visibilityTimeoutMs: 1500 } },
  });
});
afterAll(async () => rig?.close());

const poller = () => rig.server.gateway.services.live.poller;
const pollsOf = (kind: 'runs' | 'flow', flowName: string) =>
  poller()
    .stats()
    .watches.find((w) => w.kind === kind && w.flowName === flowName)?.polls ?? 0;

describe('executionUpdated over graphql-ws', () => {
  it('sends the current run at once, then InProgress -> Successful, then completes', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const executionId = await startRun(rig.emulator);
      const items = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
      );
      const statuses = items.map((i) => i.data?.executionUpdated.executionStatus);
      expect(items.every((i) => !i.errors)).toBe(true);
      expect(statuses[0]).toBe('InProgress');
      expect(statuses.at(-1)).toBe('Successful');
      // Only real changes: no status repeats without a change of result or time.
      expect(new Set(items.map((i) => JSON.stringify(i.data))).size).toBe(items.length);
      // The event is the read graph's Execution: linked fields resolve.
      const last = items.at(-1)!.data!.executionUpdated;
      expect(last.executionId).toBe(executionId);
      expect(last.flow).toEqual({ flowName: ON_DEMAND, triggerType: 'OnDemand' });
      expect(last.executionResult?.recordsProcessed).toBeGreaterThan(0);
      // The iterator ended by itself (server completed after the terminal status).
      await waitFor(() => poller().subscriberCount('runs', ON_DEMAND) === 0);
    } finally {
      await client.dispose();
    }
  });

  it('follows a cancel: InProgress -> CancelStarted -> Canceled, then completes', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const executionId = await startRun(rig.emulator);
      let cancelled = false;
      const items = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
        () => false,
        async (item) => {
          if (!cancelled && item.data?.executionUpdated.executionStatus === 'InProgress') {
            cancelled = true;
            await rig.emulator.client.send(
              new CancelFlowExecutionsCommand({ flowName: ON_DEMAND, executionIds: [executionId] }),
            );
          }
        },
      );
      const statuses = items.map((i) => i.data?.executionUpdated.executionStatus);
      expect(statuses).toEqual(['InProgress', 'CancelStarted', 'Canceled']);
    } finally {
      await client.dispose();
    }
  });

  it('waits for a run AppFlow does not list yet (eventual consistency)', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      // The next 3 DescribeFlowExecutionRecords answers leave the new run out.
      await rig.emulator.control.call('POST', '/consistency', { hideNewRunsForCalls: 3 });
      const executionId = await startRun(rig.emulator);
      const items = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
      );
      expect(items.every((i) => !i.errors)).toBe(true);
      expect(items.at(-1)!.data!.executionUpdated.executionStatus).toBe('Successful');
    } finally {
      await rig.emulator.control.call('POST', '/consistency', { hideNewRunsForCalls: 0 });
      await client.dispose();
    }
  });

  it('ends with NOT_FOUND for a run that never shows up, and for an unknown flow', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const missingRun = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId: 'no-such-run' },
        }),
      );
      expect(missingRun).toHaveLength(1);
      expect(missingRun[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const missingFlow = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: 'no-such-flow', executionId: 'x' },
        }),
      );
      expect(missingFlow).toHaveLength(1);
      expect(missingFlow[0]!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

      const bad = await collect<Run>(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: 'bad name!', executionId: 'x' },
        }),
      ).catch((errors) => [{ errors }] as never);
      expect(JSON.stringify(bad)).toContain('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });
});

describe('flowRuns and flowStatusChanged', () => {
  it('flowRuns streams every new run and its changes until the client leaves', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const iterator = client.iterate<{
        flowRuns: { executionId: string; executionStatus: string };
      }>({
        query: FLOW_RUNS,
        variables: { flowName: ON_DEMAND },
      });
      // The poller's first answer is the subscriber's baseline, not an event.
      await waitFor(() => pollsOf('runs', ON_DEMAND) >= 2);
      const first = await startRun(rig.emulator);
      const second = await startRun(rig.emulator);
      const seen = new Map<string, string[]>();
      await collect<{ flowRuns: { executionId: string; executionStatus: string } }>(
        iterator,
        () => [first, second].every((id) => seen.get(id)?.at(-1) === 'Successful'),
        (item) => {
          const run = item.data!.flowRuns;
          seen.set(run.executionId, [...(seen.get(run.executionId) ?? []), run.executionStatus]);
        },
      );
      expect(seen.get(first)).toEqual(['InProgress', 'Successful']);
      expect(seen.get(second)).toEqual(['InProgress', 'Successful']);
      // Older, finished runs were not replayed.
      expect([...seen.keys()].sort()).toEqual([first, second].sort());
      await waitFor(() => poller().subscriberCount('runs', ON_DEMAND) === 0);
    } finally {
      await client.dispose();
    }
  });

  it('flowStatusChanged reports Active -> Suspended -> Active', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const iterator = client.iterate<{
        flowStatusChanged: { flowName: string; flowStatus: string };
      }>({ query: FLOW_STATUS, variables: { flowNames: [SCHEDULED, ON_DEMAND] } });
      await waitFor(() => pollsOf('flow', SCHEDULED) >= 2);
      await rig.emulator.client.send(new StopFlowCommand({ flowName: SCHEDULED }));
      const items = await collect(
        iterator,
        (all) => all.length === 2,
        async (_item, all) => {
          if (all.length === 1) {
            await rig.emulator.client.send(new StartFlowCommand({ flowName: SCHEDULED }));
          }
        },
      );
      expect(items.map((i) => i.data?.flowStatusChanged)).toEqual([
        { flowName: SCHEDULED, flowStatus: 'Suspended' },
        { flowName: SCHEDULED, flowStatus: 'Active' },
      ]);
      await waitFor(() => poller().subscriberCount('flow', SCHEDULED) === 0);
      expect(poller().subscriberCount('flow', ON_DEMAND)).toBe(0);
    } finally {
      await client.dispose();
    }
  });
});
