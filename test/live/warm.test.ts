/**
 * A warm dashboard (with its flowRunEvents subscription, as the web app has) is answered from
 * what the live state keeps current: no AppFlow call while the fleet's flow list is younger than
 * CACHE_FLOW_LIST_TTL, and never stale after a change the state learned: made through the
 * gateway, reported by an EventBridge event, or seen by a poll.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { FLOW_RUNS, type LiveRig, ON_DEMAND, startRun, waitFor } from '../subscriptions/helpers.js';
import { eventsToGateway, FLEET, flushEvents, follow, startFlow, startRig } from './helpers.js';

const SAP = 'sap-sales-orders-to-s3';
const DASHBOARD = /* GraphQL */ `
  query Overview {
    flows(first: 100) {
      edges { node { id flowName flowStatus triggerConfig { triggerType }
        lastExecution { executionId executionStatus } } }
    }
    connectorProfiles(first: 20) { edges { node { id connectorProfileName } } }
  }
`;
type Dashboard = {
  flows: {
    edges: { node: { flowName: string; lastExecution: { executionId: string } | null } }[];
  };
};

let rig: LiveRig;
let fleet: { close(): void };
beforeAll(async () => {
  // Polls are rare (60 s): what shows sooner came from the gateway, an event or a watched flow.
  rig = await startRig(
    { activePollMs: 100, idlePollMs: 60_000 },
    {
      cache: { connectorsTtl: 300, profilesTtl: 30, flowTtl: 600, runsTtl: 5, flowListTtl: 60 },
    },
  );
  // The dashboard's live feed: the fleet loop keeps the state's flow list.
  fleet = follow(rig.server.url, FLEET);
  const loop = rig.server.gateway.services.live.fleet;
  await waitFor(() => loop.stats().polls > 0);
});
afterAll(async () => {
  fleet?.close();
  await rig?.close();
});
afterEach(() => rig.emulator.control.advance(60));

async function dashboard(): Promise<Map<string, string | undefined>> {
  const res = await fetch(rig.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: DASHBOARD }),
  });
  const body = (await res.json()) as { data: Dashboard; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return new Map(
    body.data.flows.edges.map((e) => [e.node.flowName, e.node.lastExecution?.executionId]),
  );
}

it('a warm dashboard makes no AppFlow call', async () => {
  await dashboard();
  await rig.emulator.control.clearRequests();
  await dashboard();
  expect((await rig.emulator.control.requests()).total).toBe(0);
});

it('a run started through the gateway shows in the next dashboard', async () => {
  await dashboard();
  const id = await startFlow(rig, ON_DEMAND);
  expect((await dashboard()).get(ON_DEMAND)).toBe(id);
});

it('a run reported by an EventBridge event shows in the next dashboard', async () => {
  await eventsToGateway(rig);
  try {
    await dashboard();
    const id = await startRun(rig.emulator, SAP);
    await flushEvents(rig);
    expect((await dashboard()).get(SAP)).toBe(id);
  } finally {
    await rig.emulator.control.call('DELETE', '/events');
  }
});

it('a run a poll saw shows in the next dashboard', async () => {
  const watcher = follow<{ flowRuns: { executionId: string } }>(rig.server.url, FLOW_RUNS, {
    flowName: ON_DEMAND,
  });
  try {
    await waitFor(() => rig.server.gateway.services.live.poller.stats().subscribers > 0);
    await dashboard();
    // Started elsewhere, no event: the flow's poller finds it (the watch polls while warm).
    const id = await startRun(rig.emulator);
    rig.server.gateway.services.live.poller.notifyChanged(ON_DEMAND, 5_000);
    await waitFor(() => watcher.items.some((i) => i.data?.flowRuns.executionId === id));
    expect((await dashboard()).get(ON_DEMAND)).toBe(id);
  } finally {
    watcher.close();
  }
});
