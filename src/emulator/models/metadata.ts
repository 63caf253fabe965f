/**
 * Connector entities (ListConnectorEntities, DescribeConnectorEntity) and AppFlow's metadata
 * cache of them (ResetConnectorMetadataCache). Results are cached per connector profile, or per
 * connector type for the types used without a profile.
 */
import { PROFILELESS_TYPES } from '../catalog.js';
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

export class MetadataModel {
  cache = new Map<string, { cachedAtMs: number; value: JsonValue }>();

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

  private cached<T extends JsonValue>(key: string, compute: () => T): T {
    const hit = this.cache.get(key);
    if (hit) return hit.value as T;
    const value = compute();
    this.cache.set(key, { cachedAtMs: this.env.now, value });
    return value;
  }

  listConnectorEntities(input: ListEntitiesInput) {
    const { type, owner } = this.target(input);
    const path = input.entitiesPath ?? '';
    const map: EntityMap = this.cached(`${owner}|list|${path}|${input.apiVersion ?? ''}`, () => {
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
    const fields = this.cached(`${owner}|entity|${name}|${input.apiVersion ?? ''}`, () => {
      const f = describeEntity(type, name);
      if (!f) throw notFound(`Entity ${name} not found for connector type ${type}`);
      return f;
    });
    return { connectorEntityFields: fields };
  }

  /** Forget what is cached for a profile (it was deleted). */
  dropProfile(name: string) {
    this.drop(`profile:${name}|`);
  }

  private drop(prefix: string) {
    for (const key of this.cache.keys()) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  resetConnectorMetadataCache(input: ResetCacheInput) {
    const { owner } = this.target(input);
    if (input.connectorEntityName) {
      this.drop(`${owner}|entity|${input.connectorEntityName}|`);
    } else if (input.entitiesPath !== undefined) {
      this.drop(`${owner}|list|${input.entitiesPath}|`);
    } else {
      this.drop(`${owner}|`);
    }
    return {};
  }

  clear() {
    this.cache.clear();
  }
}
