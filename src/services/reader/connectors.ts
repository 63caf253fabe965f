/**
 * Connectors and their metadata: DescribeConnectors (by type, and as pages), DescribeConnector
 * (custom connectors by label), ListConnectors, ListConnectorEntities, DescribeConnectorEntity.
 * All of it changes rarely, and only through registrations, profile changes and
 * ResetConnectorMetadataCache, which invalidate it.
 */
import {
  type ConnectorConfiguration,
  type ConnectorDetail,
  type ConnectorEntity,
  type ConnectorEntityField,
  DescribeConnectorCommand,
  DescribeConnectorEntityCommand,
  DescribeConnectorsCommand,
  ListConnectorEntitiesCommand,
  ListConnectorsCommand,
  paginateDescribeConnectors,
} from '@aws-sdk/client-appflow';
import { callAppflow } from '../../appflow/errors.js';
import {
  allPages,
  cachePolicy,
  chunks,
  nullIfNotFound,
  type Page,
  type ReaderDeps,
} from './support.js';

export type ConnectorType = NonNullable<ConnectorConfiguration['connectorType']>;

/** A connector type's configuration with its summary, as one DescribeConnectors page has them. */
export interface DescribedConnector {
  connectorType: string;
  configuration: ConnectorConfiguration;
  detail?: ConnectorDetail;
}

/** Where ListConnectorEntities and DescribeConnectorEntity look. */
export interface EntityScope {
  connectorType: string;
  /** The profile to list with (connectors that use profiles need one). */
  connectorProfileName?: string;
}

/** An entity with the group AppFlow lists it under, and where it was listed. */
export interface ListedEntity extends ConnectorEntity, EntityScope {
  group: string;
}

/** Every cached page of ListConnectors and DescribeConnectors. */
const LISTS = 'connectors';
/** Every cached entity list and entity description. */
const ENTITIES = 'entities';

/** ListConnectorEntities pages are followed up to this many entities. */
const MAX_ENTITIES = 10_000;

export class ConnectorReader {
  constructor(private readonly deps: ReaderDeps) {}

  private get policy() {
    return cachePolicy(this.deps.ttls.connectorsTtl);
  }

  /** Built-in connector configurations by type (<= 100 types a call), each cached on its own. */
  byTypes(types: readonly string[]): Promise<(ConnectorConfiguration | null)[]> {
    const { cache, client } = this.deps;
    return cache.getMany('connector', types, this.policy, async (batch) => {
      const found = new Map<string, ConnectorConfiguration | null>(batch.map((t) => [t, null]));
      for (const connectorTypes of chunks(batch as ConnectorType[], 100)) {
        const pages = paginateDescribeConnectors({ client, pageSize: 100 }, { connectorTypes });
        for (const page of await allPages('DescribeConnectors', pages)) {
          for (const [type, config] of Object.entries(page.connectorConfigurations ?? {})) {
            found.set(type, config);
          }
        }
      }
      return found;
    });
  }

  /** A custom connector by label (DescribeConnector), or null. */
  custom(label: string): Promise<ConnectorConfiguration | null> {
    return this.deps.cache.get(`connector:CustomConnector:${label}`, this.policy, async () => {
      const answer = await nullIfNotFound('DescribeConnector', () =>
        this.deps.client.send(
          new DescribeConnectorCommand({ connectorType: 'CustomConnector', connectorLabel: label }),
        ),
      );
      return answer?.connectorConfiguration ?? null;
    });
  }

  /** One page of DescribeConnectors for the given built-in types. */
  describePage(
    types: ConnectorType[],
    nextToken: string | undefined,
    maxResults: number,
  ): Promise<Page<DescribedConnector>> {
    const id = JSON.stringify(['describe', types, nextToken ?? null, maxResults]);
    return this.deps.cache.getInGroup(LISTS, id, this.policy, async () => {
      const page = await callAppflow('DescribeConnectors', () =>
        this.deps.client.send(
          new DescribeConnectorsCommand({ connectorTypes: types, maxResults, nextToken }),
        ),
      );
      const items = Object.entries(page.connectorConfigurations ?? {}).map(
        ([connectorType, configuration]) => ({
          connectorType,
          configuration,
          // `connectors` repeats the same connectors as summaries: merged, not listed twice.
          detail: page.connectors?.find(
            (d) => d.connectorType === connectorType && !d.connectorLabel,
          ),
        }),
      );
      return { items, nextToken: page.nextToken };
    });
  }

  /** One page of ListConnectors: every connector, custom ones included. */
  listPage(nextToken: string | undefined, maxResults: number): Promise<Page<ConnectorDetail>> {
    const id = JSON.stringify(['list', nextToken ?? null, maxResults]);
    return this.deps.cache.getInGroup(LISTS, id, this.policy, async () => {
      const page = await callAppflow('ListConnectors', () =>
        this.deps.client.send(new ListConnectorsCommand({ maxResults, nextToken })),
      );
      return { items: page.connectors ?? [], nextToken: page.nextToken };
    });
  }

  /** Every entity of a connector, at the top level or under `entitiesPath`. */
  entities(scope: EntityScope, entitiesPath?: string): Promise<ListedEntity[]> {
    const id = JSON.stringify(['list', scope, entitiesPath ?? null]);
    return this.deps.cache.getInGroup(ENTITIES, id, this.policy, async () => {
      const entities: ListedEntity[] = [];
      let nextToken: string | undefined;
      do {
        const page = await callAppflow('ListConnectorEntities', () =>
          this.deps.client.send(
            new ListConnectorEntitiesCommand({
              connectorType: scope.connectorType as ConnectorType,
              connectorProfileName: scope.connectorProfileName,
              entitiesPath,
              nextToken,
            }),
          ),
        );
        for (const [group, list] of Object.entries(page.connectorEntityMap ?? {})) {
          for (const e of list) entities.push({ ...e, group, ...scope });
        }
        nextToken = page.nextToken;
      } while (nextToken && entities.length < MAX_ENTITIES);
      return entities;
    });
  }

  /** The fields of one entity (DescribeConnectorEntity). */
  entityFields(scope: EntityScope, entityName: string): Promise<ConnectorEntityField[]> {
    const id = JSON.stringify(['fields', scope, entityName]);
    return this.deps.cache.getInGroup(ENTITIES, id, this.policy, async () => {
      const answer = await callAppflow('DescribeConnectorEntity', () =>
        this.deps.client.send(
          new DescribeConnectorEntityCommand({
            connectorEntityName: entityName,
            connectorType: scope.connectorType as ConnectorType,
            connectorProfileName: scope.connectorProfileName,
          }),
        ),
      );
      return answer.connectorEntityFields ?? [];
    });
  }

  /** Forget a connector a mutation changed (by type, or custom by label) and every list. */
  async invalidate(type: string, label?: string): Promise<void> {
    await Promise.all([
      this.deps.cache.invalidate(label ? `connector:${type}:${label}` : `connector:${type}`),
      this.deps.cache.invalidateGroups(LISTS, ENTITIES),
    ]);
  }

  /** Forget every entity list and description (their metadata may have changed). */
  invalidateEntities(): Promise<void> {
    return this.deps.cache.invalidateGroups(ENTITIES);
  }
}
