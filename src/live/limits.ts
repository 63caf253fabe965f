/**
 * Per-connection and total limits of live subscriptions on this replica, and which connection
 * a subscription belongs to (a WebSocket, an SSE stream or its single-connection token, an
 * HTTP request).
 */
import { GraphQLError } from 'graphql';

export class SubscriptionLimits {
  private total = 0;
  private readonly byConnection = new WeakMap<object, number>();
  /** Connections named by a token (graphql-sse single-connection mode). */
  private readonly byToken = new Map<string, number>();

  /** Subscriptions each viewer holds, whatever its connections (WebSocket, SSE). */
  private readonly byViewer = new Map<string, number>();

  constructor(
    readonly maxPerConnection: number,
    readonly maxTotal: number,
    /** At most this many per viewer: one key cannot take the whole pool (issue 24). */
    readonly maxPerViewer = Number.POSITIVE_INFINITY,
  ) {}

  /** Subscriptions `viewer` holds now. */
  viewerCount(viewer: string): number {
    return this.byViewer.get(viewer) ?? 0;
  }

  /**
   * Holds one of `viewer`'s subscriptions while the stream `open` returns lives (refused with
   * SUBSCRIPTION_LIMIT, scope `viewer`, past maxPerViewer); given back however it ends.
   */
  perViewer<T>(viewer: string, open: () => AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    const held = this.viewerCount(viewer);
    if (held >= this.maxPerViewer) {
      throw new GraphQLError(
        `Too many subscriptions for this client (at most ${this.maxPerViewer}); close one first.`,
        { extensions: { code: 'SUBSCRIPTION_LIMIT', limit: this.maxPerViewer, scope: 'viewer' } },
      );
    }
    this.byViewer.set(viewer, held + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = this.viewerCount(viewer) - 1;
      if (left > 0) this.byViewer.set(viewer, left);
      else this.byViewer.delete(viewer);
    };
    let stream: AsyncIterableIterator<T>;
    try {
      stream = open();
    } catch (error) {
      release();
      throw error;
    }
    return {
      next: (...args: [] | [unknown]) =>
        stream.next(...args).then(
          (r) => {
            if (r.done) release();
            return r;
          },
          (error) => {
            release();
            throw error;
          },
        ),
      return: (value?: unknown) => {
        release();
        return stream.return ? stream.return(value) : Promise.resolve({ done: true, value });
      },
      throw: (error?: unknown) => {
        release();
        return stream.throw ? stream.throw(error) : Promise.reject(error);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    } as AsyncIterableIterator<T>;
  }

  get active(): number {
    return this.total;
  }

  /** A release function, or which limit would be exceeded. */
  acquire(
    connection: object | string,
  ): (() => void) | { exceeded: 'connection' | 'total'; limit: number } {
    const get = () =>
      (typeof connection === 'string'
        ? this.byToken.get(connection)
        : this.byConnection.get(connection)) ?? 0;
    const set = (n: number) => {
      if (typeof connection !== 'string') this.byConnection.set(connection, n);
      else if (n > 0) this.byToken.set(connection, n);
      else this.byToken.delete(connection);
    };
    const mine = get();
    if (mine >= this.maxPerConnection) {
      return { exceeded: 'connection', limit: this.maxPerConnection };
    }
    if (this.total >= this.maxTotal) return { exceeded: 'total', limit: this.maxTotal };
    set(mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      set(Math.max(0, get() - 1));
    };
  }

  /** Take one subscription for `connection`, or refuse with SUBSCRIPTION_LIMIT. */
  reserve(connection: object | string): () => void {
    const acquired = this.acquire(connection);
    if (typeof acquired === 'function') return acquired;
    throw new GraphQLError(
      acquired.exceeded === 'connection'
        ? `Too many subscriptions on this connection (at most ${acquired.limit}); close one first.`
        : `The gateway is at its subscription limit (${acquired.limit}); try again later.`,
      {
        extensions: { code: 'SUBSCRIPTION_LIMIT', limit: acquired.limit, scope: acquired.exceeded },
      },
    );
  }
}

/** The transport parts of a GraphQL context that tell its connection. */
interface TransportContext {
  extra?: { socket?: object };
  socket?: object;
  request?: Request;
}

/** Which connection a subscription belongs to, for the per-connection limit. */
export function connectionOf(context: object): object | string {
  const c = context as TransportContext;
  if (c.extra?.socket) return c.extra.socket;
  if (c.socket) return c.socket;
  if (c.request) {
    // graphql-sse single-connection mode: every operation names its stream by token.
    const token =
      c.request.headers.get('x-graphql-event-stream-token') ??
      new URL(c.request.url, 'http://gateway').searchParams.get('token');
    return token ? `sse:${token}` : c.request;
  }
  return context;
}
