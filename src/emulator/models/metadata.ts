/**
 * Connector entities (ListConnectorEntities, DescribeConnectorEntity) and AppFlow's metadata
 * cache of them (ResetConnectorMetadataCache). Results are cached per connector profile, or per
 * connector type for the types used without a profile.
 */
import { PROFILELESS_TYPES, supportedApiVersions } from '../catalog.js';
import { describeEntity, listEntities } from '../entities.js';
import { notFound, validationError } from '../exceptions.js';
import { type JsonObject, type JsonValue, omitUndefined } from '../json.js';
import { paginate } from '../pagination.js';
import type { ModelEnv } from './env.js';

interface MetadataTargetInput {
  connectorProfileName?: string;
  connectorType?: string;
  apiVersion?: string;
}

interface ListEntitiesInput extends MetadataTargetInput {
  entitiesPath?: string;
  maxResults?: number;
  nextToken?: string;
}

interface DescribeEntityInput extends MetadataTargetInput {
  connectorEntityName: string;
}

interface ResetCacheInput extends MetadataTargetInput {
  connectorEntityName?: string;
  entitiesPath?: string;
}

type EntityMap = Record<string, JsonObject[]>;

/** One cached answer: entity names (a ListConnectorEntities list under `name`, the entities
 * path) or an entity's details (DescribeConnectorEntity of entity `name`). */
interface CacheEntry {
  cachedAtMs: number;
  value: JsonValue;
  owner: string;
  kind: 'list' | 'entity';
  name: string;
  apiVersion: string;
}

export class MetadataModel {
  cache = new Map<string, CacheEntry>();

  constructor(
    private readonly env: ModelEnv,
    /** The connector type of a profile; throws ResourceNotFoundException when there is none. */
    private readonly profileType: (name: string) => string,
  ) {}

  /** Which connector type a metadata call is about and whose cache it uses, with AWS's rule:
   * connectorType for S3, EventBridge, Lookout for Metrics, Upsolver and Amazon Connect;
   * connectorProfileName for the others (ResetConnectorMetadataCacheRequest's documentation). */
  private target(input: MetadataTargetInput): { type: string; owner: string } {
    if (input.connectorProfileName) {
      const type = this.profileType(input.connectorProfileName);
      if (input.connectorType && input.connectorType !== type) {
        throw validationError(
          `Connector profile ${input.connectorProfileName} is of type ${type}, not ${input.connectorType}`,
        );
      }
      return { type, owner: `profile:${input.connectorProfileName}` };
    }
    if (!input.connectorType) {
      throw validationError('Either connectorProfileName or connectorType is required');
    }
    if (!PROFILELESS_TYPES.has(input.connectorType)) {
      throw validationError(
        `connectorProfileName is required for connector type ${input.connectorType}`,
      );
    }
    return { type: input.connectorType, owner: `type:${input.connectorType}` };
  }

  private cached<T extends JsonValue>(
    entry: Omit<CacheEntry, 'cachedAtMs' | 'value'>,
    compute: () => T,
  ): T {
    const key = `${entry.owner}|${entry.kind}|${entry.name}|${entry.apiVersion}`;
    const hit = this.cache.get(key);
    if (hit) return hit.value as T;
    const value = compute();
    this.cache.set(key, { ...entry, cachedAtMs: this.env.now, value });
    return value;
  }

  listConnectorEntities(input: ListEntitiesInput) {
    const { type, owner } = this.target(input);
    const path = input.entitiesPath ?? '';
    const entry = { owner, kind: 'list' as const, name: path, apiVersion: input.apiVersion ?? '' };
    const map: EntityMap = this.cached(entry, () => {
      const entities = listEntities(type, path);
      if (!entities) throw notFound(`Entities path ${path} not found`);
      return entities;
    });
    if (input.maxResults === undefined && input.nextToken === undefined) {
      return { connectorEntityMap: map };
    }
    const pairs = Object.entries(map).flatMap(([g, es]) =>
      es.map((e): [string, JsonObject] => [g, e]),
    );
    const { page, nextToken } = paginate(
      'ListConnectorEntities',
      { owner, path },
      pairs,
      input.maxResults ?? 10_000,
      input.nextToken,
    );
    const connectorEntityMap: EntityMap = {};
    for (const [g, e] of page) connectorEntityMap[g] = [...(connectorEntityMap[g] ?? []), e];
    return omitUndefined({ connectorEntityMap, nextToken });
  }

  describeConnectorEntity(input: DescribeEntityInput) {
    const { type, owner } = this.target(input);
    const name = input.connectorEntityName;
    const entry = { owner, kind: 'entity' as const, name, apiVersion: input.apiVersion ?? '' };
    const fields = this.cached(entry, () => {
      const f = describeEntity(type, name);
      if (!f) throw notFound(`Entity ${name} not found for connector type ${type}`);
      return f;
    });
    return { connectorEntityFields: fields };
  }

  /** Forget what is cached for a profile (it was deleted). */
  dropProfile(name: string) {
    this.drop((e) => e.owner === `profile:${name}`);
  }

  private drop(matches: (e: CacheEntry) => boolean): number {
    let dropped = 0;
    for (const [key, e] of this.cache) {
      if (matches(e)) {
        this.cache.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  /**
   * ResetConnectorMetadataCacheRequest, member by member:
   * - connectorEntityName: "Use this parameter if you want to reset cached metadata about the
   *   details for an individual entity. If you don't include this parameter in your request,
   *   Amazon AppFlow only resets cached metadata about entity names, not entity details."
   * - entitiesPath: "Use this parameter only if you're resetting the cached metadata about a
   *   nested entity ... specify the name of the parent entity": the names under that parent.
   * - apiVersion: "You must use this parameter only if the connector supports multiple API
   *   versions or if the connector type is CustomConnector": it narrows the reset to that
   *   version and is refused for connectors with one API version.
   * - connectorProfileName / connectorType: see `target`.
   */
  resetConnectorMetadataCache(input: ResetCacheInput) {
    const { type, owner } = this.target(input);
    const version = input.apiVersion;
    if (version !== undefined && type !== 'CustomConnector') {
      const versions = supportedApiVersions(type);
      if (versions.length < 2) {
        throw validationError(
          `apiVersion is only used for connectors that support multiple API versions or for CustomConnector; ${type} supports ${versions.length ? versions.join(', ') : 'none'}`,
        );
      }
      if (!versions.includes(version)) {
        throw validationError(
          `apiVersion ${version} is not supported by connector type ${type}. Supported versions: ${versions.join(', ')}`,
        );
      }
    }
    const sameVersion = (e: CacheEntry) => version === undefined || e.apiVersion === version;
    if (input.connectorEntityName) {
      const name = input.connectorEntityName;
      this.drop(
        (e) => e.owner === owner && e.kind === 'entity' && e.name === name && sameVersion(e),
      );
    } else {
      const path = input.entitiesPath;
      this.drop(
        (e) =>
          e.owner === owner &&
          e.kind === 'list' &&
          (path === undefined || e.name === path) &&
          sameVersion(e),
      );
    }
    return {};
  }

  clear() {
    this.cache.clear();
  }
}
