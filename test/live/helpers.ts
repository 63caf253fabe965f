/**
 * Live-state test helpers: a real gateway server (port 0) in front of an emulator whose runs
 * only end when the test moves its clock, subscriptions over SSE (distinct connections) that
 * collect what they receive, and EventBridge events from the emulator to the gateway.
 */
import type { GatewayConfig } from '../../src/config.js';
import {
  collect,
  type LiveRig,
  type Received,
  sseEvents,
  startLiveRig,
  waitFor,
} from '../subscriptions/helpers.js';

export const SECRET = 'live-test-secret-0123456789abcdef';
export const SECRET_HEADER = 'x-eventbridge-secret';

export const FLEET = /* GraphQL */ `
  subscription Fleet {
    flowRunEvents {
      kind
      flowName
      previousStatus
      execution { executionId executionStatus }
    }
  }
`;

export interface FleetItem {
  kind: string;
  flowName: string;
  previousStatus: string | null;
  execution: { executionId: string; executionStatus: string };
}

/** A gateway whose runs last 20 emulated seconds (they end when the test advances the clock). */
export function startRig(
  subscriptions: Partial<GatewayConfig['subscriptions']>,
  config: Partial<GatewayConfig> = {},
): Promise<LiveRig> {
  return startLiveRig({
    emulator: { runSeconds: 20 },
    subscriptions,
    config: {
      events: {
        secret: SECRET,
        secretHeader: SECRET_HEADER,
        maxBodyBytes: 4096,
        quietMs: 3_600_000,
      },
      ...config,
    },
  });
}

/** An SSE subscription collecting what it receives until `close()`. */
export function follow<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): { items: Received<T>[]; done: Promise<Received<T>[]>; close(): void } {
  const abort = new AbortController();
  const items: Received<T>[] = [];
  const done = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  })
    .then((response) =>
      collect<T>(
        sseEvents(response),
        () => false,
        (item) => void items.push(item),
      ),
    )
    .catch(() => items);
  return { items, done, close: () => abort.abort() };
}

/** Fleet events of one run, from a flowRunEvents follower. */
export const eventsOf = (items: Received<{ flowRunEvents: FleetItem }>[], executionId: string) =>
  items
    .map((i) => i.data?.flowRunEvents)
    .filter((e): e is FleetItem => e?.execution.executionId === executionId);

/** The emulator POSTs its EventBridge events to this gateway, with the secret header. */
export async function eventsToGateway(rig: LiveRig, body: Record<string, unknown> = {}) {
  const base = rig.server.url.replace(/\/graphql$/, '');
  await rig.emulator.control.call('POST', '/events', {
    target: `${base}/events/appflow`,
    header: `${SECRET_HEADER}: ${SECRET}`,
    ...body,
  });
}

/** Every event the emulator emitted has been delivered (or dropped). */
export const flushEvents = (rig: LiveRig) => rig.emulator.control.call('POST', '/events/flush', {});

/** Wait for `n` complete fleet polls after now. */
export async function fleetPolls(rig: LiveRig, n: number) {
  const fleet = rig.server.gateway.services.live.fleet;
  const target = fleet.stats().polls + n;
  await waitFor(() => fleet.stats().polls >= target, 20_000);
}

/** startFlow through the gateway; the run's id. */
export async function startFlow(rig: LiveRig, flowName: string): Promise<string> {
  const res = await fetch(rig.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { startFlow(input: { flowName: "${flowName}" }) {
        ... on StartFlowSuccess { execution { executionId } } } }`,
    }),
  });
  const body = (await res.json()) as {
    data: { startFlow: { execution: { executionId: string } } };
  };
  return body.data.startFlow.execution.executionId;
}
