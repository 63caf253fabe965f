/**
 * What a subscription costs to start, in AppFlow calls, for the per-viewer budget
 * (RATE_LIMIT_PER_MINUTE, charged by useAppflowRateLimit in ./limits.ts).
 */
import {
  type DocumentNode,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  Kind,
} from 'graphql';

/**
 * What starting a subscription costs in AppFlow calls: one per flow it names (the first read
 * of each: a DescribeFlow or a page of runs), at least one. Its later polls are shared by
 * every subscriber of the flow and charged to nobody.
 */
export function subscriptionCost(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: unknown;
}): number {
  const op = getOperationAST(args.document, args.operationName);
  const root = op?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const def = root && args.schema.getSubscriptionType()?.getFields()[root.name.value];
  if (!root || !def) return 1;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(def, root, (args.variableValues ?? {}) as Record<string, unknown>);
  } catch {
    return 1;
  }
  let named = 0;
  for (const v of Object.values(values)) if (Array.isArray(v)) named += new Set(v).size;
  return Math.max(1, named);
}
