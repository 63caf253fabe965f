/**
 * The three ways to the same AppFlow data that bench/side-by-side.ts compares: our gateway, the
 * Mesh peer (Hive Gateway over the OpenAPI made from the model, bench/peer/) and the hand-written
 * SDK client (bench/round-trips.ts). Each answers the same work (a 100-flow dashboard, a list,
 * startFlow) with its own query, and says whether the answer is whole.
 *
 * Also a recording proxy between a client and the emulator: every AppFlow call with its
 * operation, start and end, to show the dependent steps of a dashboard for all three alike.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AppflowClient,
  DescribeFlowExecutionRecordsCommand,
  ListFlowsCommand,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { model } from '../src/model/model.js';
import { callChainDepth, type TimedCall } from './lib.js';
import { handWritten } from './round-trips.js';
import { DASHBOARD_QUERY } from './scenarios.js';

/** What one piece of work took and whether its answer was complete. */
export interface Outcome {
  ms: number;
  whole: boolean;
  firstError?: string;
  /** Run ids per flow name (newest first), where the work reads runs. */
  runs?: Map<string, string[]>;
  executionId?: string;
  executionStatus?: string;
}

export const OURS_LIST = '{ flows(first: 100) { edges { node { flowName flowStatus } } } }';
export const PEER_LIST =
  '{ ListFlows(input: { maxResults: 100 }) { flows { flowName flowStatus } } }';

/** The same dashboard as DASHBOARD_QUERY through the peer's links. */
export const PEER_DASHBOARD = `query Dashboard { ListFlows(input: { maxResults: 100 }) { flows {
  flowName flowStatus triggerType lastUpdatedAt
  details {
    sourceFlowConfig { connectorProfile { connectorProfileName connectorType connectionMode } }
    destinationFlowConfigList { connectorProfile { connectorProfileName connectorType connectionMode } }
  }
  sourceConnector { connectorType connectorName }
  destinationConnector { connectorType connectorName }
  runs { flowExecutions { executionId executionStatus startedAt } }
} } }`;

export const OURS_START = `mutation Start($flowName: String!) { startFlow(input: { flowName: $flowName }) {
  __typename ... on StartFlowSuccess { execution { executionId } } } }`;
export const OURS_START_STATUS = `mutation Start($flowName: String!) { startFlow(input: { flowName: $flowName }) {
  __typename ... on StartFlowSuccess { execution { executionId executionStatus } } } }`;
export const PEER_START = `mutation Start($flowName: String!) {
  StartFlow(input: { flowName: $flowName }) { executionId } }`;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

export async function graphql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ ms: number; body: GraphQLBody; status: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    body = { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
  return { ms: performance.now() - started, body, status: res.status };
}

const firstError = (body: GraphQLBody) =>
  body.errors?.length ? JSON.stringify(body.errors[0]).slice(0, 240) : undefined;

type Json = Record<string, any>;

export async function oursDashboard(url: string, query = DASHBOARD_QUERY): Promise<Outcome> {
  const { ms, body } = await graphql(url, query);
  const nodes: Json[] = ((body.data?.flows as Json)?.edges ?? []).map((e: Json) => e.node);
  const whole =
    !body.errors?.length &&
    nodes.length === 100 &&
    nodes.every(
      (n) => n?.sourceConnectorProfile && n.sourceConnector && n.executions?.edges?.length > 0,
    );
  const runs = new Map<string, string[]>(
    nodes.map((n) => [
      n?.flowName,
      (n?.executions?.edges ?? []).map((e: Json) => e.node?.executionId),
    ]),
  );
  return { ms, whole, firstError: firstError(body), runs };
}

export async function peerDashboard(url: string): Promise<Outcome> {
  const { ms, body } = await graphql(url, PEER_DASHBOARD);
  const flows: Json[] = (body.data?.ListFlows as Json)?.flows ?? [];
  const whole =
    !body.errors?.length &&
    flows.length === 100 &&
    flows.every(
      (f) =>
        f?.details?.sourceFlowConfig?.connectorProfile &&
        f.sourceConnector &&
        f.runs?.flowExecutions?.length > 0,
    );
  const runs = new Map<string, string[]>(
    flows.map((f) => [
      f?.flowName,
      (f?.runs?.flowExecutions ?? []).map((e: Json) => e?.executionId),
    ]),
  );
  return { ms, whole, firstError: firstError(body), runs };
}

export async function sdkDashboard(sdk: AppflowClient): Promise<Outcome> {
  const started = performance.now();
  try {
    const { runs } = await handWritten(sdk);
    return { ms: performance.now() - started, whole: true, runs };
  } catch (error) {
    return {
      ms: performance.now() - started,
      whole: false,
      firstError: String((error as Error).name ?? error),
    };
  }
}

export async function oursList(url: string): Promise<Outcome> {
  const { ms, body } = await graphql(url, OURS_LIST);
  const edges = ((body.data?.flows as Json)?.edges ?? []) as unknown[];
  return { ms, whole: !body.errors?.length && edges.length === 100, firstError: firstError(body) };
}

export async function peerList(url: string): Promise<Outcome> {
  const { ms, body } = await graphql(url, PEER_LIST);
  const flows = ((body.data?.ListFlows as Json)?.flows ?? []) as unknown[];
  return { ms, whole: !body.errors?.length && flows.length === 100, firstError: firstError(body) };
}

export async function sdkList(sdk: AppflowClient): Promise<Outcome> {
  const started = performance.now();
  const page = await sdk.send(new ListFlowsCommand({ maxResults: 100 }));
  return { ms: performance.now() - started, whole: page.flows?.length === 100 };
}

export async function oursStart(
  url: string,
  flowName: string,
  withStatus: boolean,
): Promise<Outcome> {
  const { ms, body } = await graphql(url, withStatus ? OURS_START_STATUS : OURS_START, {
    flowName,
  });
  const execution = ((body.data?.startFlow as Json)?.execution ?? {}) as Json;
  return {
    ms,
    whole: !body.errors?.length && Boolean(execution.executionId),
    firstError: firstError(body) ?? (execution.executionId ? undefined : JSON.stringify(body.data)),
    executionId: execution.executionId,
    executionStatus: execution.executionStatus,
  };
}

export async function peerStart(url: string, flowName: string): Promise<Outcome> {
  const { ms, body } = await graphql(url, PEER_START, { flowName });
  const executionId = (body.data?.StartFlow as Json)?.executionId;
  return { ms, whole: !body.errors?.length && Boolean(executionId), executionId };
}

/** StartFlow, and with `withStatus` the run's record (DescribeFlowExecutionRecords) after it. */
export async function sdkStart(
  sdk: AppflowClient,
  flowName: string,
  withStatus: boolean,
): Promise<Outcome> {
  const started = performance.now();
  const { executionId } = await sdk.send(new StartFlowCommand({ flowName }));
  let executionStatus: string | undefined;
  if (withStatus) {
    const records = await sdk.send(
      new DescribeFlowExecutionRecordsCommand({ flowName, maxResults: 5 }),
    );
    executionStatus = records.flowExecutions?.find(
      (e) => e.executionId === executionId,
    )?.executionStatus;
  }
  return {
    ms: performance.now() - started,
    whole: Boolean(executionId) && (!withStatus || Boolean(executionStatus)),
    executionId,
    executionStatus,
  };
}

/** Operation names by `METHOD /path`, from the model (no path templates among the reads). */
const OPERATIONS = new Map(
  Object.entries(model.operations).map(([name, op]) => [
    `${op.http.method} ${op.http.requestUri}`,
    name,
  ]),
);

/**
 * A forwarding proxy in front of the emulator that records every AppFlow call (operation, start,
 * end): the dependent steps of a piece of work, seen the same way for all three clients.
 */
export async function startRecordingProxy(target: string) {
  const calls: TimedCall[] = [];
  const failures: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const start = performance.now();
      const path = (req.url ?? '/').split('?')[0];
      const operation = OPERATIONS.get(`${req.method} ${path}`) ?? `${req.method} ${path}`;
      try {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers.set(k, v);
        }
        const upstream = await fetch(`${target}${req.url}`, {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        calls.push({ operation, start, end: performance.now() });
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') {
            out[k] = v;
          }
        });
        out['content-length'] = String(body.length);
        res.writeHead(upstream.status, out);
        res.end(body);
      } catch (error) {
        failures.push(`${operation}: ${(error as Error).message} ${(error as Error).cause ?? ''}`);
        res.writeHead(502);
        res.end(String(error));
      }
    });
  });
  // Clients keep sockets alive between pieces of work; Node's default of 5 s would close them
  // under a client about to reuse one (ECONNRESET, which the gateway reports as unavailable).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** The calls recorded since the last take, emptied. */
    take: () => calls.splice(0, calls.length),
    /** Forwarding failures since the last call, emptied. */
    failures: () => failures.splice(0, failures.length),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The dependent steps of a set of calls, by operation: an operation's step is one more than the
 * latest step whose first call had ended before its own first call began (robust to CPU delays
 * within a batch of parallel calls). E.g. "ListFlows → DescribeFlow ∥ ... → DescribeConnectorProfiles".
 */
export function dependentSteps(calls: readonly TimedCall[]): {
  steps: number;
  chain: string;
  longestChain: number;
} {
  const first = new Map<string, TimedCall>();
  for (const c of calls) {
    const f = first.get(c.operation);
    if (!f || c.start < f.start) first.set(c.operation, c);
  }
  const ops = [...first.values()].sort((a, b) => a.start - b.start);
  const step = new Map<string, number>();
  for (const c of ops) {
    let s = 1;
    for (const d of ops)
      if (d !== c && d.end <= c.start) s = Math.max(s, step.get(d.operation)! + 1);
    step.set(c.operation, s);
  }
  const steps = Math.max(0, ...step.values());
  const count = (op: string) => calls.filter((c) => c.operation === op).length;
  const chain = Array.from({ length: steps }, (_, i) =>
    [...step.entries()]
      .filter(([, s]) => s === i + 1)
      .map(([op]) => `${op} ×${count(op)}`)
      .sort()
      .join(' ∥ '),
  ).join(' → ');
  return { steps, chain, longestChain: callChainDepth(calls) };
}
