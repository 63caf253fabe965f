/**
 * Issue #24 item 10: the control API (/_emulator/*) must not accept cross-site "simple"
 * requests. A page on any origin can send `POST /_emulator/reset` with `content-type:
 * text/plain` (no CORS preflight for that), and without this guard every resource is gone.
 * LocalStack refuses browser requests from origins it does not allow; so does this.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ seed: true });
});
afterAll(() => t.close());

const flows = async () => ((await t.control.call('GET', '/health')) as { flows: number }).flows;

describe('control API refuses cross-site requests', () => {
  it('POST /_emulator/reset with content-type text/plain is refused and resets nothing', async () => {
    const before = await flows();
    expect(before).toBeGreaterThan(0);
    const res = await fetch(`${t.url}/_emulator/reset`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnsupportedMediaTypeException');
    expect(((await res.json()) as { message: string }).message).toMatch(/application\/json/);
    expect(await flows()).toBe(before);
  });

  it('POST /_emulator/reset from Origin https://evil.example is refused, JSON or not', async () => {
    const before = await flows();
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example' },
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
    ]) {
      const res = await fetch(`${t.url}/_emulator/reset`, { method: 'POST', headers, body: '{}' });
      expect(res.status).toBe(403);
      expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    }
    expect(await flows()).toBe(before);
  });

  it('every control route with a body refuses non-JSON content types and foreign origins', async () => {
    const routes = [
      ['POST', '/seed'],
      ['POST', '/faults'],
      ['DELETE', '/faults'],
      ['POST', '/latency'],
      ['POST', '/limits'],
      ['DELETE', '/limits'],
      ['POST', '/runs/outcome'],
      ['POST', '/clock/advance'],
      ['POST', '/consistency'],
      ['DELETE', '/requests'],
      ['POST', '/flows/salesforce-accounts-to-s3/trigger'],
    ];
    for (const [method, path] of routes) {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await fetch(`${t.url}/_emulator${path}`, {
          method,
          headers: { 'content-type': type },
          body: '{}',
        });
        expect(res.status, `${method} ${path} ${type}`).toBe(415);
      }
      const res = await fetch(`${t.url}/_emulator${path}`, {
        method,
        headers: { origin: 'http://evil.example:4599', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, `${method} ${path} foreign origin`).toBe(403);
    }
    // Reads too: a foreign page cannot read the state (CORS would not let it, but the answer
    // should not be produced at all).
    const read = await fetch(`${t.url}/_emulator/requests`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(read.status).toBe(403);
    expect(await flows()).toBeGreaterThan(0);
  });

  it('still takes what its own clients send: JSON, no body, loopback origins', async () => {
    const ok = async (init: RequestInit) => {
      const res = await fetch(`${t.url}/_emulator/clock/advance`, { method: 'POST', ...init });
      expect(res.status, JSON.stringify(init.headers)).toBe(200);
    };
    await ok({ headers: { 'content-type': 'application/json' }, body: '{"seconds":1}' });
    await ok({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"seconds":1}',
    });
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      await ok({ headers: { origin, 'content-type': 'application/json' }, body: '{"seconds":1}' });
    }
    const empty = await fetch(`${t.url}/_emulator/requests`, { method: 'DELETE' });
    expect(empty.status).toBe(200);
  });
});
