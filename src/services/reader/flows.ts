/** Flows and their runs: ListFlows, DescribeFlow, DescribeFlowExecutionRecords. */
import {
  DescribeFlowCommand,
  DescribeFlowExecutionRecordsCommand,
  type DescribeFlowResponse,
  type ExecutionRecord,
  type FlowDefinition,
  ListFlowsCommand,
} from '@aws-sdk/client-appflow';
import { callAppflow } from '../../appflow/errors.js';
import {
  cachePolicy,
  fingerprintDate,
  nullIfNotFound,
  type Page,
  type ReaderDeps,
  withoutMetadata,
} from './support.js';

/** A flow's newest runs as history() read them. */
export interface RunHistory {
  runs: ExecutionRecord[];
  /** More runs existed than were read. */
  truncated: boolean;
  /** DescribeFlowExecutionRecords pages read. */
  pages: number;
}

/**
 * Size of a flow's first runs page, shared by `lastExecution` and `executions(first<=10)`: a
 * connection asks for one more than `first` (to know whether there is a next page), so the
 * dashboard's `executions(first: 10)` asks for 11, and is served from this cached page.
 */
export const FIRST_EXECUTIONS_PAGE = 11;

/** Runs older than the newest 5 pages of 100 are not looked up by id. */
const RUN_LOOKUP_PAGES = 5;

export class FlowReader {
  constructor(private readonly deps: ReaderDeps) {}

  /**
   * ListFlows. Fresh for the fleet loop (it learns what changed from it), whose answer is kept
   * as the live state's list. A query (`cached`) is answered from that list while it is younger
   * than CACHE_FLOW_LIST_TTL, i.e. while a fleet loop keeps it current: every change the live
   * state learns (a mutation, an event, a poll) forgets it, so the bound only holds for changes
   * made elsewhere and not yet reported. Otherwise the query lists fresh (and stores nothing:
   * without a fleet loop nobody would notice a change made elsewhere).
   */
  async list(
    nextToken: string | undefined,
    maxResults: number,
    cached = false,
  ): Promise<Page<FlowDefinition>> {
    const { cache, client, ttls } = this.deps;
    // The key is taken before the call: an answer older than an invalidation is never served.
    const key = await cache.groupKey('flowlist', JSON.stringify([nextToken ?? null, maxResults]));
    const policy = cachePolicy(ttls.flowListTtl, 0);
    const load = () =>
      callAppflow('ListFlows', () =>
        client.send(new ListFlowsCommand({ nextToken, maxResults })),
      ).then((page) => ({ items: page.flows ?? [], nextToken: page.nextToken }));
    if (cached) return (await cache.lookup<Page<FlowDefinition>>(key, policy)) ?? load();
    const page = await load();
    await cache.set(key, page, policy);
    return page;
  }

  /**
   * DescribeFlow. With `lastUpdatedAt` (from ListFlows) the cached answer is used as long as the
   * flow has not changed; without it the call is fresh (and refreshes the cache).
   */
  async describe(name: string, lastUpdatedAt?: Date): Promise<DescribeFlowResponse | null> {
    const { cache, client, ttls } = this.deps;
    const key = `flow:${name}`;
    const load = async () => {
      const flow = await nullIfNotFound('DescribeFlow', () =>
        client.send(new DescribeFlowCommand({ flowName: name })),
      );
      return flow && (withoutMetadata(flow) as DescribeFlowResponse);
    };
    if (!lastUpdatedAt) {
      const flow = await load();
      if (flow) {
        await cache.set(
          key,
          flow,
          cachePolicy(ttls.flowTtl, 0, fingerprintDate(flow.lastUpdatedAt)),
        );
      }
      return flow;
    }
    return cache.get(key, cachePolicy(ttls.flowTtl, 0, fingerprintDate(lastUpdatedAt)), load);
  }

  /**
   * DescribeFlow served from the cache for a flow's TTL, without a ListFlows fingerprint to
   * check it against: for dry runs (validateFlow) that must not call AppFlow twice.
   */
  describeCached(name: string): Promise<DescribeFlowResponse | null> {
    return this.deps.cache.get(`flowdef:${name}`, cachePolicy(this.deps.ttls.flowTtl, 0), () =>
      nullIfNotFound('DescribeFlow', () =>
        this.deps.client.send(new DescribeFlowCommand({ flowName: name })),
      ).then((flow) => flow && (withoutMetadata(flow) as DescribeFlowResponse)),
    );
  }

  /**
   * One page of a flow's runs, newest first. The first page is cached against the flow's
   * last-run fingerprint (from ListFlows/DescribeFlow), briefly while a run is in progress.
   */
  runs(
    flowName: string,
    nextToken: string | undefined,
    maxResults: number,
    lastRunFingerprint?: string,
  ): Promise<Page<ExecutionRecord>> {
    const { cache, client, ttls } = this.deps;
    const load = () =>
      callAppflow('DescribeFlowExecutionRecords', () =>
        client.send(new DescribeFlowExecutionRecordsCommand({ flowName, nextToken, maxResults })),
      ).then((r) => ({ items: r.flowExecutions ?? [], nextToken: r.nextToken }));
    // Only the shared first page is cached: one key per flow, which invalidate clears.
    if (nextToken || lastRunFingerprint === undefined || maxResults !== FIRST_EXECUTIONS_PAGE) {
      return load();
    }
    const running =
      lastRunFingerprint.endsWith('|InProgress') || lastRunFingerprint.endsWith('|CancelStarted');
    return cache.get(
      `runs:${flowName}`,
      cachePolicy(running ? ttls.runsTtl : ttls.flowTtl, 0, lastRunFingerprint),
      load,
    );
  }

  /**
   * A flow's newest runs, up to `maxRuns` (pages of 100), stopping at the first run started
   * before `since`. Cached as a whole against the flow's last-run fingerprint (ListFlows /
   * DescribeFlow), briefly while a run is in progress, and forgotten when the flow changes.
   */
  history(
    flowName: string,
    maxRuns: number,
    since: Date | undefined,
    lastRunFingerprint: string,
  ): Promise<RunHistory> {
    const { cache, client, ttls } = this.deps;
    const running =
      lastRunFingerprint.endsWith('|InProgress') || lastRunFingerprint.endsWith('|CancelStarted');
    const policy = cachePolicy(running ? ttls.runsTtl : ttls.flowTtl, 0, lastRunFingerprint);
    const sinceMs = since?.getTime();
    const id = JSON.stringify([maxRuns, sinceMs ?? null]);
    return cache.getInGroup(`runhistory:${flowName}`, id, policy, async () => {
      const runs: ExecutionRecord[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await callAppflow('DescribeFlowExecutionRecords', () =>
          client.send(
            new DescribeFlowExecutionRecordsCommand({
              flowName,
              nextToken,
              maxResults: Math.min(100, maxRuns - runs.length),
            }),
          ),
        );
        pages++;
        nextToken = page.nextToken;
        for (const run of page.flowExecutions ?? []) {
          if (sinceMs !== undefined && new Date(run.startedAt ?? 0).getTime() < sinceMs) {
            return { runs, truncated: false, pages };
          }
          runs.push(run);
        }
      } while (nextToken && runs.length < maxRuns);
      return { runs: runs.slice(0, maxRuns), truncated: Boolean(nextToken), pages };
    });
  }

  /** A run by id, newest pages first. Never cached: used for one-off lookups of old runs. */
  async findRun(flowName: string, executionId: string): Promise<ExecutionRecord | null> {
    let token: string | undefined;
    for (let page = 0; page < RUN_LOOKUP_PAGES; page++) {
      const { items, nextToken } = await this.runs(flowName, token, 100);
      const found = items.find((r) => r.executionId === executionId);
      if (found) return found;
      if (!nextToken) return null;
      token = nextToken;
    }
    return null;
  }

  /**
   * Forget what changed with the flow (a mutation, or a change the live state learned): its
   * description, its runs pages and the flow list.
   */
  invalidate(name: string): Promise<void> {
    return Promise.all([
      this.deps.cache.invalidate(`flow:${name}`, `runs:${name}`, `flowdef:${name}`),
      this.deps.cache.invalidateGroups(`runhistory:${name}`, 'flowlist'),
    ]).then(() => {});
  }
}
