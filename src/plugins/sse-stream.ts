/**
 * graphql-sse (the SSE single-connection protocol, and its own distinct-connections mode) at
 * /graphql/stream: graphql-sse's handler frames the protocol, the one pipeline
 * (src/plugins/pipeline.ts) does the rest. The transport gate has checked the declared size
 * and authenticated the caller before this runs; here the body is read up to the limit,
 * malformed JSON is refused without being echoed, and every operation goes through
 * `prepareOperation` like a graphql-ws one.
 *
 * Why not @graphql-yoga/plugin-graphql-sse: it is the same graphql-sse wiring through
 * `yoga.getEnveloped`, without the refusals as coded 400s (its onSubscribe lets a parse or
 * limit error escape as an unhandled rejection) and with no say over reservations.
 *
 * Reservations (`PUT`, single-connection mode) belong to the viewer that made them: at most
 * `reservationsPerViewer` at a time, dropped after `reservationTtlMs` unless an event stream
 * attached, and a token is only usable by its owner (another viewer gets 404, like an unknown
 * token). Tokens are made here (random UUIDs), never taken from the client.
 */
import { randomUUID } from 'node:crypto';
import { type ExecutionResult, GraphQLError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import type { GatewayContext, Viewer } from '../context.js';
import { CODE_BY_STATUS } from './error-codes.js';
import type { PersistedOperations } from './persisted.js';
import {
  errorResponse,
  gatedViewer,
  isJsonObject,
  notAnObject,
  prepareOperation,
  readLimitedText,
} from './pipeline.js';

export const SSE_STREAM_PATH = '/graphql/stream';
const TOKEN_HEADER = 'x-graphql-event-stream-token';

export interface SseStreamOptions {
  persisted: PersistedOperations;
  maxBodyBytes: number;
  reservationsPerViewer: number;
  reservationTtlMs: number;
}

interface Reservation {
  viewer: string;
  open: boolean;
  timer?: NodeJS.Timeout;
}

function isResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && ('errors' in value || 'data' in value);
}

function refusal(message: string, code: string, status: number) {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** graphql-sse's own refusals (409, 404, 400, 406) with a code, like every other error. */
async function withCodes(response: Response, fetchAPI: { Response: typeof Response }) {
  if (response.status < 400) return response;
  const text = await response.text();
  let errors: { message?: string; extensions?: Record<string, unknown> }[] = [];
  try {
    errors = (JSON.parse(text) as { errors?: typeof errors }).errors ?? [];
  } catch {}
  if (errors.length === 0) errors = [{ message: response.statusText || 'Request refused.' }];
  const code = CODE_BY_STATUS[response.status] ?? 'BAD_REQUEST';
  const body = {
    errors: errors.map((e) => ({ ...e, extensions: { code, ...e.extensions } })),
  };
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  // The new body has its own length: graphql-sse's (shorter) one framed it wrong.
  headers.delete('content-length');
  return new fetchAPI.Response(JSON.stringify(body), { status: response.status, headers });
}

export function useSafeGraphQLSSE(options: SseStreamOptions): Plugin & {
  reservations(viewer?: string): number;
} {
  const { persisted, maxBodyBytes, reservationsPerViewer, reservationTtlMs } = options;
  const serverContexts = new WeakMap<Request, Record<string, unknown>>();
  const viewers = new WeakMap<Request, Viewer>();
  const reservations = new Map<string, Reservation>();
  let handler: ((request: Request) => Promise<Response>) | undefined;

  const countOf = (viewer: string) => {
    let n = 0;
    for (const r of reservations.values()) if (r.viewer === viewer) n++;
    return n;
  };
  /** Drops a reservation and graphql-sse's stream for it (attached, then cancelled at once). */
  const release = (token: string) => {
    const r = reservations.get(token);
    if (!r) return;
    clearTimeout(r.timer);
    reservations.delete(token);
    if (r.open || !handler) return;
    const url = `http://gateway${SSE_STREAM_PATH}?token=${encodeURIComponent(token)}`;
    handler(new Request(url, { headers: { accept: 'text/event-stream' } }))
      .then((res) => res.body?.cancel())
      .catch(() => {});
  };

  return {
    reservations: (viewer) => (viewer ? countOf(viewer) : reservations.size),
    onYogaInit({ yoga }) {
      const gateway = yoga as unknown as YogaServerInstance<
        Record<string, unknown>,
        GatewayContext
      >;
      handler = createHandler(
        {
          // The stream token: made here for a reservation; otherwise the client's, which
          // onRequest has already checked belongs to this viewer.
          authenticate(req) {
            if (req.method === 'PUT') return randomUUID();
            const url = new URL(req.url);
            return req.headers.get(TOKEN_HEADER) || url.searchParams.get('token') || undefined;
          },
          async onSubscribe(req, params) {
            const request = req.raw as Request;
            const prepared = await prepareOperation(
              gateway,
              persisted,
              { ...serverContexts.get(request), request, viewer: viewers.get(request)! },
              params,
            );
            if (Array.isArray(prepared)) {
              // graphql-sse's response form: [body, init].
              return [
                JSON.stringify({ errors: prepared.map((e) => e.toJSON()) }),
                {
                  status: 400,
                  statusText: 'Bad Request',
                  headers: { 'content-type': 'application/json; charset=utf-8' },
                },
              ];
            }
            const result = await prepared.run();
            // graphql-sse only recognises a result that has `data`.
            return (
              isResult(result) && !('data' in result) ? { data: null, ...result } : result
            ) as ExecutionResult;
          },
        },
        yoga.fetchAPI,
      ) as (request: Request) => Promise<Response>;
    },
    async onRequest({ request, url, endResponse, serverContext, fetchAPI }) {
      if (url.pathname !== SSE_STREAM_PATH || !handler) return;
      const viewer = gatedViewer(request);
      if (!viewer) return; // the transport gate has answered already
      const refuse = (error: GraphQLError) => endResponse(errorResponse(fetchAPI, error));
      const token = request.headers.get(TOKEN_HEADER) || url.searchParams.get('token');
      const reservation = token ? reservations.get(token) : undefined;
      if (request.method === 'PUT') {
        if (countOf(viewer.id) >= reservationsPerViewer) {
          return refuse(
            refusal(
              `At most ${reservationsPerViewer} open stream reservations per client; use or close one first.`,
              'TOO_MANY_STREAM_RESERVATIONS',
              429,
            ),
          );
        }
      } else if (token && (!reservation || reservation.viewer !== viewer.id)) {
        // Unknown, expired, or someone else's: the same answer, so tokens cannot be probed.
        return refuse(refusal('Unknown stream token.', 'STREAM_NOT_FOUND', 404));
      }
      let forward = request;
      if (request.method === 'POST') {
        let text: string;
        try {
          text = await readLimitedText(request, maxBodyBytes);
        } catch (error) {
          return refuse(error as GraphQLError);
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          // The parser's message quotes the body (maybe a secret): never echoed.
          return refuse(refusal('The request body is not valid JSON.', 'BAD_REQUEST', 400));
        }
        if (!isJsonObject(parsed)) return refuse(notAnObject());
        forward = new Request(request.url, {
          method: 'POST',
          headers: request.headers,
          body: text,
          signal: request.signal,
        });
      }
      serverContexts.set(forward, serverContext as Record<string, unknown>);
      viewers.set(forward, viewer);
      const response = await handler(forward);
      if (request.method === 'PUT' && response.status === 201) {
        const made = await response.clone().text();
        reservations.set(made, {
          viewer: viewer.id,
          open: false,
          timer: setTimeout(() => release(made), reservationTtlMs).unref(),
        });
      } else if (reservation && request.method === 'GET' && response.status === 200) {
        // The event stream is attached: it lives as long as the connection.
        reservation.open = true;
        clearTimeout(reservation.timer);
        request.signal.addEventListener('abort', () => reservations.delete(token!));
      }
      endResponse(await withCodes(response, fetchAPI));
    },
  };
}
