/**
 * Open event streams (SSE on /graphql and graphql-sse on /graphql/stream), so that shutdown
 * ends them the way their clients retry, like WebSockets' 1001 (src/server.ts):
 *
 * - distinct connections (one operation per POST with `accept: text/event-stream`, graphql-sse's
 *   default and GraphiQL's): the response ends WITHOUT `event: complete`, which would mean "the
 *   operation is over" and stop the client for good; a closed connection is a network error the
 *   client retries, on another replica, and the resumed subscription starts with the state as it
 *   is then;
 * - the single connection (graphql-sse's reserved GET stream): a final `complete`, then the end;
 *   its client reconnects and re-sends its operations.
 */
import type { Plugin } from 'graphql-yoga';
import { closeAtExpiry } from '../transport-guards.js';
import { gatedViewer } from './pipeline.js';

/** The event streams (SSE on /graphql and /graphql/stream) open on this gateway. */
export interface OpenStreams {
  readonly size: number;
  /** Ends every stream the way its client retries (SIGTERM), like WebSockets' 1001. */
  completeAll(): void;
}

/**
 * Tracks every `text/event-stream` response so shutdown can end them cleanly: each gets
 * `event: complete` and its end, and the subscription behind it is cancelled, instead of a
 * socket reset at the force timeout.
 */
export function useOpenStreams(): { plugin: Plugin; streams: OpenStreams } {
  const open = new Set<{ complete(): void }>();
  const complete = new TextEncoder().encode('event: complete\ndata:\n\n');
  const plugin: Plugin = {
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
        return;
      }
      // Only graphql-sse's reserved stream (a GET) ends with `complete`; an operation's own
      // stream ends without it, so its client retries instead of taking the operation as done.
      const reservedStream =
        request.method === 'GET' && new URL(request.url).pathname === '/graphql/stream';
      const reader = response.body.getReader();
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      let ended = false;
      const entry = {
        complete() {
          if (ended) return;
          ended = true;
          open.delete(entry);
          reader.cancel().catch(() => {});
          try {
            if (reservedStream) controller?.enqueue(complete);
            controller?.close();
          } catch {}
        },
      };
      open.add(entry);
      // A stream ends when its credential expires (JWT exp), like a WebSocket's 4401.
      const viewer = gatedViewer(request);
      if (viewer) closeAtExpiry({ close: () => entry.complete() }, viewer);
      const body = new fetchAPI.ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
        },
        async pull(c) {
          const { done, value } = await reader
            .read()
            .catch(() => ({ done: true, value: undefined }));
          if (ended) return;
          if (done) {
            ended = true;
            open.delete(entry);
            c.close();
          } else if (value) c.enqueue(value);
        },
        cancel(reason) {
          ended = true;
          open.delete(entry);
          return reader.cancel(reason);
        },
      });
      setResponse(
        new fetchAPI.Response(body as ReadableStream, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        }),
      );
    },
  };
  return {
    plugin,
    streams: {
      get size() {
        return open.size;
      },
      completeAll() {
        for (const entry of [...open]) entry.complete();
      },
    },
  };
}
