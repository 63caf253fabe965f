/**
 * The live state: one record per flow of what the gateway knows right now, the one place that
 * decides whether something about a run is news. Every source writes here (a per-flow poll, the
 * fleet's ListFlows and runs, a mutation's answer, an EventBridge event); every reader follows
 * it (the read cache is invalidated through `onChange`, subscribers get what `publish` sends).
 *
 * - per flow: its ListFlows item and last-run fingerprint, when the gateway first saw it, and
 *   its runs (in progress or recently finished), each stored with a rank: status rank (in
 *   progress < cancel started < finished) then lastUpdatedAt. A write only lands when its rank is
 *   higher, so an End event before its Start, a duplicate, or an older poll changes nothing;
 * - shared through Redis (one Lua script per write: compare and set is atomic, so of two
 *   replicas learning the same run end only one publishes it); in memory without Redis, and
 *   while it is unavailable;
 * - news: a run the state did not know is news when a live source (mutation, event) reports it,
 *   or when a poll finds it still going or finished after the gateway first saw its flow; the
 *   first bulk read of a flow is its baseline (nothing happened, the gateway just looked).
 */
import type { SharedRedis } from '../redis.js';
import { toJson } from './pubsub.js';
import { ACTIVE_STATUSES, type RunJson, TERMINAL_STATUSES } from './tracker.js';

/** Where a write comes from: bulk reads (poll, list) make baselines; live sources never do. */
export type RunSource = 'poll' | 'list' | 'mutation' | 'event';

/** A flow as ListFlows lists it (plain JSON). */
export type FlowItem = { flowName: string; [member: string]: unknown };

export type RunChangeKind = 'STARTED' | 'STATUS_CHANGED' | 'FINISHED';

/** A change the state accepted and published. */
export interface RunChange {
  kind: RunChangeKind | 'UPDATED';
  flowName: string;
  flow: FlowItem;
  run: RunJson;
  previousStatus: string | null;
  source: RunSource;
}

/** One stored run: `<rank>|<json>`. */
const RANK_WIDTH = 16;

export function statusRank(status: string | undefined): number {
  if (TERMINAL_STATUSES.has(status ?? '')) return 2;
  return status === 'CancelStarted' ? 1 : 0;
}

/** ListFlows' `lastRunExecutionDetails` as a run says it. */
function lastRunDetails(run: RunJson): Record<string, string | undefined> {
  const error = (run.executionResult as { errorInfo?: { executionMessage?: string } } | undefined)
    ?.errorInfo;
  return {
    mostRecentExecutionStatus: run.executionStatus,
    mostRecentExecutionTime: run.lastUpdatedAt ?? run.startedAt,
    mostRecentExecutionMessage: error?.executionMessage,
  };
}

export function runRank(run: RunJson): string {
  const updated = run.lastUpdatedAt ? Date.parse(run.lastUpdatedAt) : 0;
  return `${statusRank(run.executionStatus)}${String(Number.isFinite(updated) ? updated : 0).padStart(RANK_WIDTH - 1, '0')}`;
}

/** What the store returns for one flow's run write. */
interface PutResult {
  /** When the gateway first saw the flow (ms), before this write; null = this write is first. */
  seenSince: number | null;
  item: FlowItem | null;
  /** Per run: the stored value it replaced ('' = new run), or null when it was not newer. */
  replaced: (string | null)[];
  /** The id of the newest run (latest start) the state knows of the flow. */
  newest: string | null;
}

interface ListedResult {
  previousFingerprint: string | null;
  seenSince: number | null;
  activeRuns: number;
}

/** Where the state lives: Redis or memory, with the same compare-and-set semantics. */
interface StateStore {
  /** Runs as [id, `<rank>|<json>`, startedAt ms]. */
  put(
    flowName: string,
    runs: [string, string, number][],
    now: number,
    ttlMs: number,
  ): Promise<PutResult>;
  listed(
    flows: { flowName: string; fingerprint: string; item: string }[],
    now: number,
    ttlMs: number,
  ): Promise<ListedResult[]>;
  runs(flowName: string): Promise<string[]>;
  item(flowName: string): Promise<FlowItem | null>;
}

interface MemoryFlow {
  list?: string;
  item?: string;
  seen?: number;
  newest?: { id: string; start: number };
  runs: Map<string, string>;
  expires: number;
}

class MemoryStateStore implements StateStore {
  private readonly flows = new Map<string, MemoryFlow>();
  private flow(name: string, now: number, ttlMs: number): MemoryFlow {
    let f = this.flows.get(name);
    if (!f || f.expires < now) {
      f = { runs: new Map(), expires: 0 };
      this.flows.set(name, f);
    }
    f.expires = now + ttlMs;
    return f;
  }
  async put(flowName: string, runs: [string, string, number][], now: number, ttlMs: number) {
    const f = this.flow(flowName, now, ttlMs);
    const seenSince = f.seen ?? null;
    f.seen ??= now;
    const replaced = runs.map(([id, value, start]) => {
      if (!f.newest || start >= f.newest.start) f.newest = { id, start };
      const old = f.runs.get(id);
      if (old !== undefined && old.slice(0, RANK_WIDTH) >= value.slice(0, RANK_WIDTH)) return null;
      f.runs.set(id, value);
      return old ?? '';
    });
    return {
      seenSince,
      item: f.item ? (JSON.parse(f.item) as FlowItem) : null,
      replaced,
      newest: f.newest?.id ?? null,
    };
  }
  async listed(
    flows: { flowName: string; fingerprint: string; item: string }[],
    now: number,
    ttlMs: number,
  ) {
    return flows.map(({ flowName, fingerprint, item }) => {
      const f = this.flow(flowName, now, ttlMs);
      const result = {
        previousFingerprint: f.list ?? null,
        seenSince: f.seen ?? null,
        activeRuns: [...f.runs.values()].filter((v) => v[0] === '0' || v[0] === '1').length,
      };
      f.list = fingerprint;
      f.item = item;
      f.seen ??= now;
      return result;
    });
  }
  async runs(flowName: string) {
    const f = this.flows.get(flowName);
    return f && f.expires >= Date.now() ? [...f.runs.values()] : [];
  }
  async item(flowName: string) {
    const item = this.flows.get(flowName)?.item;
    return item ? (JSON.parse(item) as FlowItem) : null;
  }
}

const PUT = `local seen = redis.call('hget', KEYS[1], 'seen')
if not seen then redis.call('hset', KEYS[1], 'seen', ARGV[1]) end
local out = {seen or false, redis.call('hget', KEYS[1], 'item') or false}
local newest = tonumber(redis.call('hget', KEYS[1], 'newestStart') or '-1')
for i = 3, #ARGV, 3 do
  if tonumber(ARGV[i + 2]) >= newest then
    newest = tonumber(ARGV[i + 2])
    redis.call('hset', KEYS[1], 'newestStart', ARGV[i + 2], 'newest', ARGV[i])
  end
  local old = redis.call('hget', KEYS[2], ARGV[i])
  if (not old) or string.sub(old, 1, ${RANK_WIDTH}) < string.sub(ARGV[i + 1], 1, ${RANK_WIDTH}) then
    redis.call('hset', KEYS[2], ARGV[i], ARGV[i + 1])
    out[#out + 1] = old or ''
  else
    out[#out + 1] = false
  end
end
redis.call('pexpire', KEYS[1], ARGV[2])
redis.call('pexpire', KEYS[2], ARGV[2])
out[#out + 1] = redis.call('hget', KEYS[1], 'newest') or false
return out`;

const LISTED = `local old = redis.call('hget', KEYS[1], 'list')
local seen = redis.call('hget', KEYS[1], 'seen')
redis.call('hset', KEYS[1], 'list', ARGV[1], 'item', ARGV[2])
if not seen then redis.call('hset', KEYS[1], 'seen', ARGV[3]) end
redis.call('pexpire', KEYS[1], ARGV[4])
local active = 0
for _, v in ipairs(redis.call('hvals', KEYS[2])) do
  local c = string.sub(v, 1, 1)
  if c == '0' or c == '1' then active = active + 1 end
end
return {old or false, seen or false, active}`;

class RedisStateStore implements StateStore {
  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix: string,
  ) {}
  private keys(flowName: string): [string, string] {
    return [`${this.prefix}flow:${flowName}`, `${this.prefix}runs:${flowName}`];
  }
  async put(flowName: string, runs: [string, string, number][], now: number, ttlMs: number) {
    const args = runs.flatMap(([id, value, start]) => [id, value, String(start)]);
    const out = (await this.redis.call((r) =>
      r.eval(PUT, 2, ...this.keys(flowName), String(now), String(ttlMs), ...args),
    )) as (string | null)[];
    return {
      seenSince: out[0] ? Number(out[0]) : null,
      item: out[1] ? (JSON.parse(out[1]) as FlowItem) : null,
      replaced: out.slice(2, -1),
      newest: out.at(-1) ?? null,
    };
  }
  async listed(
    flows: { flowName: string; fingerprint: string; item: string }[],
    now: number,
    ttlMs: number,
  ) {
    if (flows.length === 0) return [];
    const replies = await this.redis.call((r) => {
      const pipeline = r.pipeline();
      for (const f of flows) {
        pipeline.eval(
          LISTED,
          2,
          ...this.keys(f.flowName),
          f.fingerprint,
          f.item,
          String(now),
          String(ttlMs),
        );
      }
      return pipeline.exec();
    });
    return (replies ?? []).map(([error, reply]) => {
      if (error) throw error;
      const [old, seen, active] = reply as [string | null, string | null, number];
      return {
        previousFingerprint: old,
        seenSince: seen ? Number(seen) : null,
        activeRuns: Number(active),
      };
    });
  }
  async runs(flowName: string) {
    return this.redis.call((r) => r.hvals(this.keys(flowName)[1]));
  }
  async item(flowName: string) {
    const item = await this.redis.call((r) => r.hget(this.keys(flowName)[0], 'item'));
    return item ? (JSON.parse(item) as FlowItem) : null;
  }
}

export interface LiveStateOptions {
  namespace: string;
  /** How long a flow's state lives after its last write (default 1 h). */
  ttlMs?: number;
  now?: () => number;
}

/** The one live state of every flow (see the file comment). */
export class LiveState {
  private readonly memory = new MemoryStateStore();
  private readonly shared?: RedisStateStore;
  private readonly listeners = new Set<(changes: RunChange[]) => void | Promise<void>>();
  private readonly listListeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(
    private readonly redis: SharedRedis | undefined,
    options: LiveStateOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? 3_600_000;
    if (redis) this.shared = new RedisStateStore(redis, `${options.namespace}:state:`);
  }

  /** The store for this write: Redis while it is there, this process's memory otherwise. */
  private async use<T>(run: (store: StateStore) => Promise<T>): Promise<T> {
    if (this.shared && this.redis?.available) {
      try {
        return await run(this.shared);
      } catch {
        // Gone meanwhile: this replica goes on alone (its own pollers cover it).
      }
    }
    return run(this.memory);
  }

  /** The fleet's list changed in more than runs (a flow added, removed, (de)activated). */
  onListChanged(listener: () => void): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }

  listChanged(): void {
    for (const l of this.listListeners) l();
  }

  /** Called with every batch of accepted changes, on the replica that made them. */
  onChange(listener: (changes: RunChange[]) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Write runs of a flow (newest first or any order); returns the accepted changes that are
   * news, after every listener (cache invalidation, publishing) has seen them.
   */
  async applyRuns(
    flowName: string,
    runs: readonly RunJson[],
    source: RunSource,
    flowHint?: FlowItem,
    /** The caller knows this is the flow's first look (fleet baseline): nothing is news. */
    baseline = false,
  ): Promise<RunChange[]> {
    const known = runs.filter((r) => r.executionId);
    if (known.length === 0) return [];
    const now = this.now();
    const entries = known.map((run): [string, string, number] => [
      run.executionId,
      `${runRank(run)}|${JSON.stringify(run)}`,
      run.startedAt ? Date.parse(run.startedAt) || 0 : now,
    ]);
    const put = await this.use((s) => s.put(flowName, entries, now, this.ttlMs));
    const listed = put.item ?? flowHint ?? { flowName };
    // The flow as it is now: its newest run speaks for it (ListFlows' last-run summary), so a
    // fleet row follows a run a mutation or an event reported before ListFlows does.
    const flowWith = (run: RunJson): FlowItem =>
      run.executionId !== put.newest
        ? listed
        : { ...listed, lastRunExecutionDetails: lastRunDetails(run) };
    const bulk = source === 'poll' || source === 'list';
    const changes: RunChange[] = [];
    known.forEach((run, i) => {
      const replaced = put.replaced[i];
      if (replaced === null || replaced === undefined || baseline) return;
      const status = run.executionStatus;
      if (replaced === '') {
        // A run the state did not know. From a poll: news only after the flow's baseline, and
        // only if it did not finish before the gateway first looked.
        if (bulk && put.seenSince === null) return;
        const updated = run.lastUpdatedAt ? Date.parse(run.lastUpdatedAt) : now;
        if (bulk && !ACTIVE_STATUSES.has(status ?? '') && updated < (put.seenSince ?? 0)) return;
        changes.push({
          kind: TERMINAL_STATUSES.has(status ?? '') ? 'FINISHED' : 'STARTED',
          flowName,
          flow: flowWith(run),
          run,
          previousStatus: null,
          source,
        });
        return;
      }
      const previous = (JSON.parse(replaced.slice(RANK_WIDTH + 1)) as RunJson).executionStatus;
      const kind =
        previous === status
          ? 'UPDATED'
          : TERMINAL_STATUSES.has(status ?? '')
            ? 'FINISHED'
            : 'STATUS_CHANGED';
      changes.push({
        kind,
        flowName,
        flow: flowWith(run),
        run,
        previousStatus: previous ?? null,
        source,
      });
    });
    if (changes.length > 0) {
      await Promise.all(
        [...this.listeners].map((l) => Promise.resolve(l(changes)).catch(() => {})),
      );
    }
    return changes;
  }

  /**
   * A ListFlows page: remember each flow's item and last-run fingerprint. Returns per flow
   * whether its last run changed since the state last saw the list, whether this is the
   * flow's baseline, and how many of its runs the state holds in progress.
   */
  async noteListed(
    flows: readonly FlowItem[],
    fingerprint: (flow: FlowItem) => string,
  ): Promise<{ changed: boolean; baseline: boolean; activeRuns: number }[]> {
    const now = this.now();
    const rows = flows.map((flow) => ({
      flowName: flow.flowName,
      fingerprint: fingerprint(flow),
      item: JSON.stringify(toJson(flow)),
    }));
    const results = await this.use((s) => s.listed(rows, now, this.ttlMs));
    return results.map((r, i) => ({
      changed: r.previousFingerprint !== null && r.previousFingerprint !== rows[i]!.fingerprint,
      baseline: r.seenSince === null,
      activeRuns: r.activeRuns,
    }));
  }

  /** The runs of a flow the state holds, newest first. */
  async runsOf(flowName: string): Promise<RunJson[]> {
    const values = await this.use((s) => s.runs(flowName));
    return values
      .map((v) => JSON.parse(v.slice(RANK_WIDTH + 1)) as RunJson)
      .sort((a, b) => Date.parse(b.startedAt ?? '0') - Date.parse(a.startedAt ?? '0'));
  }

  /** The flow's ListFlows item as last listed, or null. */
  item(flowName: string): Promise<FlowItem | null> {
    return this.use((s) => s.item(flowName));
  }
}
