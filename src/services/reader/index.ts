/**
 * Every read of AppFlow, through the cross-request cache: one reader per resource (as moto
 * composes a backend of one backend per resource). Per-request batching lives in
 * ../loaders.ts; these readers decide what may be served from cache and for how long, and
 * forget what mutations change.
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { AppflowCache } from '../cache.js';
import { ConnectorReader } from './connectors.js';
import { FlowReader } from './flows.js';
import { ProfileReader } from './profiles.js';
import type { CacheTtls } from './support.js';
import { TagReader } from './tags.js';

export type { ConnectorType, DescribedConnector, EntityScope, ListedEntity } from './connectors.js';
export { FIRST_EXECUTIONS_PAGE, type RunHistory } from './flows.js';
export type { ProfileFilter, ProfileListing } from './profiles.js';
export type { CacheTtls, Page } from './support.js';
export { fingerprintDate, isNotFound, lastRunFingerprint } from './support.js';

/** What the reader may fetch before it is asked (docs/speed.md). */
export interface SpeculationBounds {
  /**
   * A flows list whose rows show profiles lists the account's profiles at its first step while
   * it has at most this many (SPECULATIVE_PROFILES_MAX; 0: never, profiles wait for DescribeFlow).
   */
  maxListedProfiles: number;
}

export const DEFAULT_SPECULATION: SpeculationBounds = { maxListedProfiles: 200 };

export class AppflowReader {
  /** Flows and their runs. */
  readonly flows: FlowReader;
  readonly profiles: ProfileReader;
  /** Connectors, their entities and fields. */
  readonly connectors: ConnectorReader;
  readonly tags: TagReader;

  constructor(
    client: AppflowClient,
    readonly cache: AppflowCache,
    ttls: CacheTtls,
    readonly speculation: SpeculationBounds = DEFAULT_SPECULATION,
  ) {
    const deps = { client, cache, ttls };
    this.flows = new FlowReader(deps);
    this.profiles = new ProfileReader(deps);
    this.connectors = new ConnectorReader(deps);
    this.tags = new TagReader(deps);
  }
}
