/** What every resource reader shares: the client, the cache, TTLs, pages and not-found. */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import { callAppflow, isAppflowError } from '../../appflow/errors.js';
import type { AppflowCache, CachePolicy } from '../cache.js';

/** Cache lifetimes in seconds (CACHE_*_TTL in src/config.ts). */
export interface CacheTtls {
  /** Connectors and their metadata (entities, fields). */
  connectorsTtl: number;
  /** Connector profiles, and tags (neither has a change fingerprint). */
  profilesTtl: number;
  /** Flow descriptions (also validated by lastUpdatedAt). */
  flowTtl: number;
  /** The first page of a running flow's runs. */
  runsTtl: number;
  /** ListFlows pages for queries (the live state forgets them on every change it learns). */
  flowListTtl: number;
}

export interface ReaderDeps {
  client: AppflowClient;
  cache: AppflowCache;
  ttls: CacheTtls;
}

/** One page of an AppFlow list, as AppFlow's nextToken pagination returns it. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/**
 * Fresh for `ttlSeconds`, then served `staleSeconds` more while one refresh runs (no latency
 * spike and no stampede at expiry).
 */
export function cachePolicy(
  ttlSeconds: number,
  staleSeconds = ttlSeconds,
  fingerprint?: string,
): CachePolicy {
  return { freshMs: ttlSeconds * 1000, staleMs: staleSeconds * 1000, fingerprint };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every page of an SDK paginator, failures mapped like any other AppFlow call. */
export function allPages<T>(operation: string, pages: AsyncIterable<T>): Promise<T[]> {
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

/** An AppFlow call whose ResourceNotFoundException means "there is none": null. */
export function nullIfNotFound<T>(operation: string, send: () => Promise<T>): Promise<T | null> {
  return callAppflow(operation, send).catch((error) => {
    if (isNotFound(error)) return null;
    throw error;
  });
}

/** An SDK answer without its `$metadata` (request ids do not belong in a cache). */
export function withoutMetadata<T extends { $metadata?: unknown }>(
  answer: T,
): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = answer;
  return rest;
}

export function fingerprintDate(date: Date | string | number | undefined): string {
  if (date === undefined) return '';
  return String(new Date(date).getTime());
}

/** Fingerprint of a flow's last run, as ListFlows and DescribeFlow report it. */
export function lastRunFingerprint(
  details: { mostRecentExecutionTime?: Date; mostRecentExecutionStatus?: string } | undefined,
): string {
  return `${fingerprintDate(details?.mostRecentExecutionTime)}|${details?.mostRecentExecutionStatus ?? ''}`;
}
