/**
 * Queries run compiled by graphql-jit (`@envelop/graphql-jit`): one compiled function per
 * document (cached with the parsed document, which Yoga's parser cache reuses), instead of the
 * generic executor walking the AST for every field of every row. On `flows(first: 100)` the
 * generic executor's per-field work (argument coercion, type checks, promise plumbing) was
 * about a third of the gateway's time per request.
 * Mutations and subscriptions keep the reference executor: they are few per second, and their
 * ordering and streaming semantics stay exactly graphql-js'.
 * graphql-jit (with ajv, ~70 ms of start-up) is imported on the first query, not at start-up;
 * queries that arrive while it loads run on the reference executor, with the same results.
 */
import {
  type DocumentNode,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * @envelop/graphql-jit caches one compiled function per document object, whatever operation
 * it was compiled for: `query A {...} query B {...}` sent with operationName "B" then ran A.
 * A document with several operations is handed to it as one stand-in document object per
 * operation name (same definitions, its own identity), so the cache key is (document,
 * operation). Single-operation documents, nearly all of them, are passed as they are.
 */
const perOperation = new WeakMap<DocumentNode, Map<string, DocumentNode>>();
export function documentForOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): DocumentNode {
  let operations = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) operations++;
  if (operations < 2) return document;
  let byName = perOperation.get(document);
  if (!byName) {
    byName = new Map();
    perOperation.set(document, byName);
  }
  const key = operationName ?? '';
  let standIn = byName.get(key);
  if (!standIn) {
    standIn = { ...document };
    byName.set(key, standIn);
  }
  return standIn;
}

/** Whether graphql-js accepts the operation's variables (operations without any: yes). */
function variablesCoerce(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: unknown;
}): boolean {
  const op = getOperationAST(args.document, args.operationName);
  if (!op?.variableDefinitions?.length) return true;
  const coerced = getVariableValues(
    args.schema,
    op.variableDefinitions,
    (args.variableValues ?? {}) as Record<string, unknown>,
    { maxErrors: 1 },
  );
  return !coerced.errors;
}

export function useQueryJit(): Plugin {
  let jit: Plugin | undefined;
  let loading = false;
  const load = () =>
    import('@envelop/graphql-jit').then(({ useGraphQlJit }) => {
      jit = useGraphQlJit(
        {},
        {
          enableIf: (args) =>
            getOperationAST(args.document, args.operationName)?.operation === 'query',
          // Documents reach it validated; one that still fails to compile answers with
          // graphql-jit's errors as the result (not a console line per request).
          onError: () => {},
        },
      ) as Plugin;
    });
  return {
    onExecute(payload) {
      if (jit) {
        // graphql-jit words variable errors its own way (the wrong variable name, no path):
        // invalid variables run on the reference executor, whose errors keep the path and the
        // reason (`at "i.create.tasks[0]"; Field "x" is not defined ...`), values redacted.
        if (!variablesCoerce(payload.args)) return;
        payload.args.document = documentForOperation(
          payload.args.document,
          payload.args.operationName,
        );
        return jit.onExecute!(payload);
      }
      if (!loading) {
        loading = true;
        // Should the import ever fail, queries simply stay on the reference executor.
        load().catch(() => {});
      }
    },
  };
}
