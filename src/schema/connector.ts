/**
 * `Connector`: a built-in connector type or a registered custom connector, with what
 * DescribeConnector(s) and ListConnectors report, its profiles and its entities.
 */
import { resolveTokenConnection } from '../appflow/pagination.js';
import {
  CONNECTOR_INPUT_UNIONS,
  CONNECTOR_TYPES,
  connectorInputMembers,
} from '../model/connectors.js';
import { maxPageSize } from '../model/model.js';
import {
  connectorByType,
  connectorEntities,
  connectorMember,
  connectorsByKeys,
  connectorsPage,
  entityFields,
} from '../resolvers/connector.js';
import { profilesPage } from '../resolvers/connector-profile.js';
import { type ConnectorEntityModel, connectorKey } from '../services/models.js';
import type { ConnectorType } from '../services/reader/index.js';
import { builder } from './builder.js';
import { enumRef, modelFields, outputType, registerDomainType, toOutput } from './model-types.js';
import { forwardArgs } from './pagination.js';
import { ConnectorConnection, ConnectorProfileConnection, ConnectorRef } from './refs.js';

const ConnectorEntityRef = builder.objectRef<ConnectorEntityModel>('ConnectorEntity');
registerDomainType('ConnectorEntity', ConnectorEntityRef);

ConnectorEntityRef.implement({
  authScopes: { read: true },
  description:
    'An object of a connector (a Salesforce object, an S3 bucket, an SAP OData service...).',
  fields: (t) => ({
    ...modelFields(t, ['ConnectorEntity']),
    group: t.exposeString('group', { description: 'The group AppFlow lists the entity under.' }),
    fields: t.field({
      type: outputType('ConnectorEntityFieldList'),
      nullable: false,
      description: "The entity's fields (DescribeConnectorEntity), loaded only when selected.",
      resolve: async (entity, _args, ctx) =>
        toOutput('ConnectorEntityFieldList', await entityFields(ctx, entity)) as never,
    }),
  }),
});

/** A connector type with the member it fills in of each `@oneOf` connector input. */
const ConnectorInputMembersRef = builder
  .objectRef<{ connectorType: string }>('ConnectorInputMembers')
  .implement({
    description:
      "Which member of each `@oneOf` connector input belongs to a connector type. AppFlow's model names most members like the type, but not all (`Googleanalytics` fills in `GoogleAnalytics`): read the name here instead of keeping a table.",
    fields: (t) => ({
      connectorType: t.field({
        type: enumRef('ConnectorType'),
        nullable: false,
        description: 'The connector type.',
        resolve: (m) => m.connectorType as never,
      }),
      ...Object.fromEntries(
        CONNECTOR_INPUT_UNIONS.map((union) => [
          union[0]!.toLowerCase() + union.slice(1),
          t.string({
            description: `The member of \`${union}Input\` for this connector type (null: it has none).`,
            resolve: (m) => connectorInputMembers(m.connectorType)[union],
          }),
        ]),
      ),
    }),
  });

builder.node(ConnectorRef, {
  // Reading it needs `read` wherever it is selected, a mutation's result included.
  authScopes: { read: true },
  description: 'A connector: a built-in connector type, or a custom connector registered by label.',
  id: { resolve: (c) => connectorKey(c.connectorType, c.connectorLabel) },
  loadMany: (keys, ctx) => connectorsByKeys(ctx, keys),
  fields: (t) => ({
    ...modelFields(t, ['ConnectorConfiguration', 'ConnectorDetail'], {
      nonNull: ['connectorType'],
      resolveMember: (c, member, ctx) => connectorMember(ctx, c, member),
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
          fetchPage: (nextToken, maxResults) =>
            profilesPage(
              ctx,
              {
                connectorType: c.connectorType as ConnectorType,
                connectorLabel: c.connectorLabel,
              },
              nextToken,
              maxResults,
            ),
        }),
    }),
    inputMembers: t.field({
      type: ConnectorInputMembersRef,
      nullable: false,
      description: 'The member this connector fills in of each `@oneOf` connector input.',
      resolve: (c) => ({ connectorType: c.connectorType }),
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
      resolve: (c, args, ctx) => connectorEntities(ctx, c, args),
    }),
  }),
});

builder.queryFields((t) => ({
  connectorInputMembers: t.field({
    authScopes: { read: true },
    type: [ConnectorInputMembersRef],
    nullable: false,
    description:
      'For every connector type, the member it fills in of each `@oneOf` connector input (from the AppFlow model; no AppFlow call).',
    resolve: () => CONNECTOR_TYPES.map((connectorType) => ({ connectorType })),
  }),
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
    resolve: (_root, { type, label }, ctx) => connectorByType(ctx, type as string, label),
  }),
  connectors: t.field({
    authScopes: { read: true },
    type: ConnectorConnection,
    // Nullable like every root field that reaches AppFlow: one failing root field leaves
    // the others' data (graphql-eslint's require-nullable-result-in-root).
    nullable: true,
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
      const types = (args.types ?? undefined) as ConnectorType[] | undefined;
      const described = !!types?.length;
      return resolveTokenConnection({
        args,
        codec: ctx.cursors,
        scope: `connectors:${described ? types!.join(',') : ''}`,
        maxPageSize: maxPageSize(described ? 'DescribeConnectors' : 'ListConnectors'),
        fetchPage: (nextToken, maxResults) => connectorsPage(ctx, types, nextToken, maxResults),
      });
    },
  }),
}));
