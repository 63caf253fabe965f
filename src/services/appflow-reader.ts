/**
 * Process-wide reads of AppFlow through the cross-request cache. Per-request batching lives in
 * loaders.ts; this layer decides what may be served from cache and for how long.
 */
import {
  type AppflowClient,
  type ConnectorConfiguration,
  type ConnectorProfile,
  DescribeConnectorCommand,
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  type DescribeFlowResponse,
  type ExecutionRecord,
  ListFlowsCommand,
  type ListFlowsResponse,
  paginateDescribeConnectorProfiles,
  paginateDescribeConnectors,
} from '@aws-sdk/client-appflow';
import { callAppflow, isAppflowError } from '../appflow/errors.js';
import type { GatewayConfig } from '../config.js';
import type { AppflowCache } from './cache.js';

export interface ExecutionsPage {
  items: ExecutionRecord[];
  nextToken?: string;
}

/** Size of a flow's first executions page, shared by `lastExecution` and `executions(first<=N)`. */
export const FIRST_EXECUTIONS_PAGE = 10;

const s = (seconds: number) => seconds * 1000;

export class AppflowReader {
  constructor(
    readonly client: AppflowClient,
    readonly cache: AppflowCache,
    private readonly ttl: GatewayConfig['cache'],
  ) {}

  /** ListFlows is never cached: it is how the gateway learns what changed. */
  listFlows(nextToken: string | undefined, maxResults: number): Promise<ListFlowsResponse> {
    return callAppflow('ListFlows', () =>
      this.client.send(new ListFlowsCommand({ nextToken, maxResults })),
    );
  }

  /**
   * DescribeFlow. With `lastUpdatedAt` (from ListFlows) the cached answer is used as long as the
   * flow has not changed; without it the call is fresh (and refreshes the cache).
   */
  async describeFlow(name: string, lastUpdatedAt?: Date): Promise<DescribeFlowResponse | null> {
    const key = `flow:${name}`;
    const load = () =>
      callAppflow('DescribeFlow', () =>
        this.client.send(new DescribeFlowCommand({ flowName: name })),
      ).then(
        ({ $metadata: _, ...flow }) => flow as DescribeFlowResponse,
        (error) => {
          if (isNotFound(error)) return null;
          throw error;
        },
      );
    if (!lastUpdatedAt) {
      const flow = await load();
      if (flow) {
        await this.cache.set(key, flow, {
          freshMs: s(this.ttl.flowTtl),
          staleMs: 0,
          fingerprint: fingerprintDate(flow.lastUpdatedAt),
        });
      }
      return flow;
    }
    return this.cache.get(
      key,
      { freshMs: s(this.ttl.flowTtl), staleMs: 0, fingerprint: fingerprintDate(lastUpdatedAt) },
      load,
    );
  }

  /** DescribeConnectorProfiles by name (<= 100 a call), each name cached on its own. */
  describeProfiles(names: readonly string[]): Promise<(ConnectorProfile | null)[]> {
    const ttl = s(this.ttl.profilesTtl);
    return this.cache.getMany('profile', names, { freshMs: ttl, staleMs: ttl }, async (batch) => {
      const found = new Map<string, ConnectorProfile | null>(batch.map((n) => [n, null]));
      for (const connectorProfileNames of chunks(batch, 100)) {
        const pages = paginateDescribeConnectorProfiles(
          { client: this.client, pageSize: 100 },
          { connectorProfileNames },
        );
        for (const page of await allPages('DescribeConnectorProfiles', pages)) {
          for (const p of page.connectorProfileDetails ?? []) found.set(p.connectorProfileName!, p);
        }
      }
      return found;
    });
  }

  /** Built-in connector configurations by type (DescribeConnectors, <= 100 types a call). */
  describeConnectorTypes(types: readonly string[]): Promise<(ConnectorConfiguration | null)[]> {
    const ttl = s(this.ttl.connectorsTtl);
    return this.cache.getMany('connector', types, { freshMs: ttl, staleMs: ttl }, async (batch) => {
      const found = new Map<string, ConnectorConfiguration | null>(batch.map((t) => [t, null]));
      for (const connectorTypes of chunks(batch as ConnectorType[], 100)) {
        const pages = paginateDescribeConnectors(
          { client: this.client, pageSize: 100 },
          { connectorTypes },
        );
        for (const page of await allPages('DescribeConnectors', pages)) {
          for (const [type, config] of Object.entries(page.connectorConfigurations ?? {})) {
            found.set(type, config);
          }
        }
      }
      return found;
    });
  }

  /** A custom connector by label (DescribeConnector). */
  describeCustomConnector(label: string): Promise<ConnectorConfiguration | null> {
    return this.cache.get(
      `connector:CustomConnector:${label}`,
      { freshMs: s(this.ttl.connectorsTtl), staleMs: s(this.ttl.connectorsTtl) },
      () =>
        callAppflow('DescribeConnector', () =>
          this.client.send(
            new DescribeConnectorCommand({
              connectorType: 'CustomConnector',
              connectorLabel: label,
            }),
          ),
        ).then(
          (r) => r.connectorConfiguration ?? null,
          (error) => {
            if (isNotFound(error)) return null;
            throw error;
          },
        ),
    );
  }

  /**
   * One page of a flow's runs, newest first. The first page is cached against the flow's
   * last-run fingerprint (from ListFlows/DescribeFlow), briefly while a run is in progress.
   */
  executions(
    flowName: string,
    nextToken: string | undefined,
    maxResults: number,
    lastRunFingerprint?: string,
  ): Promise<ExecutionsPage> {
    const load = () =>
      callAppflow('DescribeFlowExecutionRecords', () =>
        this.client.send(
          new DescribeFlowExecutionRecordsCommand({ flowName, nextToken, maxResults }),
        ),
      ).then((r) => ({ items: r.flowExecutions ?? [], nextToken: r.nextToken }));
    // Only the shared first page is cached: one key per flow, which invalidateFlow clears.
    if (nextToken || lastRunFingerprint === undefined || maxResults !== FIRST_EXECUTIONS_PAGE) {
      return load();
    }
    const running =
      lastRunFingerprint.endsWith('|InProgress') || lastRunFingerprint.endsWith('|CancelStarted');
    return this.cache.get(
      `executions:${flowName}`,
      {
        freshMs: s(running ? this.ttl.executionsTtl : this.ttl.flowTtl),
        staleMs: 0,
        fingerprint: lastRunFingerprint,
      },
      load,
    );
  }

  /**
   * A run by id, newest pages first (bounded: runs older than the 500 newest are not looked up).
   * Never cached: used for one-off lookups of old runs.
   */
  async findExecution(flowName: string, executionId: string): Promise<ExecutionRecord | null> {
    let token: string | undefined;
    for (let page = 0; page < 5; page++) {
      const { items, nextToken } = await this.executions(flowName, token, 100);
      const found = items.find((r) => r.executionId === executionId);
      if (found) return found;
      if (!nextToken) return null;
      token = nextToken;
    }
    return null;
  }

  /** Forget what a mutation changed. */
  invalidateFlow(name: string): Promise<void> {
    return this.cache.invalidate(`flow:${name}`, `executions:${name}`);
  }
  invalidateProfile(name: string): Promise<void> {
    return this.cache.invalidate(`profile:${name}`);
  }
  invalidateConnector(type: string, label?: string): Promise<void> {
    return this.cache.invalidate(label ? `connector:${type}:${label}` : `connector:${type}`);
  }
}

type ConnectorType = NonNullable<ConnectorConfiguration['connectorType']>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every page of an SDK paginator, failures mapped like any other AppFlow call. */
function allPages<T>(operation: string, pages: AsyncIterable<T>): Promise<T[]> {
  return callAppflow(operation, async () => {
    const all: T[] = [];
    for await (const page of pages) all.push(page);
    return all;
  });
}

export function isNotFound(error: unknown): boolean {
  return (
    isAppflowError(error, 'ResourceNotFoundException') ||
    (error as { extensions?: { code?: string } })?.extensions?.code === 'NOT_FOUND'
  );
}

export function fingerprintDate(date: Date | string | number | undefined): string {
  if (date === undefined) return '';
  return String(new Date(date).getTime());
}

/** Fingerprint of a flow's last run, as ListFlows and DescribeFlow report it. */
export function lastRunFingerprint(
  details:
    | {
        mostRecentExecutionTime?: Date;
        mostRecentExecutionStatus?: string;
      }
    | undefined,
): string {
  return `${fingerprintDate(details?.mostRecentExecutionTime)}|${details?.mostRecentExecutionStatus ?? ''}`;
}
