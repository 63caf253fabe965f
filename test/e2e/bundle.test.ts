/**
 * What `npm start` runs: the esbuild bundle (scripts/build.mjs) under plain node, without a
 * TypeScript loader. Built for real here, into a folder of this test's own under dist/, then
 * started with its embedded emulator: it must find the AppFlow model and the persisted
 * documents from dist/, serve flows, load GraphiQL's assets on demand and stop on SIGTERM.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appflowClient } from '../helpers/emulator.js';

const outdir = join('dist', `.test-bundle-${process.pid}`);
const children: ChildProcess[] = [];
let buildOutput = '';

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['scripts/build.mjs', '--outdir', outdir],
    { timeout: 60_000 },
  );
  buildOutput = stdout;
}, 90_000);

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(outdir, { recursive: true, force: true });
});

function startBundle(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(outdir, 'server.mjs')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: '0',
      NODE_OPTIONS: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise<{ child: ChildProcess; url: string; line: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bundle did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/(http:\/\/localhost:\d+\/graphql)[^\n]*\n/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, line: match[0] });
      }
    });
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('exit', (code) => reject(new Error(`bundle exited ${code}:\n${out}`)));
  });
}

async function graphql(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

describe('the built bundle (npm start)', () => {
  it('is one entry file that loads no TypeScript', () => {
    expect(buildOutput).toMatch(
      /server\.mjs \(\+ library entries and chunks\): [\d.]+ MB from \d+ modules/,
    );
    const entry = join(outdir, 'server.mjs');
    expect(existsSync(entry)).toBe(true);
    const code = readFileSync(entry, 'utf8');
    expect(code).not.toMatch(/from ["']tsx["']/);
    // GraphiQL's ~9 MB of inlined assets stay out of the start-up path.
    expect(code.length).toBeLessThan(6_000_000);
  });

  it('is not rebuilt by npm start (--if-changed) while src/, web/ and model/ are unchanged', async () => {
    const entry = join(outdir, 'server.mjs');
    const before = statSync(entry).mtimeMs;
    expect(readFileSync(join(outdir, '.build-stamp'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/build.mjs', '--outdir', outdir, '--if-changed'],
      { timeout: 60_000 },
    );
    expect(stdout).toMatch(/is up to date/);
    expect(statSync(entry).mtimeMs).toBe(before);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.prestart).toBe(
      'node scripts/build.mjs --if-changed',
    );
  });

  it('serves the seeded flows, persisted operations and GraphiQL, and exits 0 on SIGTERM', async () => {
    const started = await startBundle({ PERSISTED_OPERATIONS: 'allow' });
    const emulatorUrl = started.line.match(/emulator at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(emulatorUrl).toBeDefined();

    const r = await graphql(started.url, {
      query: '{ flows(first: 100) { edges { node { flowName flowStatus sourceConnectorType } } } }',
    });
    expect(r.body.errors).toBeUndefined();
    const sdk = await appflowClient(emulatorUrl!).send(new ListFlowsCommand({}));
    expect(r.body.data.flows.edges.map((e: any) => e.node.flowName).sort()).toEqual(
      sdk.flows!.map((f) => f.flowName).sort(),
    );
    expect(sdk.flows!.length).toBeGreaterThan(0);

    // The persisted documents file is found from dist/ (a hash runs its document).
    const documents = JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8'));
    const [hash] = Object.entries(documents).find(
      ([, doc]) => typeof doc === 'string' && /^query\b/.test(doc) && !/\$/.test(doc),
    ) as [string, unknown];
    const persisted = await graphql(started.url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
    });
    expect(persisted.status).toBe(200);
    expect(persisted.body.errors).toBeUndefined();
    expect(Object.keys(persisted.body.data ?? {}).length).toBeGreaterThan(0);

    const page = await fetch(started.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/graphiql/i);

    const exited = new Promise((resolve) => started.child.once('exit', resolve));
    started.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    console.warn('\n!!! REDIS_URL unset: skipping the bundle-with-Redis test !!!\n');
  }
  it.skipIf(!redisUrl)(
    'with REDIS_URL loads ioredis from node_modules (left out of the bundle) and is ready',
    async () => {
      expect(readFileSync(join(outdir, 'server.mjs'), 'utf8')).not.toMatch(/class Redis\b/);
      const started = await startBundle({ REDIS_URL: redisUrl! });
      const ready = await fetch(started.url.replace(/\/graphql$/, '/ready'));
      const report = (await ready.json()) as { checks: Record<string, string> };
      expect(report.checks).toEqual({ appflow: 'ok', redis: 'ok' });
      expect(ready.status).toBe(200);
      const r = await graphql(started.url, {
        query: '{ flows(first: 2) { edges { node { flowName } } } }',
      });
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data.flows.edges).toHaveLength(2);
      const exited = new Promise((resolve) => started.child.once('exit', resolve));
      started.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
  );
});
