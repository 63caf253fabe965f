/**
 * The Pothos builder: plugins and SchemaTypes only; it defines no domain types.
 * Every type file under src/schema/ registers its own types, queries and mutations.
 */
import SchemaBuilder from '@pothos/core';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.js';

export interface AuthScopes {
  read: boolean;
  write: boolean;
  admin: boolean;
}

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  AuthScopes: AuthScopes;
  // Connections list real items: edges and nodes are never null.
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  DefaultFieldNullability: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string | number };
    SafeInt: { Input: number; Output: number };
    ID: { Input: string; Output: string | number };
  };
}>({
  // Federation last, after the plugins that wrap resolvers (its docs' order); it only marks the
  // entities (src/schema/federation.ts) and builds the subgraph schema when FEDERATION=true.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DirectivesPlugin, FederationPlugin],
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      read: ctx.viewer.scopes.has('read'),
      write: ctx.viewer.scopes.has('write'),
      admin: ctx.viewer.scopes.has('admin'),
    }),
    unauthorizedError: (_parent, ctx) =>
      new GraphQLError(
        ctx.viewer.authenticated ? 'Not allowed for this viewer.' : 'Authentication required.',
        { extensions: { code: ctx.viewer.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED' } },
      ),
  },
  errors: { defaultTypes: [] },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // `node` and `nodes` are src/schema/node.ts's: a bad id is null in its place with a coded
    // error, where the plugin's fields fail the whole field (or all of `nodes`) uncoded.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    idFieldOptions: { description: 'Global id: refetch this object with `node(id:)`.' },
    nodeTypeOptions: { description: 'An object with a global id (Relay).' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands.' },
    cursorFieldOptions: { description: 'Opaque position of this item, for `after:`.' },
    nodeFieldOptions: { description: 'The item.', nullable: false },
    edgesFieldOptions: {
      description: 'The items of this page, with their cursors.',
      nullable: { list: false, items: false },
    },
    pageInfoFieldOptions: { description: 'Pagination of this page.' },
    hasNextPageFieldOptions: {
      description: 'More items follow: ask again with `after: endCursor`.',
    },
    hasPreviousPageFieldOptions: { description: 'This page was asked with `after`.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Pass as `after` to get the next page.' },
    defaultEdgeTypeOptions: { description: 'An item of a connection with its cursor.' },
  },
});

// graphql-scalars serializes a DateTime to a Date object, so every response paid for a toJSON
// call per timestamp inside JSON.stringify (V8's slow path: ~0.3 ms per 100 flows). The ISO
// string is what JSON.stringify wrote anyway; it is made here, once per distinct instant (the
// same flows' timestamps come back on every list: a bounded memo).
const isoByTime = new Map<number, string>();
function isoString(date: Date): string {
  const time = date.getTime();
  let iso = isoByTime.get(time);
  if (iso === undefined) {
    iso = date.toISOString();
    if (isoByTime.size >= 50_000) isoByTime.clear();
    isoByTime.set(time, iso);
  }
  return iso;
}
builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    // RFC 3339 date-times, as the GraphQL Scalars project specifies them (clients and codegen
    // map the scalar from this URL).
    specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
    serialize(value) {
      // A valid Date (what the SDK returns) directly; anything else through graphql-scalars'
      // checks and errors.
      if (value instanceof Date && !Number.isNaN(value.getTime())) return isoString(value);
      const date = DateTimeResolver.serialize(value) as Date | string;
      return date instanceof Date ? isoString(date) : date;
    },
  }),
);

builder.addScalarType('SafeInt', SafeIntResolver);

builder.queryType({ description: 'Reads of Amazon AppFlow as a linked graph.' });
builder.mutationType({ description: 'Every lifecycle operation of Amazon AppFlow.' });
builder.subscriptionType({
  description: 'Live run and flow status (AppFlow has no push: one shared poller per flow).',
});
