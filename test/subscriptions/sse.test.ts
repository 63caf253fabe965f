/**
 * Live run status over SSE: Yoga's distinct-connections mode (accept: text/event-stream on
 * /graphql) and graphql-sse's single-connection mode (/graphql/stream), against the real server.
 */
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collect,
  EXECUTION_UPDATED,
  FLOW_RUNS,
  type LiveRig,
  ON_DEMAND,
  type Received,
  sseEvents,
  startLiveRig,
  startRun,
  waitFor,
} from './helpers.js';

let rig: LiveRig;
beforeAll(async () => {
  rig = await startLiveRig();
});
afterAll(async () => rig?.close());

const poller = () => rig.server.gateway.services.live.poller;
type Run = { executionUpdated: { executionId: string; executionStatus: string } };

function sse(query: string, variables: Record<string, unknown>, signal?: AbortSignal) {
  return fetch(rig.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
}

describe('SSE, distinct connections (Yoga)', () => {
  it('streams InProgress -> Successful and completes', async () => {
    const executionId = await startRun(rig.emulator);
    const response = await sse(EXECUTION_UPDATED, { flowName: ON_DEMAND, executionId });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const items = (await collect(sseEvents(response))) as Received<Run>[];
    const statuses = items.map((i) => i.data?.executionUpdated.executionStatus);
    expect(statuses[0]).toBe('InProgress');
    expect(statuses.at(-1)).toBe('Successful');
    expect(items.every((i) => !i.errors)).toBe(true);
  });

  it('a client that goes away is cleaned up (the poller loses its subscriber)', async () => {
    const controller = new AbortController();
    const response = await sse(FLOW_RUNS, { flowName: ON_DEMAND }, controller.signal);
    expect(response.ok).toBe(true);
    await waitFor(() => poller().subscriberCount('runs', ON_DEMAND) === 1);
    controller.abort();
    await waitFor(() => poller().subscriberCount('runs', ON_DEMAND) === 0);
    expect(rig.server.gateway.services.live.limits.active).toBe(0);
  });
});

describe('SSE, single connection (graphql-sse)', () => {
  it('streams a run to completion over one reserved stream', async () => {
    const client = createClient({
      url: rig.server.url.replace(/\/graphql$/, '/graphql/stream'),
      singleConnection: true,
      retryAttempts: 0,
    });
    try {
      const executionId = await startRun(rig.emulator);
      const items = (await collect(
        client.iterate({
          query: EXECUTION_UPDATED,
          variables: { flowName: ON_DEMAND, executionId },
        }),
      )) as Received<Run>[];
      const statuses = items.map((i) => i.data?.executionUpdated.executionStatus);
      expect(statuses[0]).toBe('InProgress');
      expect(statuses.at(-1)).toBe('Successful');
      await waitFor(() => poller().subscriberCount('runs', ON_DEMAND) === 0);
    } finally {
      client.dispose();
    }
  });
});
