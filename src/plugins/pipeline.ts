/**
 * The one request pipeline every transport runs through:
 *   size limit -> authentication -> parse -> persisted-operation policy -> validation
 *   (introspection and suggestion policy) -> limits -> execute -> error masking and logging.
 *
 * HTTP (POST, GET, SSE on /graphql) is Yoga's own pipeline: `useTransportGate` puts the size
 * limit and authentication in front of it (headers only, before a byte of the body is read);
 * Yoga's `maxRequestBodySize` bounds bodies without a content-length. graphql-ws
 * (src/server.ts) and graphql-sse on /graphql/stream (src/plugins/sse-stream.ts) adapt their
 * framing only: both call `prepareOperation`, which runs the same steps through
 * `yoga.getEnveloped` (the same envelop plugins as HTTP) and answers coded errors.
 */
import { type DocumentNode, GraphQLError } from 'graphql';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import type { GatewayContext, Viewer } from '../context.js';
import { AuthenticationError, type Authenticator } from './auth.js';
import { CODE_BY_STATUS, withCode } from './error-codes.js';
import type { OperationParams, PersistedOperations } from './persisted.js';

/** The paths that run GraphQL operations (the others: health, metrics, GraphiQL assets). */
export const GRAPHQL_PATHS = new Set(['/graphql', '/graphql/stream']);

export function bodyTooLarge(limit: number): GraphQLError {
  return new GraphQLError(`Request body too large: at most ${limit} bytes.`, {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/** A refusal as the GraphQL-over-HTTP JSON body, with its status and headers. */
export function errorResponse(fetchAPI: { Response: typeof Response }, error: GraphQLError) {
  const http = (error.extensions.http ?? {}) as {
    status?: number;
    headers?: Record<string, string>;
  };
  const { http: _http, ...extensions } = error.extensions;
  return new fetchAPI.Response(
    JSON.stringify({ errors: [{ message: error.message, extensions }] }),
    {
      status: http.status ?? 400,
      headers: { 'content-type': 'application/json; charset=utf-8', ...http.headers },
    },
  );
}

const viewers = new WeakMap<Request, Viewer>();

/** The viewer the gate authenticated for this HTTP request. */
export function gatedViewer(request: Request | undefined): Viewer | undefined {
  return request ? viewers.get(request) : undefined;
}

/**
 * Before Yoga reads a body: a declared content-length over the limit is refused (413), then
 * the caller is authenticated from its headers (401). Nothing of an unauthenticated or
 * oversized request is read, parsed or validated.
 */
export function useTransportGate(options: {
  authenticator: Authenticator;
  maxBodyBytes: number;
}): Plugin {
  const { authenticator, maxBodyBytes } = options;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!GRAPHQL_PATHS.has(url.pathname) || request.method === 'OPTIONS') return;
      // GraphiQL's page (a browser asking for HTML without an operation) is not an operation.
      if (
        request.method === 'GET' &&
        request.headers.get('accept')?.includes('text/html') &&
        !url.searchParams.has('query')
      ) {
        return;
      }
      const length = request.headers.get('content-length');
      if (length !== null && (!/^\d+$/.test(length) || Number(length) > maxBodyBytes)) {
        endResponse(errorResponse(fetchAPI, bodyTooLarge(maxBodyBytes)));
        return;
      }
      try {
        viewers.set(
          request,
          await authenticator.authenticate(authenticator.fromHeaders(request.headers)),
        );
      } catch (error) {
        endResponse(
          errorResponse(
            fetchAPI,
            error instanceof GraphQLError ? error : new AuthenticationError(),
          ),
        );
        return;
      }
      // GET parameters that are not JSON are the client's mistake (Yoga answered 500).
      for (const name of ['variables', 'extensions']) {
        const raw = url.searchParams.get(name);
        if (raw === null) continue;
        try {
          JSON.parse(raw);
        } catch {
          endResponse(
            errorResponse(fetchAPI, badRequest(`The ${name} parameter is not valid JSON.`)),
          );
          return;
        }
      }
    },
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST' || !/json/i.test(request.headers.get('content-type') ?? '')) {
        return;
      }
      // Yoga's JSON parser quotes the body in its error (extensions.originalError): a secret
      // in a malformed body came back to an unauthenticated caller. Same parse, no echo.
      setRequestParser(async (req) => {
        const text = await req.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw badRequest('The request body is not valid JSON.');
        }
        // `null`, a number, a string: Yoga read `.query` of it and answered 500.
        if (!isJsonObject(parsed) && !(Array.isArray(parsed) && parsed.every(isJsonObject))) {
          throw notAnObject();
        }
        return parsed;
      });
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      // Refusals Yoga answers with an empty body (415 for an unknown content type, 405, 406)
      // get a coded body like every other error.
      if (response.status < 400 || response.headers.get('content-type')) return;
      if (!GRAPHQL_PATHS.has(new URL(request.url).pathname)) return;
      const code = CODE_BY_STATUS[response.status] ?? 'BAD_REQUEST';
      const message =
        response.status === 415
          ? 'Unsupported content type: send application/json.'
          : response.statusText || 'Request refused.';
      const headers = new Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      headers.delete('content-length');
      setResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
          status: response.status,
          headers,
        }),
      );
    },
  };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function notAnObject(): GraphQLError {
  return badRequest('The request body must be a JSON object (or an array of them: a batch).');
}

export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** A body read up to `limit` bytes; past it, the 413 refusal (the rest is never buffered). */
export async function readLimitedText(request: Request, limit: number): Promise<string> {
  const text = await readUpTo(request, limit);
  if (text === null) throw bodyTooLarge(limit);
  return text;
}

/** The body as text, or null once it exceeds `limit` bytes (the rest is never buffered). */
export async function readUpTo(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface PreparedOperation {
  document: DocumentNode;
  operationName?: string;
  variableValues?: Record<string, unknown>;
  contextValue: GatewayContext;
  schema: unknown;
  /** Execute (query, mutation) or subscribe, through the enveloped plugins. */
  run(): unknown;
  isSubscription: boolean;
  execute: (args: unknown) => unknown;
  subscribe: (args: unknown) => unknown;
}

function codedList(errors: readonly unknown[], fallback: string): GraphQLError[] {
  return errors.map((error) => {
    if (!(error instanceof GraphQLError)) {
      return new GraphQLError('Invalid request.', { extensions: { code: 'BAD_REQUEST' } });
    }
    const coded = withCode(error) as GraphQLError;
    return coded.extensions?.code
      ? coded
      : new GraphQLError(coded.message, {
          nodes: coded.nodes,
          source: coded.source,
          positions: coded.positions,
          extensions: { ...coded.extensions, code: fallback },
        });
  });
}

/**
 * The pipeline after authentication, for the transports Yoga's HTTP handler does not carry
 * (graphql-ws, graphql-sse): persisted-operation policy -> parse -> validate (with every
 * validation plugin: introspection, suggestions, limits) -> context. Refusals are coded
 * GraphQLErrors; nothing is executed for them.
 */
export async function prepareOperation(
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>,
  persisted: PersistedOperations,
  initial: Record<string, unknown> & { viewer: Viewer },
  params: OperationParams,
): Promise<PreparedOperation | GraphQLError[]> {
  const query = persisted.resolve(params);
  if (query instanceof GraphQLError) return codedList([query], 'BAD_REQUEST');
  const enveloped = yoga.getEnveloped({ ...initial, params: { ...params, query } });
  let document: DocumentNode;
  try {
    document = enveloped.parse(query);
  } catch (error) {
    // Syntax errors and the token limit are refusals, not a dropped socket or a 500.
    return codedList([error], 'GRAPHQL_PARSE_FAILED');
  }
  try {
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length) return codedList(errors, 'GRAPHQL_VALIDATION_FAILED');
  } catch (error) {
    // graphql-armor throws its first rejection (depth, aliases, tokens, ...) as a coded
    // GraphQLError; the cost and list limits are checked at execution (src/plugins/limits.ts).
    return codedList([error], 'GRAPHQL_VALIDATION_FAILED');
  }
  const isSubscription = document.definitions.some(
    (d) =>
      d.kind === 'OperationDefinition' &&
      d.operation === 'subscription' &&
      (params.operationName == null || d.name?.value === params.operationName),
  );
  const contextValue = (await enveloped.contextFactory()) as unknown as GatewayContext;
  const args = {
    schema: enveloped.schema,
    document,
    operationName: params.operationName ?? undefined,
    variableValues: params.variables ?? undefined,
    contextValue,
  };
  return {
    ...args,
    isSubscription,
    execute: enveloped.execute as (args: unknown) => unknown,
    subscribe: enveloped.subscribe as (args: unknown) => unknown,
    run: () => (isSubscription ? enveloped.subscribe(args) : enveloped.execute(args)),
  };
}
