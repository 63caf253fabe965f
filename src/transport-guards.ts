/**
 * Guards of the listening sockets, ahead of Yoga and graphql-ws (src/server.ts wires them):
 * - a request whose target or Host header does not make a URL is a bare 400 (Yoga's node
 *   adapter threw `Invalid URL` on `Host: [` and answered 500 with a stack);
 * - a WebSocket's credential ends when it expires: the socket is closed with 4401 at `exp`,
 *   and an operation that arrives after it is refused the same way (timers can be late);
 * - one viewer may hold at most `perViewer` WebSockets at once (4429 past it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from './context.js';

/** A Host header: a bracketed IPv6 literal or a registered name / IPv4, and a port. */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::(\d{1,5}))?$/;

/** True when the request target and Host make one URL (a port at most 65535). */
export function wellFormedTarget(req: IncomingMessage): boolean {
  const host = req.headers.host;
  // HTTP/1.1 requires Host (node refuses its absence); HTTP/1.0 may omit it.
  if (host !== undefined) {
    const match = HOST.exec(host);
    if (!match || Number(match[1] ?? 0) > 65535) return false;
  }
  const target = req.url ?? '/';
  // Origin-form only: an absolute-form target (`GET http://[/x`) or `//x` names another host.
  if (!target.startsWith('/') || target.startsWith('//')) return target === '*';
  try {
    new URL(target, `http://${host ?? 'localhost'}`);
    return true;
  } catch {
    return false;
  }
}

/** The answer to a malformed request: 400, no detail, and the connection closed. */
export function refuseMalformed(res: ServerResponse): void {
  res.shouldKeepAlive = false;
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
  res.end('Bad Request');
}

/** graphql-ws close codes of these guards (graphql-ws's own: 4401 Unauthorized). */
export const CREDENTIAL_EXPIRED = { code: 4401, reason: 'Credential expired' } as const;
export const TOO_MANY_SOCKETS = {
  code: 4429,
  reason: 'CONNECTION_LIMIT: too many WebSockets for this client',
} as const;

interface Closable {
  close(code: number, reason: string): void;
}

/** Longest delay a Node timer takes (about 24.8 days); later expiries are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Closes `socket` with 4401 when the viewer's credential expires (JWT `exp`). Returns the
 * cancel function (the socket closed first).
 */
export function closeAtExpiry(
  socket: Closable,
  viewer: Viewer,
  now: () => number = Date.now,
): () => void {
  if (viewer.expiresAt === undefined) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = viewer.expiresAt! - now();
    if (left <= 0) {
      socket.close(CREDENTIAL_EXPIRED.code, CREDENTIAL_EXPIRED.reason);
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

/** True when the viewer's credential has expired (operations on a socket check it). */
export function expired(viewer: Viewer | undefined, now: () => number = Date.now): boolean {
  return viewer?.expiresAt !== undefined && now() >= viewer.expiresAt;
}

/** How many WebSockets each viewer holds on this replica. */
export class SocketsPerViewer {
  private readonly open = new Map<string, number>();

  constructor(readonly perViewer: number) {}

  /** A release function, or undefined when the viewer is at its limit. */
  acquire(viewer: string): (() => void) | undefined {
    const n = this.open.get(viewer) ?? 0;
    if (n >= this.perViewer) return undefined;
    this.open.set(viewer, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(viewer) ?? 1) - 1;
      if (left > 0) this.open.set(viewer, left);
      else this.open.delete(viewer);
    };
  }

  count(viewer: string): number {
    return this.open.get(viewer) ?? 0;
  }
}
