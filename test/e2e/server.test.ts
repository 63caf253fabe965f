/**
 * `npm start` end to end: the real server process with its embedded, seeded emulator.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, describe, expect, it } from 'vitest';
import { appflowClient, startTestEmulator } from '../helpers/emulator.js';

interface Started {
  child: ChildProcess;
  url: string;
  line: string;
  output: () => string;
}

function startServerProcess(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', METRICS_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/(http:\/\/localhost:\d+\/graphql)[^\n]*\n/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, line: match[0], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

async function graphql(url: string, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: any; errors?: any[] }>;
}

describe('npm start', () => {
  it('serves the seeded flows from its embedded emulator, GraphiQL, and exits 0 on SIGTERM', async () => {
    const started = await startServerProcess({});
    children.push(started.child);
    const emulatorUrl = started.line.match(/emulator at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(emulatorUrl).toBeDefined();

    const r = await graphql(
      started.url,
      '{ flows(first: 100) { edges { node { flowName flowStatus triggerType } } } }',
    );
    expect(r.errors).toBeUndefined();
    const sdk = await appflowClient(emulatorUrl!).send(new ListFlowsCommand({}));
    expect(r.data.flows.edges.map((e: any) => e.node.flowName).sort()).toEqual(
      sdk.flows!.map((f) => f.flowName).sort(),
    );
    const triggers = new Set(r.data.flows.edges.map((e: any) => e.node.triggerType));
    expect(triggers).toEqual(new Set(['OnDemand', 'Scheduled', 'Event']));

    const page = await fetch(started.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);

    const exited = exitCode(started.child);
    started.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('sends AppFlow calls to APPFLOW_ENDPOINT and starts no emulator then', async () => {
    const emulator = await startTestEmulator({ seed: true });
    try {
      const started = await startServerProcess({
        APPFLOW_ENDPOINT: emulator.url,
        ALLOW_ANONYMOUS: 'true',
      });
      children.push(started.child);
      expect(started.line).toContain(emulator.url);
      await emulator.control.clearRequests();
      const r = await graphql(started.url, '{ flows { edges { node { flowName } } } }');
      expect(r.errors).toBeUndefined();
      expect((await emulator.control.requests()).byOperation.ListFlows).toBe(1);
      const exited = exitCode(started.child);
      started.child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it('refuses an invalid configuration with a clear message', async () => {
    await expect(startServerProcess({ PORT: 'eighty' })).rejects.toThrow(/PORT must be an integer/);
  });
});
