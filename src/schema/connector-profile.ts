/**
 * `ConnectorProfile`: every member DescribeConnectorProfiles returns (credentials never are),
 * with connector-specific properties as a union, linked to its connector and its flows.
 */
import type { ConnectorProfile } from '@aws-sdk/client-appflow';
import { resolveTokenConnection } from '../appflow/pagination.js';
import { maxPageSize } from '../model/model.js';
import {
  connectorOfProfile,
  profileByName,
  profilesByNames,
  profilesPage,
} from '../resolvers/connector-profile.js';
import { flowsPage, flowUsesProfile } from '../resolvers/flow.js';
import { builder } from './builder.js';
import { enumRef, modelFields } from './model-types.js';
import { forwardArgs } from './pagination.js';
import {
  ConnectorProfileConnection,
  ConnectorProfileRef,
  ConnectorRef,
  FlowConnection,
} from './refs.js';

builder.node(ConnectorProfileRef, {
  // Reading it needs `read` wherever it is selected, a mutation's result included.
  authScopes: { read: true },
  description:
    'A connector profile: the connection settings (and stored credentials) AppFlow uses for a connector.',
  id: { resolve: (p) => p.connectorProfileName },
  loadMany: (names, ctx) => profilesByNames(ctx, names),
  fields: (t) => ({
    ...modelFields(t, ['ConnectorProfile'], { nonNull: ['connectorProfileName'] }),
    connector: t.field({
      type: ConnectorRef,
      description: 'The connector this profile connects with.',
      resolve: (p) => connectorOfProfile(p),
    }),
    flows: t.field({
      type: FlowConnection,
      nullable: false,
      description: 'Flows that use this profile as their source or one of their destinations.',
      args: forwardArgs(t.arg),
      resolve: (profile, args, ctx) =>
        resolveTokenConnection({
          args,
          codec: ctx.cursors,
          scope: `profile-flows:${profile.connectorProfileName}`,
          maxPageSize: maxPageSize('ListFlows'),
          fetchPage: (token, max) => flowsPage(ctx, token, max),
          filter: (flow) => flowUsesProfile(ctx, flow, profile),
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  connectorProfile: t.field({
    authScopes: { read: true },
    type: ConnectorProfileRef,
    description: 'A connector profile by name, or null when it does not exist.',
    args: { name: t.arg.string({ required: true, description: 'The connector profile name.' }) },
    resolve: (_root, { name }, ctx) => profileByName(ctx, name),
  }),
  connectorProfiles: t.field({
    authScopes: { read: true },
    type: ConnectorProfileConnection,
    // Nullable like every root field that reaches AppFlow: one failing root field leaves
    // the others' data (graphql-eslint's require-nullable-result-in-root).
    nullable: true,
    description:
      'Connector profiles (DescribeConnectorProfiles), optionally by connector type or names.',
    args: {
      ...forwardArgs(t.arg),
      connectorType: t.arg({
        type: enumRef('ConnectorType'),
        description: 'Only profiles of this connector type.',
      }),
      connectorLabel: t.arg.string({ description: 'The label of a custom connector.' }),
      names: t.arg.stringList({ description: 'Only these profiles (at most 100).' }),
    },
    resolve: (_root, args, ctx) =>
      resolveTokenConnection({
        args,
        codec: ctx.cursors,
        scope: `profiles:${JSON.stringify([args.connectorType, args.connectorLabel, args.names])}`,
        maxPageSize: maxPageSize('DescribeConnectorProfiles'),
        fetchPage: (nextToken, maxResults) =>
          profilesPage(
            ctx,
            {
              connectorType: (args.connectorType ?? undefined) as ConnectorProfile['connectorType'],
              connectorLabel: args.connectorLabel ?? undefined,
              names: args.names ?? undefined,
            },
            nextToken,
            maxResults,
          ),
      }),
  }),
}));
