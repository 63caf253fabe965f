/**
 * `ConnectorProfile`: every member DescribeConnectorProfiles returns (credentials never are),
 * with connector-specific properties as a union, linked to its connector and its flows.
 */
import type { ConnectorProfile } from '@aws-sdk/client-appflow';
import { DescribeConnectorProfilesCommand } from '@aws-sdk/client-appflow';
import { callAppflow } from '../appflow/errors.js';
import { resolveTokenConnection } from '../appflow/pagination.js';
import { maxPageSize } from '../model/model.js';
import type { ConnectorProfileModel } from '../services/models.js';
import { builder } from './builder.js';
import { flowDetail, listFlowsPage } from './flow.js';
import { enumRef, modelFields } from './model-types.js';
import { forwardArgs } from './pagination.js';
import {
  ConnectorProfileConnection,
  ConnectorProfileRef,
  ConnectorRef,
  FlowConnection,
} from './refs.js';

function profileModel(p: ConnectorProfile): ConnectorProfileModel {
  return { ...p, connectorProfileName: p.connectorProfileName! };
}

builder.node(ConnectorProfileRef, {
  description:
    'A connector profile: the connection settings (and stored credentials) AppFlow uses for a connector.',
  id: { resolve: (p) => p.connectorProfileName },
  loadMany: async (names, ctx) => {
    const profiles = await ctx.loaders.profile.loadMany(names);
    return profiles.map((p) => (p && !(p instanceof Error) ? profileModel(p) : null));
  },
  fields: (t) => ({
    ...modelFields(t, ['ConnectorProfile'], { nonNull: ['connectorProfileName'] }),
    connector: t.field({
      type: ConnectorRef,
      description: 'The connector this profile connects with.',
      resolve: (p) =>
        p.connectorType
          ? { connectorType: p.connectorType, connectorLabel: p.connectorLabel }
          : null,
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
          fetchPage: listFlowsPage(ctx),
          // Only flows with this connector type can use the profile; only those are described.
          filter: async (flow) => {
            if (
              flow.sourceConnectorType !== profile.connectorType &&
              flow.destinationConnectorType !== profile.connectorType
            ) {
              return false;
            }
            const detail = await flowDetail(flow, ctx);
            return (
              detail.sourceFlowConfig?.connectorProfileName === profile.connectorProfileName ||
              (detail.destinationFlowConfigList ?? []).some(
                (d) => d.connectorProfileName === profile.connectorProfileName,
              )
            );
          },
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
    resolve: async (_root, { name }, ctx) => {
      const p = await ctx.loaders.profile.load(name);
      return p ? profileModel(p) : null;
    },
  }),
  connectorProfiles: t.field({
    authScopes: { read: true },
    type: ConnectorProfileConnection,
    nullable: false,
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
        fetchPage: async (nextToken, maxResults) => {
          const page = await callAppflow('DescribeConnectorProfiles', () =>
            ctx.appflow.send(
              new DescribeConnectorProfilesCommand({
                connectorType: (args.connectorType ??
                  undefined) as ConnectorProfile['connectorType'],
                connectorLabel: args.connectorLabel ?? undefined,
                connectorProfileNames: args.names ?? undefined,
                maxResults,
                nextToken,
              }),
            ),
          );
          const items = (page.connectorProfileDetails ?? []).map(profileModel);
          // Prime the per-request loader: linked fields need no second call.
          for (const p of items) ctx.loaders.profile.prime(p.connectorProfileName, p);
          return { items, nextToken: page.nextToken };
        },
      }),
  }),
}));
