/**
 * AppFlow's EventBridge events into the live state: POST /events/appflow refuses what it must
 * (coded, no state change), is idempotent and order-safe; the emulator emits the documented
 * events to it, so a run started with the AWS SDK (not through the gateway) reaches the fleet
 * within one event delivery, before any poll; with events dropped, reconciliation polls still
 * give every subscriber every terminal status, once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunChange } from '../../src/live/index.js';
import {
  EXECUTION_UPDATED,
  type LiveRig,
  ON_DEMAND,
  startRun,
  waitFor,
} from '../subscriptions/helpers.js';
import {
  eventsOf,
  eventsToGateway,
  FLEET,
  type FleetItem,
  fleetPolls,
  flushEvents,
  follow,
  SECRET,
  SECRET_HEADER,
  startRig,
} from './helpers.js';

const SAP = 'sap-sales-orders-to-s3';

function endEvent(flowName: string, executionId: string, extra: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'AppFlow End Flow Run Report',
    source: 'aws.appflow',
    account: '123456789012',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {
      'flow-name': flowName,
      'execution-id': executionId,
      status: 'Execution Successful',
      'start-time': String(Date.now() / 1000 - 10),
      'end-time': String(Date.now() / 1000),
      'num-of-records-processed': '42',
    },
    ...extra,
  };
}

const startEvent = (flowName: string, executionId: string) => ({
  ...endEvent(flowName, executionId),
  id: randomUUID(),
  'detail-type': 'AppFlow Start Flow Run Report',
  detail: { 'flow-name': flowName, 'execution-id': executionId, status: 'Execution started' },
});

describe('POST /events/appflow', () => {
  let rig: LiveRig;
  const changes: RunChange[] = [];
  const post = (body: string, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
    rig.server.gateway.yoga.fetch('http://test/events/appflow', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  beforeAll(async () => {
    rig = await startRig({ activePollMs: 100, idlePollMs: 60_000 });
    rig.server.gateway.services.live.state.onChange((c) => void changes.push(...c));
  });
  afterAll(() => rig?.close());

  it('refuses without the secret, with a wrong one, over the size limit, malformed JSON and other sources, changing nothing', async () => {
    const state = rig.server.gateway.services.live.state;
    const id = randomUUID();
    const good = JSON.stringify(endEvent(ON_DEMAND, id));
    const refusals: [Response, number, string][] = [
      [await post(good, {}), 401, 'EVENT_UNAUTHENTICATED'],
      [await post(good, { [SECRET_HEADER]: `${SECRET}x` }), 401, 'EVENT_UNAUTHENTICATED'],
      [await post(good, { [SECRET_HEADER]: SECRET.slice(1) }), 401, 'EVENT_UNAUTHENTICATED'],
      [
        await post(JSON.stringify({ ...endEvent(ON_DEMAND, id), pad: 'x'.repeat(5000) })),
        413,
        'EVENT_TOO_LARGE',
      ],
      [await post('{"id": "1", "detail-type": '), 400, 'EVENT_MALFORMED'],
      [await post('[]'), 400, 'EVENT_MALFORMED'],
      [
        await post(JSON.stringify({ ...endEvent(ON_DEMAND, id), detail: 'x' })),
        400,
        'EVENT_MALFORMED',
      ],
      [
        await post(JSON.stringify({ ...endEvent(ON_DEMAND, id), source: 'aws.s3' })),
        400,
        'EVENT_SOURCE_UNKNOWN',
      ],
    ];
    for (const [res, status, code] of refusals) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      // Never the secret, never the body.
      expect(body.error.message).not.toContain(SECRET);
    }
    const get = await rig.server.gateway.yoga.fetch('http://test/events/appflow');
    expect(get.status).toBe(405);
    expect(changes).toEqual([]);
    expect((await state.runsOf(ON_DEMAND)).map((r) => r.executionId)).not.toContain(id);
  });

  it('a replayed event changes nothing twice; an End before its Start stays ended; unknown flows are harmless', async () => {
    const state = rig.server.gateway.services.live.state;
    changes.length = 0;
    const id = randomUUID();
    const end = JSON.stringify(endEvent(ON_DEMAND, id));
    const first = await post(end);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, duplicate: false, changes: 1 });
    const replay = await post(end);
    expect(await replay.json()).toEqual({ ok: true, duplicate: true, changes: 0 });
    // The Start arrives late (another event id): not news, the run stays ended.
    const late = await post(JSON.stringify(startEvent(ON_DEMAND, id)));
    expect(await late.json()).toEqual({ ok: true, duplicate: false, changes: 0 });
    // The same End as another delivery (another id): not news either.
    const again = JSON.stringify({ ...JSON.parse(end), id: randomUUID() });
    expect(await (await post(again)).json()).toMatchObject({ changes: 0 });
    expect(changes.map((c) => [c.kind, c.run.executionId, c.run.executionStatus])).toEqual([
      ['FINISHED', id, 'Successful'],
    ]);
    const run = (await state.runsOf(ON_DEMAND)).find((r) => r.executionId === id);
    expect(run).toMatchObject({
      executionStatus: 'Successful',
      executionResult: { recordsProcessed: 42 },
    });
    // A flow nobody knows, and a detail without a run id: accepted, no crash.
    const unknown = await post(JSON.stringify(endEvent('no-such-flow', randomUUID())));
    expect(unknown.status).toBe(200);
    const noRun = await post(
      JSON.stringify({ ...endEvent(ON_DEMAND, id), id: randomUUID(), detail: {} }),
    );
    expect(await noRun.json()).toEqual({ ok: true, duplicate: false, changes: 0 });
  });
});

describe('the emulator emits AppFlow events to the gateway', () => {
  let rig: LiveRig;
  beforeAll(async () => {
    // Polls are rare: what arrives sooner came through an event.
    rig = await startRig({ activePollMs: 60_000, idlePollMs: 60_000, reconcilePollMs: 60_000 });
    await eventsToGateway(rig);
  });
  afterAll(() => rig?.close());
  afterEach(async () => {
    await rig.emulator.control.call('POST', '/events', { fault: null });
    await rig.emulator.control.advance(60);
    await flushEvents(rig);
  });

  it('a run started with the AWS SDK reaches the fleet within one event delivery, before any poll', async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watcher = follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET);
    try {
      await waitFor(() => fleet.stats().subscribers > 0 && fleet.stats().polls > 0);
      const polls = fleet.stats().polls;
      const id = await startRun(rig.emulator);
      await flushEvents(rig);
      await waitFor(() => eventsOf(watcher.items, id).length === 1);
      await rig.emulator.control.advance(25);
      await flushEvents(rig);
      await waitFor(() => eventsOf(watcher.items, id).length === 2);
      expect(eventsOf(watcher.items, id).map((e) => [e.kind, e.execution.executionStatus])).toEqual(
        [
          ['STARTED', 'InProgress'],
          ['FINISHED', 'Successful'],
        ],
      );
      expect(fleet.stats().polls).toBe(polls);
      expect(rig.server.gateway.services.live.pace.flowing).toBe(true);
    } finally {
      watcher.close();
    }
  });

  it('duplicated and reordered deliveries: each run still ends once', async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watcher = follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET);
    try {
      await waitFor(() => fleet.stats().subscribers > 0 && fleet.stats().polls > 0);
      await rig.emulator.control.call('POST', '/events', { fault: { mode: 'duplicate' } });
      const a = await startRun(rig.emulator);
      await rig.emulator.control.call('POST', '/events', { fault: null });
      await rig.emulator.control.call('POST', '/events', { fault: { mode: 'reorder' } });
      const b = await startRun(rig.emulator, SAP);
      await rig.emulator.control.advance(25);
      await flushEvents(rig);
      await waitFor(() =>
        [a, b].every((id) => eventsOf(watcher.items, id).some((e) => e.kind === 'FINISHED')),
      );
      for (const id of [a, b]) {
        expect(eventsOf(watcher.items, id).filter((e) => e.kind === 'FINISHED')).toHaveLength(1);
      }
    } finally {
      watcher.close();
    }
  });
});

describe('events dropped by the emulator: reconciliation', () => {
  let rig: LiveRig;
  beforeAll(async () => {
    rig = await startRig({ activePollMs: 100, idlePollMs: 300, reconcilePollMs: 300 });
    await eventsToGateway(rig);
  });
  afterAll(() => rig?.close());

  it('every subscriber still gets every terminal status, once', async () => {
    const fleet = rig.server.gateway.services.live.fleet;
    const watchers = [0, 1].map(() => follow<{ flowRunEvents: FleetItem }>(rig.server.url, FLEET));
    try {
      await waitFor(() => fleet.stats().subscribers === 2 && fleet.stats().polls > 0);
      await rig.emulator.control.call('POST', '/events', {
        fault: { mode: 'drop', detailType: 'AppFlow End Flow Run Report' },
      });
      const ids = [await startRun(rig.emulator), await startRun(rig.emulator, SAP)];
      await flushEvents(rig);
      const runWatchers = ids.map((executionId, i) =>
        follow<{ executionUpdated: { executionStatus: string } }>(
          rig.server.url,
          EXECUTION_UPDATED,
          {
            flowName: i === 0 ? ON_DEMAND : SAP,
            executionId,
          },
        ),
      );
      await rig.emulator.control.advance(25);
      await Promise.all(runWatchers.map((w) => w.done));
      for (const w of runWatchers) {
        const terminal = w.items.filter(
          (i) => i.data?.executionUpdated.executionStatus === 'Successful',
        );
        expect(terminal).toHaveLength(1);
      }
      await waitFor(() =>
        watchers.every((w) =>
          ids.every((id) => eventsOf(w.items, id).some((e) => e.kind === 'FINISHED')),
        ),
      );
      await fleetPolls(rig, 3);
      for (const w of watchers) {
        for (const id of ids) {
          expect(eventsOf(w.items, id).filter((e) => e.kind === 'FINISHED')).toHaveLength(1);
        }
      }
      // The polls found what no event said: back to the normal pace.
      expect(rig.server.gateway.services.live.pace.flowing).toBe(false);
      const counters = (await rig.emulator.control.call('GET', '/events')) as { dropped: number };
      expect(counters.dropped).toBeGreaterThanOrEqual(2);
    } finally {
      for (const w of watchers) w.close();
    }
  });
});
