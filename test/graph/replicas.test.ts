/**
 * Process-level behaviour of the read path: the concurrency cap on AppFlow calls, and the cache
 * shared by replicas through Redis (entries and invalidations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { startTestGateway } from '../helpers/gateway.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl)
  console.warn('\n*** REDIS_URL is not set: the shared-cache replica tests are SKIPPED ***\n');

const dashboard = `{ flows(first: 100) { edges { node {
  flowName sourceConnectorProfile { connectorProfileName } sourceConnector { canUseAsSource }
  executions(first: 5) { edges { node { executionId } } }
} } } }`;

async function post(gateway: Gateway, query: string) {
  const res = await gateway.yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: any; errors?: unknown };
}

describe('concurrency cap', () => {
  it('never runs more AppFlow calls at once than APPFLOW_MAX_CONCURRENCY', async () => {
    const t = await startTestGateway({
      emulator: { seed: true },
      config: { maxConcurrentAppflowCalls: 2 },
    });
    try {
      await t.emulator.control.faults({
        operation: 'DescribeFlow',
        type: 'latency',
        latencyMs: 50,
      });
      const r = await t.query(dashboard);
      expect(r.errors).toBeUndefined();
      const { maxActive, active, pending } = t.gateway.appflow.concurrency();
      expect(maxActive).toBe(2);
      expect(active + pending).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(redisUrl)('replicas sharing Redis', () => {
  let emulator: TestEmulator;
  let a: Gateway;
  let b: Gateway;
  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: true });
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent', REDIS_URL: redisUrl! },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    );
    a = await createGateway(config);
    b = await createGateway(config);
    await a.services.reader.cache.clear();
  });
  afterAll(async () => {
    await a.services.reader.cache.clear();
    await a.close();
    await b.close();
    await emulator.close();
  });

  it('one replica warms the cache for the other, and an invalidation reaches both', async () => {
    expect((await post(a, dashboard)).errors).toBeUndefined();
    await emulator.control.clearRequests();
    const fromB = await post(b, dashboard);
    expect(fromB.errors).toBeUndefined();
    expect((await emulator.control.requests()).byOperation).toEqual({ ListFlows: 1 });

    const name = fromB.data.flows.edges[0].node.flowName;
    await a.services.reader.flows.invalidate(name);
    await a.services.reader.profiles.invalidate(
      fromB.data.flows.edges[0].node.sourceConnectorProfile?.connectorProfileName ?? 'none',
    );
    await emulator.control.clearRequests();
    expect((await post(b, dashboard)).errors).toBeUndefined();
    const calls = (await emulator.control.requests()).byOperation;
    expect(calls.DescribeFlow).toBe(1);
    expect(calls.DescribeFlowExecutionRecords).toBe(1);
  });
});

/** The README's dashboard (Examples): flows with profiles, connectors and their last runs. */
const README_DASHBOARD = `{ flows(first: 100) { edges { node {
  id flowName flowStatus triggerType
  lastRunExecutionDetails { mostRecentExecutionStatus mostRecentExecutionTime }
  sourceConnectorProfile { connectorProfileName connectorType }
  destinationConnectorProfiles { connectorProfileName }
  sourceConnector { connectorType connectorName canUseAsSource }
  destinationConnectors { connectorType canUseAsDestination }
  executions(first: 5) { edges { node {
    executionId executionStatus startedAt executionResult { recordsProcessed bytesProcessed }
  } } }
} } } }`;

describe.runIf(redisUrl)('a new replica of a deployment', () => {
  it('answers its first dashboard from what its peers cached: ListFlows only, as a warm one', async () => {
    const emulator = await startTestEmulator({ seed: true });
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent', REDIS_URL: redisUrl! },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    );
    const peer = await createGateway(config);
    let replica: Gateway | undefined;
    try {
      await peer.services.reader.cache.clear();
      const cold = await post(peer, README_DASHBOARD);
      expect(cold.errors).toBeUndefined();
      const coldCalls = (await emulator.control.requests()).byOperation;
      // The peer's cold dashboard read descriptions, profiles (listed early), connectors, runs.
      expect(coldCalls.DescribeFlow).toBeGreaterThan(0);
      expect(coldCalls.DescribeConnectorProfiles).toBe(1);
      expect(coldCalls.DescribeConnectors).toBe(1);
      // A replica that starts now (a restart, a scale-out): nothing in its memory.
      replica = await createGateway(config);
      await emulator.control.clearRequests();
      const first = await post(replica, README_DASHBOARD);
      expect(first.errors).toBeUndefined();
      expect(first.data).toEqual(cold.data);
      expect((await emulator.control.requests()).byOperation).toEqual({ ListFlows: 1 });
    } finally {
      await peer.services.reader.cache.clear();
      await peer.close();
      await replica?.close();
      await emulator.close();
    }
  });
});
