/**
 * The socket guards with an injected clock (src/transport-guards.ts): a credential's expiry
 * is checked on each operation and closes the socket with 4401, and each viewer's share of
 * WebSockets is counted and given back.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/context.js';
import {
  CREDENTIAL_EXPIRED,
  closeAtExpiry,
  expired,
  SocketsPerViewer,
  wellFormedTarget,
} from '../../src/transport-guards.js';

const viewer = (expiresAt?: number): Viewer => ({
  id: 'jwt:a',
  authenticated: true,
  scopes: new Set(['read']),
  expiresAt,
});

describe('credential expiry', () => {
  it('is checked against the clock on every operation', () => {
    let now = 1_000;
    const clock = () => now;
    expect(expired(viewer(2_000), clock)).toBe(false);
    now = 1_999;
    expect(expired(viewer(2_000), clock)).toBe(false);
    now = 2_000;
    expect(expired(viewer(2_000), clock)).toBe(true);
    expect(expired(viewer(undefined), clock)).toBe(false);
    expect(expired(undefined, clock)).toBe(false);
  });
  it('closes at once with 4401 a socket whose credential has already expired', () => {
    const closes: [number, string][] = [];
    closeAtExpiry({ close: (code, reason) => closes.push([code, reason]) }, viewer(5), () => 10);
    expect(closes).toEqual([[CREDENTIAL_EXPIRED.code, CREDENTIAL_EXPIRED.reason]]);
  });
  it('does nothing for a credential without expiry, and can be cancelled', () => {
    const closes: unknown[] = [];
    const socket = { close: () => closes.push(1) };
    closeAtExpiry(socket, viewer(undefined))();
    closeAtExpiry(socket, viewer(Date.now() + 60_000))();
    expect(closes).toEqual([]);
  });
});

describe('WebSockets per viewer', () => {
  it('refuses past the limit and takes released places back', () => {
    const sockets = new SocketsPerViewer(2);
    const a = sockets.acquire('v')!;
    const b = sockets.acquire('v')!;
    expect(sockets.acquire('v')).toBeUndefined();
    expect(sockets.acquire('w')).toBeTypeOf('function');
    a();
    a();
    expect(sockets.count('v')).toBe(1);
    expect(sockets.acquire('v')).toBeTypeOf('function');
    b();
  });
});

describe('request targets', () => {
  const req = (url: string, host?: string) =>
    ({ url, headers: host === undefined ? {} : { host } }) as unknown as IncomingMessage;
  it.each([
    ['/graphql', 'localhost:4000', true],
    ['/health', '[::1]:4000', true],
    ['/health', 'gateway.example.com', true],
    ['/health', '[', false],
    ['/health', 'a b', false],
    ['/health', 'x:99999', false],
    ['/health', 'a@b', false],
    ['http://[/health', 'x', false],
    ['//evil/x', 'x', false],
    ['*', 'x', true],
  ])('%s with Host %s: %s', (url, host, ok) => {
    expect(wellFormedTarget(req(url, host))).toBe(ok);
  });
});
