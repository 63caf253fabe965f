/**
 * Issue #24 item 9: under `npm start` the embedded emulator shared the gateway's event loop, so
 * anything slow in it froze the gateway. Here the emulator is made to block its own thread for
 * a while (a `stall` fault on ListFlows: what a pathological pattern does), and the gateway's
 * /health must be answered while that request is still blocked. Measured by the order of
 * events, not by clock readings: /health settles first, and the stalled request is still
 * pending when it does. In one thread, the stall holds /health until it ends (and the test's
 * own callbacks too), so the stalled request settles first.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type RunningGateway, startServer } from '../../src/server.js';

let server: RunningGateway;

beforeAll(async () => {
  const config = loadConfig({ LOG_LEVEL: 'warn' }, { port: 0, host: '127.0.0.1', metricsPort: 0 });
  expect(config.embeddedEmulator).toBe(true);
  server = await startServer(config);
});
afterAll(() => server?.close());

/** POST ListFlows to the emulator; resolves once the request has left (and when answered). */
function listFlows(url: string) {
  let sent!: () => void;
  const written = new Promise<void>((r) => {
    sent = r;
  });
  const answered = new Promise<number>((resolve, reject) => {
    const req = request(`${url}/list-flows`, {
      method: 'POST',
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=x',
        'content-type': 'application/json',
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.on('finish', sent);
    req.end('{}');
  });
  return { written, answered };
}

describe('the embedded emulator runs on a thread of its own', () => {
  it('a stalled emulator request does not block the gateway /health', async () => {
    const emulator = server.emulatorUrl!;
    const fault = await fetch(`${emulator}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'ListFlows', type: 'stall', latencyMs: 4000, count: 1 }),
    });
    expect(fault.status).toBe(200);
    const order: string[] = [];
    const stalled = listFlows(emulator);
    stalled.answered.then(() => order.push('emulator'));
    await stalled.written;
    // Let the emulator take the request in (in one thread: the stall starts on this turn).
    await new Promise((r) => setTimeout(r, 100));
    const health = await fetch(server.url.replace(/\/graphql$/, '/health'));
    order.push('health');
    expect(health.status).toBe(200);
    expect(order).toEqual(['health']);
    expect(await stalled.answered).toBe(200);
    expect(order).toEqual(['health', 'emulator']);
  });

  it('closes the thread with the gateway (after the test above: nothing is left running)', async () => {
    const emulator = server.emulatorUrl!;
    await server.close();
    await expect(fetch(`${emulator}/_emulator/health`)).rejects.toThrow();
  });
});
