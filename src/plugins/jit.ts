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
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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
      if (jit) return jit.onExecute!(payload);
      if (!loading) {
        loading = true;
        // Should the import ever fail, queries simply stay on the reference executor.
        load().catch(() => {});
      }
    },
  };
}
