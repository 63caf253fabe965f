/**
 * RESPONSE_CACHE=true: a warm dashboard is answered whole from the response cache (no AppFlow
 * call, no execution), and is never stale: a run started through the gateway, reported by an
 * EventBridge event or seen by a poll drops the cached answer; viewers never share an answer;
 * with Redis, a change one replica learns drops the other replica's cached answer.
 */
import { createHash } from 'node:crypto';
import { DeleteFlowCommand } from '@aws-sdk/client-appflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import {
  FLOW_RUNS,
  type LiveRig,
  ON_DEMAND,
  SCHEDULED,
  startRun,
  waitFor,
} from '../subscriptions/helpers.js';
import {
  eventsToGateway,
  FLEET,
  fleetPolls,
  flushEvents,
  follow,
  SECRET,
  SECRET_HEADER,
  startFlow,
  startRig,
} from './helpers.js';

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
type Body = {
  data?: {
    flows: {
      edges: { node: { flowName: string; lastExecution: { executionId: string } | null } }[];
    };
  } | null;
  errors?: { extensions?: { code?: string } }[];
  extensions?: unknown;
};

const READER_KEY = 'reader-key-0123456789';
const OTHER_READER_KEY = 'other-reader-key-0123456789';
const WRITER_KEY = 'writer-only-key-0123456789';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const CACHE = { connectorsTtl: 300, profilesTtl: 30, flowTtl: 600, runsTtl: 5, flowListTtl: 60 };
const RESPONSE_CACHE = { enabled: true, ttlSeconds: 600, maxResponses: 100 };

async function ask(url: string, headers: Record<string, string> = {}): Promise<Body> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: DASHBOARD }),
  });
  return (await res.json()) as Body;
}

async function dashboard(url: string, headers?: Record<string, string>) {
  const body = await ask(url, headers);
  expect(body.errors).toBeUndefined();
  // The cache key (its ETag) travels as a header, never in the body.
  expect(body.extensions).toBeUndefined();
  return new Map(
    body.data!.flows.edges.map((e) => [e.node.flowName, e.node.lastExecution?.executionId]),
  );
}

const stats = (server: RunningGateway) => server.gateway.production.responseCache!.stats();

describe('one replica', () => {
  let rig: LiveRig;
  let fleet: { close(): void };
  const hits = () => stats(rig.server).hits;
  /**
   * Until a dashboard is a hit: the cache holds the answer a change must drop (a poll may still
   * be finishing the previous test's runs, dropping it meanwhile).
   */
  async function cachedDashboard(headers?: Record<string, string>) {
    await waitFor(async () => {
      await dashboard(rig.server.url, headers);
      const before = hits();
      await dashboard(rig.server.url, headers);
      return hits() === before + 1;
    });
  }

  beforeAll(async () => {
    rig = await startRig(
      { activePollMs: 100, idlePollMs: 60_000 },
      {
        cache: CACHE,
        responseCache: RESPONSE_CACHE,
        apiKeys: [
          { sha256: sha(READER_KEY), scopes: ['read'] },
          { sha256: sha(OTHER_READER_KEY), scopes: ['read'] },
          { sha256: sha(WRITER_KEY), scopes: ['write'] },
        ],
      },
    );
    fleet = follow(rig.server.url, FLEET);
    const loop = rig.server.gateway.services.live.fleet;
    await waitFor(() => loop.stats().polls > 0);
  });
  afterAll(async () => {
    fleet?.close();
    await rig?.close();
  });
  afterEach(() => rig.emulator.control.advance(60));

  it('answers a warm dashboard from the response cache, with no AppFlow call', async () => {
    await dashboard(rig.server.url);
    await rig.emulator.control.clearRequests();
    const before = hits();
    await dashboard(rig.server.url);
    expect(hits()).toBe(before + 1);
    expect((await rig.emulator.control.requests()).total).toBe(0);
  });

  it('a run started through the gateway shows in the next dashboard', async () => {
    await cachedDashboard();
    const id = await startFlow(rig, ON_DEMAND);
    expect((await dashboard(rig.server.url)).get(ON_DEMAND)).toBe(id);
  });

  it('a flow deleted elsewhere is gone from the next dashboard after a fleet poll saw it', async () => {
    // A run started (and in progress) keeps the fleet loop at its active pace (100 ms); before
    // any event arrived, which would slow it to its reconciliation pace.
    await startFlow(rig, ON_DEMAND);
    await fleetPolls(rig, 2);
    await cachedDashboard();
    await rig.emulator.client.send(
      new DeleteFlowCommand({ flowName: SCHEDULED, forceDelete: true }),
    );
    await fleetPolls(rig, 2);
    expect((await dashboard(rig.server.url)).has(SCHEDULED)).toBe(false);
  });

  it('a run reported by an EventBridge event shows in the next dashboard', async () => {
    await eventsToGateway(rig);
    try {
      await cachedDashboard();
      const id = await startRun(rig.emulator, SAP);
      await flushEvents(rig);
      expect((await dashboard(rig.server.url)).get(SAP)).toBe(id);
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
      await cachedDashboard();
      const id = await startRun(rig.emulator);
      rig.server.gateway.services.live.poller.notifyChanged(ON_DEMAND, 5_000);
      await waitFor(() => watcher.items.some((i) => i.data?.flowRuns.executionId === id));
      expect((await dashboard(rig.server.url)).get(ON_DEMAND)).toBe(id);
    } finally {
      watcher.close();
    }
  });

  it('keys APQ hashes by the document they stand for', async () => {
    const post = async (body: Record<string, unknown>) => {
      const res = await fetch(rig.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { data?: { flows: { edges: unknown[] } }; errors?: unknown };
    };
    const apq = (query: string, withQuery: boolean) => ({
      ...(withQuery ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: sha(query) } },
    });
    const two = '{ flows(first: 2) { edges { node { flowName } } } }';
    const three = '{ flows(first: 3) { edges { node { flowName } } } }';
    for (const [query, n] of [
      [two, 2],
      [three, 3],
    ] as const) {
      expect((await post(apq(query, true))).errors).toBeUndefined();
      await waitFor(async () => {
        const before = hits();
        const answer = await post(apq(query, false));
        expect(answer.data?.flows.edges).toHaveLength(n);
        return hits() === before + 1;
      });
    }
  });

  it('never serves one viewer an answer cached for another', async () => {
    await cachedDashboard({ 'x-api-key': READER_KEY });

    // Same scopes, another viewer: its own answer, not the reader's.
    const before = hits();
    await dashboard(rig.server.url, { 'x-api-key': OTHER_READER_KEY });
    expect(hits()).toBe(before);

    // No read scope: refused, as without the cache (and the refusal is not cached either).
    for (let i = 0; i < 2; i++) {
      const denied = await ask(rig.server.url, { 'x-api-key': WRITER_KEY });
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.data?.flows ?? null).toBeNull();
    }
    expect(hits()).toBe(before);
  });

  it('a flow deleted through the gateway is gone from the next dashboard', async () => {
    await cachedDashboard();
    const res = await fetch(rig.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { deleteFlow(input: { flowName: "${SAP}", forceDelete: true }) {
          __typename } }`,
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect((await dashboard(rig.server.url)).has(SAP)).toBe(false);
  });
});

const REDIS_URL = process.env.REDIS_URL;
describe.skipIf(!REDIS_URL)('two replicas sharing Redis', () => {
  let emulator: TestEmulator;
  let a: RunningGateway;
  let b: RunningGateway;

  const replica = async () => {
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true' },
      {
        appflowEndpoint: emulator.url,
        embeddedEmulator: false,
        port: 0,
        host: '127.0.0.1',
        metricsPort: 0,
        redisUrl: REDIS_URL,
        cache: CACHE,
        responseCache: RESPONSE_CACHE,
      },
    );
    config.subscriptions = { ...config.subscriptions, activePollMs: 100, idlePollMs: 60_000 };
    config.events = { ...config.events, secret: SECRET, secretHeader: SECRET_HEADER };
    const server = await startServer(config);
    await waitFor(() => server.gateway.services.live.bus.shared);
    return server;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator({ runSeconds: 20 });
    await emulator.control.seed();
    a = await replica();
    b = await replica();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await emulator?.close();
  });

  it("a run one replica learns of (an event) drops the other replica's cached dashboard", async () => {
    await dashboard(b.url);
    const before = stats(b).hits;
    await dashboard(b.url);
    expect(stats(b).hits).toBe(before + 1);

    // The event reaches replica A only; B learns of it through Redis.
    await emulator.control.call('POST', '/events', {
      target: `${a.url.replace(/\/graphql$/, '')}/events/appflow`,
      header: `${SECRET_HEADER}: ${SECRET}`,
    });
    try {
      const dropped = stats(b).dropped;
      const id = await startRun(emulator, SAP);
      await emulator.control.call('POST', '/events/flush', {});
      await waitFor(() => stats(b).dropped > dropped);
      expect((await dashboard(b.url)).get(SAP)).toBe(id);
    } finally {
      await emulator.control.call('DELETE', '/events');
    }
  });
});
