/**
 * The four domain types as Federation v2 entities: another subgraph can reference or extend a
 * Flow, ConnectorProfile, Connector or Execution by its global `id` (and a Flow by its
 * `flowName`). References resolve through the same loaders as `node(id:)`, so a gateway's
 * `_entities` batch costs what a `nodes` query does. Served only with FEDERATION=true
 * (src/schema/index.ts: subgraphSchema); the plain schema is unchanged.
 */
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { connectorsByKeys } from '../resolvers/connector.js';
import { profileByName } from '../resolvers/connector-profile.js';
import { executionById, flowByName } from '../resolvers/flow.js';
import { builder } from './builder.js';
import { parseNodeId } from './node.js';
import { ConnectorProfileRef, ConnectorRef, ExecutionRef, FlowRef } from './refs.js';

/** The id a representation's global `id` stands for, if it is one of `typename`'s. */
function ownId(typename: string, globalId: unknown): string {
  const parsed = parseNodeId(String(globalId));
  if (parsed instanceof GraphQLError) throw parsed;
  if (parsed.typename !== typename) {
    throw new GraphQLError(
      `Invalid global ID for a ${typename}: it is the id of a ${parsed.typename}.`,
      { extensions: { code: 'INVALID_ID' } },
    );
  }
  return parsed.id;
}

const byId = builder.selection<{ id: string }>('id');

builder.asEntity(FlowRef, {
  key: [byId, builder.selection<{ flowName: string }>('flowName')],
  resolveReference: (ref, ctx: GatewayContext) =>
    flowByName(ctx, 'id' in ref ? ownId('Flow', ref.id) : ref.flowName),
});

builder.asEntity(ConnectorProfileRef, {
  key: byId,
  resolveReference: (ref, ctx: GatewayContext) =>
    profileByName(ctx, ownId('ConnectorProfile', ref.id)),
});

builder.asEntity(ConnectorRef, {
  key: byId,
  resolveReference: async (ref, ctx: GatewayContext) =>
    (await connectorsByKeys(ctx, [ownId('Connector', ref.id)]))[0] ?? null,
});

builder.asEntity(ExecutionRef, {
  key: byId,
  resolveReference: (ref, ctx: GatewayContext) => executionById(ctx, ownId('Execution', ref.id)),
});
