/**
 * Oversized inputs cost the gateway no memory (defects 3 and 5): the gateway runs in a child
 * process (`tsx src/server.ts`), and its resident set size is read from its own /metrics
 * (prom-client's process_resident_memory_bytes, i.e. /proc/self/stat) before the first and
 * after the last oversized request of each case. Growth must stay under 50 MB; on main an
 * unauthenticated 120 MB POST to /graphql/stream added ~400 MB and three 90 MB WebSocket
 * frames ~900 MB.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { API_KEYS, READ_KEY } from './helpers.js';
import { metricsUrlOf, rssOf, startProcess } from './process.js';

const MB = 1024 * 1024;
let emulator: TestEmulator;
let p: ReturnType<typeof startProcess>;
let url: string;
let base: string;
let metricsUrl: string;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: true });
  p = startProcess({
    APPFLOW_ENDPOINT: emulator.url,
    PORT: '0',
    HOST: '127.0.0.1',
    API_KEYS,
    ALLOW_ANONYMOUS: 'false',
    LOG_LEVEL: 'warn',
  });
  url = await p.ready;
  base = url.replace(/\/graphql$/, '');
  metricsUrl = metricsUrlOf(p.output());
});
afterAll(async () => {
  p.child.kill('SIGKILL');
  await emulator.close();
});

/** A body of `size` bytes sent in 1 MB chunks (one buffer reused: the test holds 1 MB). */
function bigBody(size: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(MB).fill(0x20);
  chunk[0] = 0x7b; // '{'
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      sent += MB;
      controller.enqueue(chunk);
    },
  });
}

async function post(path: string, headers: Record<string, string>): Promise<number | string> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: bigBody(120 * MB),
      duplex: 'half',
    } as RequestInit);
    await res.text();
    return res.status;
  } catch (error) {
    // The gateway may answer and close before the client finishes uploading.
    return String((error as Error).cause ?? error);
  }
}

async function growth(run: () => Promise<void>): Promise<number> {
  const before = await rssOf(metricsUrl);
  await run();
  await new Promise((r) => setTimeout(r, 300));
  return (await rssOf(metricsUrl)) - before;
}

describe('RSS around oversized inputs', () => {
  it('an unauthenticated 120 MB POST to /graphql/stream and /graphql: refused, < 50 MB', async () => {
    const statuses: (number | string)[] = [];
    const grown = await growth(async () => {
      statuses.push(await post('/graphql/stream', {}));
      statuses.push(await post('/graphql', {}));
    });
    for (const s of statuses) if (typeof s === 'number') expect(s).toBe(401);
    console.log(`unauthenticated 2 x 120 MB POST: RSS +${(grown / MB).toFixed(1)} MB`);
    expect(grown).toBeLessThan(50 * MB);
  });

  it('an authenticated 120 MB chunked POST stops at the body limit (413), < 50 MB', async () => {
    const statuses: (number | string)[] = [];
    const grown = await growth(async () => {
      statuses.push(await post('/graphql/stream', { 'x-api-key': READ_KEY }));
      statuses.push(await post('/graphql', { 'x-api-key': READ_KEY }));
    });
    for (const s of statuses) if (typeof s === 'number') expect(s).toBe(413);
    console.log(`authenticated 2 x 120 MB POST: RSS +${(grown / MB).toFixed(1)} MB`);
    expect(grown).toBeLessThan(50 * MB);
  });

  it('three 90 MB WebSocket frames before connection_init: closed with 1009, < 50 MB', async () => {
    const frame = Buffer.alloc(90 * MB, 0x20);
    const codes: number[] = [];
    const grown = await growth(async () => {
      for (let i = 0; i < 3; i++) {
        const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
        await new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
        ws.on('error', () => {});
        ws.send(frame);
        codes.push(await closed);
      }
    });
    expect(codes).toEqual([1009, 1009, 1009]);
    console.log(`3 x 90 MB frames: RSS +${(grown / MB).toFixed(1)} MB`);
    expect(grown).toBeLessThan(50 * MB);
  });

  it('more than WS_PREAUTH_BYTES before authentication closes the socket with 4400', async () => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // A connection_init of 100 KB: under the frame limit, over the pre-auth budget (16 KB).
    ws.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(100_000) } }));
    expect(await closed).toBe(4400);
  });
});
