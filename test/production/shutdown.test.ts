/**
 * The real process (`tsx src/server.ts`): a bad variable stops it with exit code 2 and a clear
 * message; SIGTERM turns /ready to 503, lets an in-flight request finish, closes WebSockets with
 * 1001, ends SSE operation streams without `complete` (clients retry) and exits 0 within 10 s.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { FLOW_RUNS, ON_DEMAND } from '../subscriptions/helpers.js';
import { API_KEYS, READ_KEY } from './helpers.js';
import { startProcess } from './process.js';
import { initSocket } from './ws-client.js';

describe('process lifecycle', () => {
  let emulator: TestEmulator;
  let running: ChildProcess | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: true });
  });
  afterAll(async () => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
    await emulator.close();
  });

  it('refuses to start on a bad variable, with exit code 2 and the reason', async () => {
    const p = startProcess({ APPFLOW_ENDPOINT: emulator.url, MAX_DEPTH: 'deep', PORT: '0' });
    p.ready.catch(() => {});
    const { code } = await p.exited;
    expect(code).toBe(2);
    // One JSON line on stderr (src/server.ts main), at level fatal.
    const line = JSON.parse(p.stderr().trim());
    expect(line).toMatchObject({
      level: 'fatal',
      msg: 'Configuration error: MAX_DEPTH must be an integer from 1 to 1000, got "deep"',
    });
  });

  it('drains on SIGTERM: /ready 503, in-flight request finishes, sockets 1001, exit 0 < 10 s', async () => {
    const p = startProcess({
      APPFLOW_ENDPOINT: emulator.url,
      PORT: '0',
      HOST: '127.0.0.1',
      API_KEYS,
      ALLOW_ANONYMOUS: 'false',
      // Long enough that the /ready probe below lands inside the delay on a loaded machine
      // (with 400 ms it sometimes came after, on a connection already closed: ECONNRESET).
      SHUTDOWN_DELAY_MS: '2000',
      LOG_LEVEL: 'info',
    });
    running = p.child;
    const url = await p.ready;
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    const socket = await initSocket(url.replace(/^http/, 'ws'), { 'x-api-key': READ_KEY });
    await emulator.control.faults({ operation: 'ListFlows', type: 'latency', latencyMs: 1500 });
    const inFlight = fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': READ_KEY },
      body: JSON.stringify({ query: '{ flows(first: 1) { edges { node { flowName } } } }' }),
    });
    await new Promise((r) => setTimeout(r, 200)); // the request is now waiting on AppFlow
    const signalled = Date.now();
    p.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);

    const closed = await socket.closed;
    expect(closed.code).toBe(1001);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { flows: { edges: [{ node: {} }] } } });

    const { code, at } = await p.exited;
    expect(code).toBe(0);
    expect(p.output()).toMatch(/"msg":"shut down"/);
    expect(at - signalled).toBeLessThan(10_000);
    await emulator.control.clearFaults();
  });

  it('ends SSE operation streams on SIGTERM the way clients retry (no complete), and exits in under 2 s', async () => {
    const p = startProcess({
      APPFLOW_ENDPOINT: emulator.url,
      PORT: '0',
      HOST: '127.0.0.1',
      API_KEYS,
      ALLOW_ANONYMOUS: 'false',
      LOG_LEVEL: 'info',
    });
    running = p.child;
    const url = await p.ready;
    const base = url.replace(/\/graphql$/, '');
    const subscribe = async (path: string) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          'x-api-key': READ_KEY,
        },
        body: JSON.stringify({ query: FLOW_RUNS, variables: { flowName: ON_DEMAND } }),
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      const decoder = new TextDecoder();
      // The stream is open once its first bytes (a ping or the first event) arrive.
      const first = await reader.read();
      text += decoder.decode(first.value);
      const rest = (async () => {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return text;
          text += decoder.decode(value);
        }
      })();
      return { rest };
    };
    const graphqlSse = await subscribe('/graphql');
    const streamSse = await subscribe('/graphql/stream');
    const socket = await initSocket(url.replace(/^http/, 'ws'), { 'x-api-key': READ_KEY });
    const signalled = Date.now();
    p.child.kill('SIGTERM');
    // Each stream ends cleanly (no socket reset) WITHOUT `complete`: that would tell the client
    // the operation is over, and it would never retry (test/live/resume.test.ts resumes them).
    for (const text of await Promise.all([graphqlSse.rest, streamSse.rest])) {
      expect(text).not.toMatch(/event: complete\n/);
    }
    expect((await socket.closed).code).toBe(1001);
    const { code, at } = await p.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(2_000);
  });
});
