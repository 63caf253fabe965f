/**
 * flowRunEvents over graphql-ws against the real server (port 0) and the emulator, through the
 * real SDK: starts, status changes and ends of runs on several flows, filters, failures and
 * cancellations; one fleet loop whatever the number of subscribers (ListFlows pages per poll,
 * runs read only for flows whose runs changed); with Redis, one loop for two replicas.
 */
import { CancelFlowExecutionsCommand } from '@aws-sdk/client-appflow';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import {
  collect,
  type LiveRig,
  ON_DEMAND,
  type Received,
  sleep,
  startLiveRig,
  startRun,
  waitFor,
  wsClient,
} from './helpers.js';

const SAP = 'sap-sales-orders-to-s3';

const FLOW_RUN_EVENTS = /* GraphQL */ `
  subscription Fleet($filter: FlowFilter) {
    flowRunEvents(filter: $filter) {
      kind
      flowName
      previousStatus
      flow { flowName triggerType tags { key value } sourceConnectorProfile { connectorProfileName } }
      execution { executionId executionStatus flow { flowName } }
    }
  }
`;

interface Event {
  kind: string;
  flowName: string;
  previousStatus: string | null;
  flow: {
    flowName: string;
    triggerType: string;
    sourceConnectorProfile: { connectorProfileName: string } | null;
  } | null;
  execution: { executionId: string; executionStatus: string; flow: { flowName: string } };
}
type Item = Received<{ flowRunEvents: Event }>;

let rig: LiveRig;
const fleet = () => rig.server.gateway.services.live.fleet;

/** Subscribe, wait for the loop's baseline, and collect events until `until` says stop. */
async function subscribe(
  client: Client,
  filter: unknown,
  until: (events: Event[]) => boolean,
): Promise<{ ready: Promise<void>; events: Promise<Event[]> }> {
  const pollsBefore = fleet().stats().polls;
  const iterator = client.iterate({ query: FLOW_RUN_EVENTS, variables: { filter } });
  const events = collect<{ flowRunEvents: Event }>(iterator, (items: Item[]) =>
    until(items.map((i) => i.data!.flowRunEvents)),
  ).then((items) => {
    for (const i of items) if (i.errors) throw new Error(JSON.stringify(i.errors));
    return items.map((i) => i.data!.flowRunEvents);
  });
  // The first poll after the subscription is the baseline: runs started after it are news.
  const ready = waitFor(
    () => fleet().stats().polls > pollsBefore && fleet().stats().subscribers > 0,
  );
  return { ready, events };
}

const finished = (events: Event[], flowName: string, n = 1) =>
  events.filter((e) => e.kind === 'FINISHED' && e.flowName === flowName).length >= n;

beforeAll(async () => {
  rig = await startLiveRig({ subscriptions: { maxPerConnection: 300 } });
});
afterAll(async () => rig?.close());
beforeEach(async () => {
  await rig.emulator.control.call('DELETE', '/runs/outcome');
  await waitFor(() => fleet().stats().subscribers === 0);
});

describe('flowRunEvents over graphql-ws', () => {
  it('every start and end on any flow, with the linked Flow and Execution', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const sub = await subscribe(client, null, (e) => finished(e, ON_DEMAND) && finished(e, SAP));
      await sub.ready;
      const a = await startRun(rig.emulator, ON_DEMAND);
      const b = await startRun(rig.emulator, SAP);
      const events = await sub.events;
      for (const [flowName, id] of [
        [ON_DEMAND, a],
        [SAP, b],
      ]) {
        const mine = events.filter((e) => e.flowName === flowName);
        expect(mine.every((e) => e.execution.executionId === id)).toBe(true);
        expect(mine[0]).toMatchObject({
          kind: 'STARTED',
          previousStatus: null,
          flow: { flowName, triggerType: 'OnDemand' },
          execution: { executionId: id, flow: { flowName } },
        });
        // Linked fields beyond ListFlows' load on demand (DescribeFlow, then the profile).
        expect(mine[0]!.flow!.sourceConnectorProfile?.connectorProfileName).toBe(
          flowName === SAP ? 'sap-s4hana' : 'salesforce-prod',
        );
        expect(mine.at(-1)).toMatchObject({
          kind: 'FINISHED',
          previousStatus: 'InProgress',
          execution: { executionStatus: 'Successful' },
        });
      }
    } finally {
      await client.dispose();
    }
  });

  it('filters: only the flows that match (tag, connector type)', async () => {
    const byTag = wsClient(rig.wsUrl);
    const byType = wsClient(rig.wsUrl);
    try {
      const tagged = await subscribe(byTag, { tag: { key: 'team', value: 'finance' } }, (e) =>
        finished(e, SAP),
      );
      const typed = await subscribe(byType, { connectorType: ['Salesforce'] }, (e) =>
        finished(e, ON_DEMAND),
      );
      await Promise.all([tagged.ready, typed.ready]);
      await startRun(rig.emulator, ON_DEMAND);
      await startRun(rig.emulator, SAP);
      const [financeEvents, salesforceEvents] = await Promise.all([tagged.events, typed.events]);
      expect(new Set(financeEvents.map((e) => e.flowName))).toEqual(new Set([SAP]));
      expect(new Set(salesforceEvents.map((e) => e.flowName))).toEqual(new Set([ON_DEMAND]));
    } finally {
      await Promise.all([byTag.dispose(), byType.dispose()]);
    }
  });

  it('failed and cancelled runs end as FINISHED with their status', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      await rig.emulator.control.runsOutcome({ outcome: 'Error', flowName: SAP });
      const sub = await subscribe(client, null, (e) => finished(e, SAP) && finished(e, ON_DEMAND));
      await sub.ready;
      await startRun(rig.emulator, SAP);
      const cancelled = await startRun(rig.emulator, ON_DEMAND);
      await rig.emulator.client.send(
        new CancelFlowExecutionsCommand({ flowName: ON_DEMAND, executionIds: [cancelled] }),
      );
      const events = await sub.events;
      const end = (flowName: string) =>
        events.find((e) => e.kind === 'FINISHED' && e.flowName === flowName)!;
      expect(end(SAP).execution.executionStatus).toBe('Error');
      expect(end(ON_DEMAND).execution).toMatchObject({
        executionId: cancelled,
        executionStatus: 'Canceled',
      });
      // Every event of a run is about that run, and in order: started first, ended last.
      const cancelEvents = events.filter((e) => e.flowName === ON_DEMAND).map((e) => e.kind);
      expect(cancelEvents[0]).toBe('STARTED');
      expect(cancelEvents.at(-1)).toBe('FINISHED');
    } finally {
      await client.dispose();
    }
  });

  it('a failure that will not pass is one error item; the stream goes on', async () => {
    const client = wsClient(rig.wsUrl);
    try {
      const items: Item[] = [];
      const pollsBefore = fleet().stats().polls;
      const done = collect<{ flowRunEvents: Event }>(
        client.iterate({ query: FLOW_RUN_EVENTS }),
        (all: Item[]) => all.some((i) => i.data?.flowRunEvents?.kind === 'FINISHED'),
        (item) => {
          items.push(item);
        },
      );
      await waitFor(() => fleet().stats().polls > pollsBefore);
      // Three polls in a row are refused: subscribers hear about it once.
      await rig.emulator.control.faults({
        operation: 'ListFlows',
        type: 'error',
        errorType: 'AccessDeniedException',
        count: 3,
      });
      const pollsAtFault = fleet().stats().polls;
      await waitFor(() => items.some((i) => i.errors));
      // `polls` counts complete polls: the faults are used up once one succeeds again.
      await waitFor(() => fleet().stats().polls > pollsAtFault);
      await startRun(rig.emulator, ON_DEMAND);
      await done;
      const errors = items.filter((i) => i.errors);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.errors![0]!.extensions?.code).toBe('ACCESS_DENIED');
      expect(items.at(-1)!.data!.flowRunEvents.kind).toBe('FINISHED');
    } finally {
      await rig.emulator.control.clearFaults();
      await client.dispose();
    }
  });

  it('one loop for every subscriber: ListFlows pages per poll, runs only for changed flows', async () => {
    const clients = Array.from({ length: 3 }, () => wsClient(rig.wsUrl));
    const stops: (() => void)[] = [];
    try {
      // 60 subscriptions on 3 connections.
      for (const client of clients) {
        for (let i = 0; i < 20; i++) {
          stops.push(
            client.subscribe(
              { query: FLOW_RUN_EVENTS },
              { next: () => {}, error: () => {}, complete: () => {} },
            ),
          );
        }
      }
      await waitFor(() => fleet().stats().subscribers === 60);
      await waitFor(() => fleet().stats().polls >= 2);
      await rig.emulator.control.clearRequests();
      const before = fleet().stats();
      await sleep(1_000);
      const after = fleet().stats();
      const calls = (await rig.emulator.control.requests()).byOperation;
      const polls = after.polls - before.polls;
      expect(polls).toBeGreaterThan(0);
      // The seeded account fits one ListFlows page: one call per poll, whatever the subscribers;
      // nothing runs, so no runs call at all.
      expect(calls.ListFlows).toBeGreaterThanOrEqual(polls - 1);
      expect(calls.ListFlows).toBeLessThanOrEqual(polls + 1);
      expect(calls.DescribeFlowExecutionRecords ?? 0).toBe(0);
      // A run: its flow's runs are read while it is in progress, no other flow's.
      await rig.emulator.control.clearRequests();
      const runsBefore = fleet().stats().runsCalls;
      await startRun(rig.emulator, ON_DEMAND);
      await sleep(2_500);
      const runsCalls = fleet().stats().runsCalls - runsBefore;
      expect(runsCalls).toBeGreaterThan(0);
      expect((await rig.emulator.control.requests()).byOperation.DescribeFlowExecutionRecords).toBe(
        runsCalls,
      );
    } finally {
      for (const stop of stops) stop();
      await Promise.all(clients.map((c) => c.dispose()));
    }
    await waitFor(() => fleet().stats().subscribers === 0);
  });
});

const REDIS_URL = process.env.REDIS_URL;

/** A gateway on the shared Redis in front of the rig's emulator. */
function redisReplica(): Promise<RunningGateway> {
  const config = loadConfig(
    { ALLOW_ANONYMOUS: 'true' },
    {
      appflowEndpoint: rig.emulator.url,
      embeddedEmulator: false,
      port: 0,
      host: '127.0.0.1',
      metricsPort: 0,
      redisUrl: REDIS_URL,
    },
  );
  config.subscriptions = { ...config.subscriptions, activePollMs: 100, idlePollMs: 300 };
  return startServer(config);
}

describe.skipIf(!REDIS_URL)('flowRunEvents across two replicas (Redis)', () => {
  it('one replica polls, subscribers on both get the events', async () => {
    const replicas = await Promise.all([redisReplica(), redisReplica()]);
    const clients = replicas.map((r) => wsClient(r.url.replace(/^http/, 'ws')));
    try {
      const streams = clients.map((client) =>
        collect<{ flowRunEvents: Event }>(
          client.iterate({ query: FLOW_RUN_EVENTS }),
          (items: Item[]) => items.some((i) => i.data?.flowRunEvents.kind === 'FINISHED'),
        ),
      );
      const fleets = replicas.map((r) => r.gateway.services.live.fleet);
      await waitFor(() => fleets.every((f) => f.stats().subscribers === 1));
      await waitFor(() => fleets.some((f) => f.stats().polls > 0));
      await sleep(300);
      const id = await startRun(rig.emulator, ON_DEMAND);
      const results = await Promise.all(streams);
      for (const items of results) {
        const events = items.map((i) => i.data!.flowRunEvents);
        expect(events.map((e) => e.kind)).toContain('FINISHED');
        expect(events.every((e) => e.execution.executionId === id)).toBe(true);
      }
      // One loop: exactly one replica holds the lease and polls.
      expect(fleets.filter((f) => f.stats().leading)).toHaveLength(1);
      const polled = fleets.map((f) => f.stats().polls);
      expect(Math.min(...polled)).toBeLessThan(Math.max(...polled));
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await Promise.all(replicas.map((r) => r.close()));
    }
  });
});
