/** Imports every type file, then builds the schema (and, on demand, the federation subgraph). */
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.js';
import { builder } from './builder.js';
import './refs.js';
import './node.js';
import './flow.js';
import './flow-run-stats.js';
import './execution.js';
import './connector-profile.js';
import './connector.js';
import './tags.js';
import './mutations/errors.js';
import './mutations/flow-mutations.js';
import './flow-validation.js';
import './mutations/connector-profile-mutations.js';
import './mutations/connector-mutations.js';
import './mutations/tag-mutations.js';
import './subscriptions.js';
import './flow-run-events.js';
import './federation.js';

export const schema = builder.toSchema({ sortSchema: false });

/** The federation version the subgraph links (its directives: @key). */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.6';

let subgraph: GraphQLSchema | undefined;

/**
 * The same schema as a Federation v2 subgraph: `_service { sdl }` and `_entities` added to
 * Query (FEDERATION=true). Built on first use, so a plain gateway never pays for it.
 */
export function subgraphSchema(): GraphQLSchema {
  if (subgraph) return subgraph;
  subgraph = builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK });
  guardEntities(subgraph);
  return subgraph;
}

/**
 * `_entities` needs the read scope, as `node` does, before any AppFlow call (the entity types'
 * own scope would refuse only after the read). It refuses a representation it cannot resolve
 * with a coded input error (the stock resolver throws a plain Error, masked as internal).
 */
function guardEntities(s: GraphQLSchema): void {
  const field = s.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  const entities = new Set(['Flow', 'ConnectorProfile', 'Connector', 'Execution']);
  field.resolve = (source, args, ctx: GatewayContext, info) => {
    if (!ctx.viewer.scopes.has('read')) {
      throw new GraphQLError(
        ctx.viewer.authenticated ? 'Not allowed for this viewer.' : 'Authentication required.',
        { extensions: { code: ctx.viewer.authenticated ? 'FORBIDDEN' : 'UNAUTHENTICATED' } },
      );
    }
    for (const [i, rep] of (args.representations as Record<string, unknown>[]).entries()) {
      const typename = rep?.__typename;
      const reason =
        typeof typename !== 'string' || !entities.has(typename)
          ? `__typename must be one of ${[...entities].join(', ')}`
          : typename === 'Flow'
            ? !('id' in rep) && !('flowName' in rep) && 'a Flow needs its id or flowName'
            : !('id' in rep) && `a ${typename} needs its id`;
      if (reason) {
        throw new GraphQLError(`Invalid representation at index ${i}: ${reason}.`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
    }
    return resolve(source, args, ctx, info);
  };
}
