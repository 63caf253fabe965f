/**
 * Per-request DataLoaders: every AppFlow read a query needs is batched and deduplicated
 * within the request, then served through the cross-request cache (./reader).
 */
import type {
  ConnectorConfiguration,
  ConnectorProfile,
  DescribeFlowResponse,
  ExecutionRecord,
} from '@aws-sdk/client-appflow';
import DataLoader from 'dataloader';
import { parseConnectorKey } from './models.js';
import { type AppflowReader, fingerprintDate, type Page } from './reader/index.js';

export interface Loaders {
  /** DescribeFlow by `name` or `name@lastUpdatedAtMs` (cache-validated). */
  flow: DataLoader<string, DescribeFlowResponse | null>;
  /** DescribeConnectorProfiles by name, <= 100 names a call. */
  profile: DataLoader<string, ConnectorProfile | null>;
  /** DescribeConnectors by type (<= 100 a call); `CustomConnector:<label>` via DescribeConnector. */
  connector: DataLoader<string, ConnectorConfiguration | null>;
  /** DescribeFlowExecutionRecords pages, keyed by flow, token, size and last-run fingerprint. */
  executions: DataLoader<string, Page<ExecutionRecord>>;
  /** What the request fetched before it was asked (src/resolvers/flow-follow-ups.ts). */
  early: EarlyReads;
}

/** Reads a request started ahead of the fields that need them. */
export interface EarlyReads {
  /**
   * The account's profiles, listed at a flows list's first step: the profile loader takes
   * the names it has from here and describes only the others.
   */
  profiles?: Promise<ReadonlyMap<string, ConnectorProfile> | null>;
}

/** What a request reads AppFlow with: the process-wide reader and the request's own loaders. */
export interface RequestReaders {
  reader: AppflowReader;
  loaders: Loaders;
}

/** The model of one key's value, or null where there is none. */
export async function loadModel<V, M>(
  loader: DataLoader<string, V | null>,
  key: string,
  model: (value: V, key: string) => M,
): Promise<M | null> {
  const value = await loader.load(key);
  return value ? model(value, key) : null;
}

/** The models of many keys, in order: null where there is none, or where its load failed. */
export async function loadModels<V, M>(
  loader: DataLoader<string, V | null>,
  keys: readonly string[],
  model: (value: V, key: string) => M,
): Promise<(M | null)[]> {
  const values = await loader.loadMany(keys);
  return values.map((v, i) => (v && !(v instanceof Error) ? model(v, keys[i]!) : null));
}

export function flowKey(name: string, lastUpdatedAt?: Date | string | number): string {
  return lastUpdatedAt === undefined ? name : `${name}@${fingerprintDate(lastUpdatedAt)}`;
}

export function executionsKey(
  flowName: string,
  maxResults: number,
  nextToken?: string,
  lastRunFingerprint?: string,
): string {
  return JSON.stringify([flowName, maxResults, nextToken ?? null, lastRunFingerprint ?? null]);
}

/**
 * One call per key; a failed call fails only its own key (DataLoader takes an Error in the
 * result list), not every other flow of the batch.
 */
async function eachSettled<K, V>(
  keys: readonly K[],
  load: (key: K) => Promise<V>,
): Promise<(V | Error)[]> {
  const settled = await Promise.allSettled(keys.map(load));
  return settled.map((r) =>
    r.status === 'fulfilled'
      ? r.value
      : r.reason instanceof Error
        ? r.reason
        : new Error(String(r.reason)),
  );
}

/** Profiles by name: those the request listed early, then the rest in one described batch. */
async function profilesByNames(
  reader: AppflowReader,
  early: EarlyReads,
  names: readonly string[],
): Promise<(ConnectorProfile | null)[]> {
  const listed = early.profiles ? await early.profiles : null;
  if (!listed) return reader.profiles.byNames(names);
  // A name the listing lacks may be newer than it: described by name, never assumed gone.
  const rest = names.filter((n) => !listed.has(n));
  const described = rest.length ? await reader.profiles.byNames(rest) : [];
  const byName = new Map(rest.map((n, i) => [n, described[i] ?? null]));
  return names.map((n) => listed.get(n) ?? byName.get(n) ?? null);
}

export function createLoaders(reader: AppflowReader): Loaders {
  const early: EarlyReads = {};
  return {
    early,
    flow: new DataLoader(
      (keys) =>
        eachSettled(keys, (key) => {
          const at = key.lastIndexOf('@');
          return at < 0
            ? reader.flows.describe(key)
            : reader.flows.describe(key.slice(0, at), new Date(Number(key.slice(at + 1))));
        }),
      { maxBatchSize: 100 },
    ),
    profile: new DataLoader((names) => profilesByNames(reader, early, names), {
      maxBatchSize: 100,
    }),
    connector: new DataLoader(
      async (keys) => {
        const builtIn = keys.filter((k) => !k.includes(':'));
        const configs = new Map<string, ConnectorConfiguration | null>();
        const [types] = await Promise.all([
          builtIn.length ? reader.connectors.byTypes(builtIn) : [],
          ...keys
            .filter((k) => k.includes(':'))
            .map(async (k) => {
              configs.set(k, await reader.connectors.custom(parseConnectorKey(k).connectorLabel!));
            }),
        ]);
        for (const [i, k] of builtIn.entries()) {
          configs.set(k, (types as (ConnectorConfiguration | null)[])[i] ?? null);
        }
        return keys.map((k) => configs.get(k) ?? null);
      },
      { maxBatchSize: 100 },
    ),
    executions: new DataLoader((keys) =>
      eachSettled(keys, (key) => {
        const [flowName, maxResults, nextToken, fingerprint] = JSON.parse(key) as [
          string,
          number,
          string | null,
          string | null,
        ];
        return reader.flows.runs(
          flowName,
          nextToken ?? undefined,
          maxResults,
          fingerprint ?? undefined,
        );
      }),
    ),
  };
}
