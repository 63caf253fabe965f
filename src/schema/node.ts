/**
 * `Query.node` and `Query.nodes` (Relay's object identification). The relay plugin's own fields
 * fail the whole field for one malformed id (uncoded "Invalid global ID", and all of `nodes`
 * goes null); here a bad id is `null` in its place with an `INVALID_ID` error at its path, and
 * the other ids still resolve. A well-formed id of an object that does not exist is `null`
 * without an error, as the Relay server specification asks.
 */
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { builder } from './builder.js';

/** The types with a global id (src/schema/{flow,connector-profile,connector,execution}.ts). */
const NODE_TYPES = new Set(['Flow', 'ConnectorProfile', 'Connector', 'Execution']);

function invalidId(id: string, reason: string) {
  return new GraphQLError(`Invalid global ID "${id.slice(0, 200)}": ${reason}`, {
    extensions: { code: 'INVALID_ID' },
  });
}

/** The typename and id a global id stands for, or the coded error that says why it is bad. */
export function parseNodeId(id: string): { typename: string; id: string } | GraphQLError {
  let parsed: { typename: string; id: string };
  try {
    parsed = decodeGlobalID(id);
  } catch {
    return invalidId(id, 'not a global id');
  }
  if (!NODE_TYPES.has(parsed.typename)) {
    return invalidId(id, `no object type "${parsed.typename.slice(0, 50)}" has global ids`);
  }
  return parsed;
}

/** Each id's object, null, or the error that takes its place (graphql-js nulls that item). */
async function load(
  ids: readonly (string | number)[],
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<unknown[]> {
  const parsed = ids.map((id) => parseNodeId(String(id)));
  const valid = parsed.filter(
    (p): p is { typename: string; id: string } => !(p instanceof GraphQLError),
  );
  const loaded = valid.length ? await resolveNodes(builder, ctx, info, valid) : [];
  let next = 0;
  return parsed.map((p) => (p instanceof GraphQLError ? p : (loaded[next++] ?? null)));
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    authScopes: { read: true },
    description:
      'Any flow, connector profile, connector or run by its global id: null when it does not exist; null with an INVALID_ID error when the id is not one of ours.',
    args: { id: t.arg.id({ required: true, description: 'A global id (the `id` field).' }) },
    resolve: async (_root, { id }, ctx, info) => {
      const [node] = await load([id], ctx, info);
      if (node instanceof Error) throw node;
      return node as never;
    },
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: true, items: true },
    authScopes: { read: true },
    description:
      'Several objects by global id, in order: null where one does not exist, or (with an INVALID_ID error at its index) where an id is not one of ours.',
    args: { ids: t.arg.idList({ required: true, description: 'Global ids (the `id` field).' }) },
    resolve: (_root, { ids }, ctx, info) => load(ids, ctx, info) as never,
  }),
}));
