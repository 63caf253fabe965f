import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateConnectorProfileCommand,
  CreateFlowCommand,
  DescribeFlowCommand,
  ListFlowsCommand,
  StartFlowCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, describe, expect, it } from 'vitest';
import { appflowClient } from '../helpers/emulator.js';
import { s3Flow, salesforceProfile } from './fixtures.js';

const root = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
/** Signal the child's process group (npx and tsx do not always forward signals). */
function signal(child: ChildProcess, sig: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, sig);
  } catch {
    // already gone
  }
}
afterAll(() => {
  for (const c of children) signal(c, 'SIGKILL');
});

/** Spawn the CLI and resolve with its URL once it prints the listening line. */
function spawnEmulator(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(command, args, {
    cwd: root,
    // Own process group, so the whole tree (npx -> tsx -> node) can be signalled at once.
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line; output: ${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0], output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });

const tsxNode = (args: string[]) =>
  [process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', ...args]] as const;

describe('CLI', () => {
  it('`npx tsx src/emulator/main.ts --port 0` prints its URL, serves, and exits cleanly on SIGTERM', async () => {
    const { child, url } = await spawnEmulator('npx', [
      'tsx',
      'src/emulator/main.ts',
      '--port',
      '0',
      '--seed',
      '--quiet',
    ]);
    const client = appflowClient(url);
    const flows = await client.send(new ListFlowsCommand({}));
    expect(flows.flows!.length).toBeGreaterThan(0);
    client.destroy();
    const done = exited(child);
    signal(child, 'SIGTERM');
    expect([0, null]).toContain(await done);
  });

  it('reads the port from APPFLOW_EMULATOR_PORT and prints --help', async () => {
    const [cmd, args] = tsxNode(['--quiet']);
    const { child, url } = await spawnEmulator(cmd, [...args], { APPFLOW_EMULATOR_PORT: '0' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/_emulator/health`);
    expect((await health.json()).flows).toBe(0); // starts empty
    const done = exited(child);
    signal(child, 'SIGINT');
    expect(await done).toBe(0);

    const help = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', '--help'], {
      cwd: root,
    });
    let text = '';
    help.stdout.on('data', (d) => {
      text += d;
    });
    expect(await exited(help)).toBe(0);
    expect(text).toContain('--data-dir');
    expect(text).toContain('--latency-ms');
    expect(text).toContain('--limits');
  });

  it('--latency-ms and --limits shape every AWS request of the run', async () => {
    const [cmd, args] = tsxNode([
      '--port',
      '0',
      '--quiet',
      '--latency-ms',
      '120',
      '--latency-jitter-ms',
      '10',
      '--limits',
      'ListFlows:1:2',
    ]);
    const { child, url } = await spawnEmulator(cmd, [...args]);
    const client = appflowClient(url);
    const started = Date.now();
    await client.send(new ListFlowsCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(105);
    await client.send(new ListFlowsCommand({}));
    const err = await client.send(new ListFlowsCommand({})).catch((e: Error) => e);
    expect((err as Error).name).toBe('ThrottlingException');
    const limits = await (await fetch(`${url}/_emulator/limits`)).json();
    expect(limits.limits[0]).toMatchObject({ operation: 'ListFlows', ratePerSecond: 1, burst: 2 });
    client.destroy();
    const done = exited(child);
    signal(child, 'SIGTERM');
    expect([0, null]).toContain(await done);
  });
});

describe('persistence (--data-dir)', () => {
  it('keeps every acknowledged write across kill -9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'appflow-emu-'));
    try {
      const [cmd, args] = tsxNode(['--port', '0', '--data-dir', dir, '--quiet']);
      const first = await spawnEmulator(cmd, [...args]);
      let client = appflowClient(first.url);
      await client.send(new CreateConnectorProfileCommand(salesforceProfile('sf')));
      await client.send(new CreateFlowCommand(s3Flow('durable', 'sf')));
      const { executionId } = await client.send(new StartFlowCommand({ flowName: 'durable' }));
      // Killed right after the acknowledged write: no chance to flush anything more.
      signal(first.child, 'SIGKILL');
      await exited(first.child);
      client.destroy();

      const second = await spawnEmulator(cmd, [...args]);
      client = appflowClient(second.url);
      const flow = await client.send(new DescribeFlowCommand({ flowName: 'durable' }));
      expect(flow.flowStatus).toBe('Active');
      expect(flow.sourceFlowConfig?.connectorProfileName).toBe('sf');
      const res = await fetch(`${second.url}/describe-flow-execution-records`, {
        method: 'POST',
        headers: { authorization: 'AWS4-HMAC-SHA256 test' },
        body: JSON.stringify({ flowName: 'durable' }),
      });
      expect((await res.json()).flowExecutions[0].executionId).toBe(executionId);
      client.destroy();
      signal(second.child, 'SIGKILL');
      await exited(second.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
