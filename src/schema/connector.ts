/**
 * `Connector`: a built-in connector type or a registered custom connector, with what
 * DescribeConnector(s) and ListConnectors report, its profiles and its entities.
 */
import {
  type ConnectorDetail,
  type ConnectorEntity,
  DescribeConnectorEntityCommand,
  DescribeConnectorProfilesCommand,
  DescribeConnectorsCommand,
  ListConnectorEntitiesCommand,
  ListConnectorsCommand,
} from '@aws-sdk/client-appflow';
import { callAppflow } from '../appflow/errors.js';
import { resolveTokenConnection } from '../appflow/pagination.js';
import type { GatewayContext } from '../context.js';
import { maxPageSize } from '../model/model.js';
import { type ConnectorModel, connectorKey, parseConnectorKey } from '../services/models.js';
import { builder } from './builder.js';
import { enumRef, modelFields, outputType, toOutput, useDomainType } from './model-types.js';
import { forwardArgs } from './pagination.js';
import { ConnectorConnection, ConnectorProfileConnection, ConnectorRef } from './refs.js';

type ConnectorType = NonNullable<ConnectorDetail['connectorType']>;

async function connectorMember(c: ConnectorModel, member: string, ctx: GatewayContext) {
  if (member === 'connectorType') return c.connectorType;
  if (member === 'connectorLabel' && c.connectorLabel) return c.connectorLabel;
  const fromConfig = (c.configuration as Record<string, unknown> | undefined)?.[member];
  if (fromConfig !== undefined) return fromConfig;
  const fromDetail = (c.detail as Record<string, unknown> | undefined)?.[member];
  if (fromDetail !== undefined) return fromDetail;
  if (c.configuration) return undefined;
  const config = await ctx.loaders.connector.load(connectorKey(c.connectorType, c.connectorLabel));
  c.configuration = config ?? {};
  return (config as Record<string, unknown> | null)?.[member];
}

interface EntityModel extends ConnectorEntity {
  group?: string;
  connectorType: string;
  connectorProfileName?: string;
}

const ConnectorEntityRef = builder.objectRef<EntityModel>('ConnectorEntity');
useDomainType('ConnectorEntity', ConnectorEntityRef);

ConnectorEntityRef.implement({
  description:
    'An object of a connector (a Salesforce object, an S3 bucket, an SAP OData service...).',
  fields: (t) => ({
    ...modelFields(t, ['ConnectorEntity']),
    group: t.exposeString('group', { description: 'The group AppFlow lists the entity under.' }),
    fields: t.field({
      type: outputType('ConnectorEntityFieldList'),
      nullable: false,
      description: "The entity's fields (DescribeConnectorEntity), loaded only when selected.",
      resolve: async (entity, _args, ctx) => {
        const r = await callAppflow('DescribeConnectorEntity', () =>
          ctx.appflow.send(
            new DescribeConnectorEntityCommand({
              connectorEntityName: entity.name!,
              connectorType: entity.connectorType as ConnectorType,
              connectorProfileName: entity.connectorProfileName,
            }),
          ),
        );
        return toOutput('ConnectorEntityFieldList', r.connectorEntityFields ?? []) as never;
      },
    }),
  }),
});

builder.node(ConnectorRef, {
  description: 'A connector: a built-in connector type, or a custom connector registered by label.',
  id: { resolve: (c) => connectorKey(c.connectorType, c.connectorLabel) },
  loadMany: async (keys, ctx) => {
    const configs = await ctx.loaders.connector.loadMany(keys);
    return keys.map((key, i) => {
      const config = configs[i];
      return config && !(config instanceof Error)
        ? { ...parseConnectorKey(key), configuration: config }
        : null;
    });
  },
  fields: (t) => ({
    ...modelFields(t, ['ConnectorConfiguration', 'ConnectorDetail'], {
      nonNull: ['connectorType'],
      resolveMember: (c, member, ctx) => connectorMember(c, member, ctx),
    }),
    profiles: t.field({
      type: ConnectorProfileConnection,
      nullable: false,
      description: 'Connector profiles of this connector.',
      args: forwardArgs(t.arg),
      resolve: (c, args, ctx) =>
        resolveTokenConnection({
          args,
          codec: ctx.cursors,
          scope: `connector-profiles:${connectorKey(c.connectorType, c.connectorLabel)}`,
          maxPageSize: maxPageSize('DescribeConnectorProfiles'),
          fetchPage: async (nextToken, maxResults) => {
            const page = await callAppflow('DescribeConnectorProfiles', () =>
              ctx.appflow.send(
                new DescribeConnectorProfilesCommand({
                  connectorType: c.connectorType as ConnectorType,
                  connectorLabel: c.connectorLabel,
                  maxResults,
                  nextToken,
                }),
              ),
            );
            const items = (page.connectorProfileDetails ?? []).map((p) => ({
              ...p,
              connectorProfileName: p.connectorProfileName!,
            }));
            for (const p of items) ctx.loaders.profile.prime(p.connectorProfileName, p);
            return { items, nextToken: page.nextToken };
          },
        }),
    }),
    entities: t.field({
      type: [ConnectorEntityRef],
      nullable: false,
      description:
        'Entities of this connector (ListConnectorEntities), at the top level or under `entitiesPath`. Connectors that need a profile take `profileName`.',
      args: {
        profileName: t.arg.string({
          description:
            'The connector profile to list with (required by connectors that use profiles).',
        }),
        entitiesPath: t.arg.string({
          description: 'The path of a parent entity, for nested entities.',
        }),
      },
      resolve: async (c, args, ctx) => {
        const entities: EntityModel[] = [];
        let nextToken: string | undefined;
        do {
          const page = await callAppflow('ListConnectorEntities', () =>
            ctx.appflow.send(
              new ListConnectorEntitiesCommand({
                connectorType: c.connectorType as ConnectorType,
                connectorProfileName: args.profileName ?? undefined,
                entitiesPath: args.entitiesPath ?? undefined,
                nextToken,
              }),
            ),
          );
          for (const [group, list] of Object.entries(page.connectorEntityMap ?? {})) {
            for (const e of list) {
              entities.push({
                ...e,
                group,
                connectorType: c.connectorType,
                connectorProfileName: args.profileName ?? undefined,
              });
            }
          }
          nextToken = page.nextToken;
        } while (nextToken && entities.length < 10_000);
        return entities;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  connector: t.field({
    authScopes: { read: true },
    type: ConnectorRef,
    description: 'A connector by type (and label, for a custom connector), or null.',
    args: {
      type: t.arg({
        type: enumRef('ConnectorType'),
        required: true,
        description: 'The connector type.',
      }),
      label: t.arg.string({ description: 'The label of a custom connector.' }),
    },
    resolve: async (_root, { type, label }, ctx) => {
      const key = connectorKey(type as string, label);
      const configuration = await ctx.loaders.connector.load(key);
      return configuration ? { ...parseConnectorKey(key), configuration } : null;
    },
  }),
  connectors: t.field({
    authScopes: { read: true },
    type: ConnectorConnection,
    nullable: false,
    description:
      'Connectors: every connector (ListConnectors), or the given built-in types (DescribeConnectors).',
    args: {
      ...forwardArgs(t.arg),
      types: t.arg({
        type: [enumRef('ConnectorType')],
        description: 'Only these connector types.',
      }),
    },
    resolve: (_root, args, ctx) => {
      const types = args.types as ConnectorType[] | null | undefined;
      if (types?.length) {
        return resolveTokenConnection<ConnectorModel>({
          args,
          codec: ctx.cursors,
          scope: `connectors:${types.join(',')}`,
          maxPageSize: maxPageSize('DescribeConnectors'),
          fetchPage: async (nextToken, maxResults) => {
            const page = await callAppflow('DescribeConnectors', () =>
              ctx.appflow.send(
                new DescribeConnectorsCommand({ connectorTypes: types, maxResults, nextToken }),
              ),
            );
            const items: ConnectorModel[] = Object.entries(page.connectorConfigurations ?? {}).map(
              ([type, configuration]) => ({ connectorType: type, configuration }),
            );
            for (const item of items) {
              ctx.loaders.connector.prime(item.connectorType, item.configuration!);
              // `connectors` repeats the same connectors as summaries: merge, do not list twice.
              item.detail = page.connectors?.find(
                (d) => d.connectorType === item.connectorType && !d.connectorLabel,
              );
            }
            return { items, nextToken: page.nextToken };
          },
        });
      }
      return resolveTokenConnection<ConnectorModel>({
        args,
        codec: ctx.cursors,
        scope: 'connectors:',
        maxPageSize: maxPageSize('ListConnectors'),
        fetchPage: async (nextToken, maxResults) => {
          const page = await callAppflow('ListConnectors', () =>
            ctx.appflow.send(new ListConnectorsCommand({ maxResults, nextToken })),
          );
          return {
            items: (page.connectors ?? []).map((detail) => ({
              connectorType: detail.connectorType!,
              connectorLabel: detail.connectorLabel,
              detail,
            })),
            nextToken: page.nextToken,
          };
        },
      });
    },
  }),
}));
