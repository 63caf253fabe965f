/**
 * graphql-sse (the SSE single-connection protocol, and its own distinct-connections mode) at
 * /graphql/stream, with the same enveloped plugins as HTTP and WebSocket.
 *
 * The same wiring as @graphql-yoga/plugin-graphql-sse, with two fixes that plugin lacks: a
 * document that fails to parse or breaks a limit is refused with HTTP 400 and coded errors
 * (the plugin lets the GraphQLError escape its handler, an unhandled rejection), and a
 * subscription that fails before its first event (`{ errors }` without `data`) is streamed as
 * a result (graphql-sse took it for execution arguments: "Unable to detect operation AST").
 */
import { type ExecutionResult, GraphQLError, getOperationAST } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Plugin, YogaServer } from 'graphql-yoga';

export const SSE_STREAM_PATH = '/graphql/stream';

function coded(error: unknown, fallback: string): GraphQLError {
  if (error instanceof GraphQLError) {
    return error.extensions?.code
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: fallback } });
  }
  return new GraphQLError('Invalid request.', { extensions: { code: 'BAD_REQUEST' } });
}

function isResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && ('errors' in value || 'data' in value);
}

export function useSafeGraphQLSSE(): Plugin {
  const serverContexts = new WeakMap<Request, Record<string, unknown>>();
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return {
    onYogaInit({ yoga }: { yoga: YogaServer<Record<string, unknown>, Record<string, unknown>> }) {
      handler = createHandler(
        {
          async onSubscribe(req, params) {
            const request = req.raw as Request;
            const enveloped = yoga.getEnveloped({
              ...serverContexts.get(request),
              request,
              params,
            });
            let document: ReturnType<typeof enveloped.parse>;
            let errors: GraphQLError[];
            try {
              document = enveloped.parse(params.query);
              errors = enveloped
                .validate(enveloped.schema, document)
                .map((e: GraphQLError) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
            } catch (error) {
              errors = [coded(error, 'GRAPHQL_PARSE_FAILED')];
            }
            if (errors.length) {
              // graphql-sse's response form: [body, init].
              return [
                JSON.stringify({ errors: errors.map((e) => e.toJSON()) }),
                {
                  status: 400,
                  statusText: 'Bad Request',
                  headers: { 'content-type': 'application/json; charset=utf-8' },
                },
              ];
            }
            const args = {
              schema: enveloped.schema,
              document: document!,
              contextValue: await enveloped.contextFactory(),
              variableValues: params.variables,
              operationName: params.operationName,
            };
            const operation = getOperationAST(document!, params.operationName);
            const result = await (operation?.operation === 'subscription'
              ? enveloped.subscribe(args)
              : enveloped.execute(args));
            // graphql-sse only recognises a result that has `data`.
            return isResult(result) && !('data' in result) ? { data: null, ...result } : result;
          },
        },
        yoga.fetchAPI,
      ) as (request: Request) => Promise<Response>;
    },
    onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname !== SSE_STREAM_PATH || !handler) return;
      serverContexts.set(request, serverContext as Record<string, unknown>);
      return handler(request).then(endResponse);
    },
  };
}
