/** Reads of connectors for the graph: by key (batched), as pages, their entities and fields. */
import type { ConnectorConfiguration, ConnectorEntityField } from '@aws-sdk/client-appflow';
import { loadModel, loadModels, type RequestReaders } from '../services/loaders.js';
import {
  type ConnectorEntityModel,
  type ConnectorModel,
  connectorKey,
  connectorModel,
  parseConnectorKey,
} from '../services/models.js';
import type { ConnectorType, Page } from '../services/reader/index.js';

/** A described connector by its key (a type, or `CustomConnector:<label>`). */
function describedConnector(configuration: ConnectorConfiguration, key: string): ConnectorModel {
  const { connectorType, connectorLabel } = parseConnectorKey(key);
  return connectorModel(connectorType, connectorLabel, { configuration });
}

/** Connectors by key, in order, null where none is (Relay `nodes`). */
export function connectorsByKeys(
  { loaders }: RequestReaders,
  keys: readonly string[],
): Promise<(ConnectorModel | null)[]> {
  return loadModels(loaders.connector, keys, describedConnector);
}

/** A connector by type (and label, for a custom connector), or null; failures are errors. */
export function connectorByType(
  { loaders }: RequestReaders,
  type: string,
  label?: string | null,
): Promise<ConnectorModel | null> {
  return loadModel(loaders.connector, connectorKey(type, label), describedConnector);
}

/**
 * A member of DescribeConnector(s)' ConnectorConfiguration or of ListConnectors' ConnectorDetail:
 * from what the connector came with, else described (once per connector and request).
 */
export async function connectorMember(
  { loaders }: RequestReaders,
  c: ConnectorModel,
  member: string,
): Promise<unknown> {
  if (member === 'connectorType') return c.connectorType;
  if (member === 'connectorLabel' && c.connectorLabel) return c.connectorLabel;
  const fromConfig = (c.configuration as Record<string, unknown> | undefined)?.[member];
  if (fromConfig !== undefined) return fromConfig;
  const fromDetail = (c.detail as Record<string, unknown> | undefined)?.[member];
  if (fromDetail !== undefined) return fromDetail;
  if (c.configuration) return undefined;
  const config = await loaders.connector.load(connectorKey(c.connectorType, c.connectorLabel));
  c.configuration = config ?? {};
  return (config as Record<string, unknown> | null)?.[member];
}

/**
 * One page of connectors: the given built-in types (DescribeConnectors, each primed in the
 * request's loader), or every connector (ListConnectors) without types.
 */
export async function connectorsPage(
  { reader, loaders }: RequestReaders,
  types: ConnectorType[] | undefined,
  nextToken: string | undefined,
  maxResults: number,
): Promise<Page<ConnectorModel>> {
  if (types?.length) {
    const page = await reader.connectors.describePage(types, nextToken, maxResults);
    const items = page.items.map(({ connectorType, configuration, detail }) => {
      loaders.connector.prime(connectorType, configuration);
      return connectorModel(connectorType, undefined, { configuration, detail });
    });
    return { items, nextToken: page.nextToken };
  }
  const page = await reader.connectors.listPage(nextToken, maxResults);
  return {
    items: page.items.map((detail) =>
      connectorModel(detail.connectorType!, detail.connectorLabel, { detail }),
    ),
    nextToken: page.nextToken,
  };
}

/** The entities of a connector, at the top level or under `entitiesPath`. */
export function connectorEntities(
  { reader }: RequestReaders,
  c: ConnectorModel,
  options: { profileName?: string | null; entitiesPath?: string | null },
): Promise<ConnectorEntityModel[]> {
  return reader.connectors.entities(
    { connectorType: c.connectorType, connectorProfileName: options.profileName ?? undefined },
    options.entitiesPath ?? undefined,
  );
}

export function entityFields(
  { reader }: RequestReaders,
  entity: ConnectorEntityModel,
): Promise<ConnectorEntityField[]> {
  return reader.connectors.entityFields(
    { connectorType: entity.connectorType, connectorProfileName: entity.connectorProfileName },
    entity.name!,
  );
}
