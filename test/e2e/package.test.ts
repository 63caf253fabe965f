/**
 * The package (issue #26 item 6): `npm pack` the project, install the tarball into an empty
 * folder with no checkout beside it, then run both commands (`appflow-gateway` answers a query,
 * a persisted operation, GraphiQL and the dashboard; `appflow-gateway emulator` answers an SDK
 * call) and import the library (values at run time, declarations with tsc). Packed from a copy
 * of the working tree (its own dist/, so the checkout's dist/ that other tests serve is left
 * alone); dependencies come from the npm cache, or the registry. Slow: packed and installed
 * once for the file.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ListFlowsCommand } from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appflowClient } from '../helpers/emulator.js';

const run = promisify(execFile);
const checkout = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'appflow-gateway-package-'));
const stage = join(work, 'stage');
const consumer = join(work, 'consumer');
const children: ChildProcess[] = [];
let tarball = '';
let packed: string[] = [];

/** npm, from the same Node as the test (its npm-cli.js beside the node binary), or PATH's. */
function npm(args: string[], cwd: string) {
  const cli = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'bin',
    'npm-cli.js',
  );
  const [cmd, argv] = existsSync(cli) ? [process.execPath, [cli, ...args]] : ['npm', args];
  return run(cmd, argv, {
    cwd,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
}

beforeAll(async () => {
  // The working tree as a clone would have it (tracked and new files, not ignored ones), with
  // the checkout's node_modules for the build tools.
  const { stdout } = await run('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(file)) continue; // deleted, not yet committed
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    cpSync(file, join(stage, file));
  }
  symlinkSync(join(checkout, 'node_modules'), join(stage, 'node_modules'));
  // prepack builds dist/ (bundle, dashboard, declarations) inside the copy.
  const pack = await npm(['pack', '--json', '--pack-destination', work], stage);
  const [info] = JSON.parse(
    // After the prepack build's own lines.
    pack.stdout.slice(pack.stdout.search(/^\[/m)),
  ) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);

  // An empty folder: no package.json or node_modules above it that could lend it files.
  mkdirSync(consumer);
  for (let dir = consumer; dirname(dir) !== dir; dir = dirname(dir)) {
    if (dir !== consumer) expect(existsSync(join(dir, 'package.json'))).toBe(false);
  }
  writeFileSync(
    join(consumer, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  await npm(['install', '--prefer-offline', '--no-package-lock', tarball], consumer);
}, 600_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  // ~100 MB of installed dependencies.
  await rm(work, { recursive: true, force: true });
}, 180_000);

/** Starts an installed command; resolves with its output once `pattern` shows up in it. */
function startBin(args: string[], pattern: RegExp, env: Record<string, string> = {}) {
  const bin = join(consumer, 'node_modules', '.bin', 'appflow-gateway');
  const child = spawn(bin, args, {
    cwd: consumer,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', r));
  const found = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
  return { child, found, exited, output: () => out };
}

describe('the npm package, installed from its tarball', () => {
  it('ships the bundle, declarations, dashboard and run-time files, and no TypeScript sources', () => {
    for (const file of [
      'package.json',
      'dist/server.mjs',
      'dist/index.mjs',
      'dist/emulator.mjs',
      'dist/types/index.d.ts',
      'dist/types/emulator/index.d.ts',
      'dist/web/index.html',
      'model/appflow/service-2.json',
      'model/appflow/paginators-1.json',
      'model/appflow/manifest.json',
      'src/gql/persisted-documents.json',
      'src/operations/flows.graphql',
    ]) {
      expect(packed).toContain(file);
    }
    expect(packed.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(packed.filter((f) => f.includes('.test-bundle') || f.endsWith('.build-stamp'))).toEqual(
      [],
    );
    const manifest = JSON.parse(
      readFileSync(join(consumer, 'node_modules', 'appflow-gateway', 'package.json'), 'utf8'),
    );
    expect(manifest.bin['appflow-gateway']).toBe('./dist/server.mjs');
  });

  it('`appflow-gateway` serves queries, persisted operations, GraphiQL and the dashboard; SIGTERM exits 0', async () => {
    const p = startBin([], /ready at (http:\/\/localhost:\d+\/graphql)/, {
      HOST: '127.0.0.1',
      PERSISTED_OPERATIONS: 'allow',
    });
    const url = (await p.found)[1]!.replace('localhost', '127.0.0.1');
    const post = async (body: unknown) =>
      (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { data?: any; errors?: unknown[] };
    const r = await post({ query: '{ flows(first: 3) { edges { node { flowName } } } }' });
    expect(r.errors).toBeUndefined();
    expect(r.data.flows.edges.length).toBeGreaterThan(0);

    const documents = JSON.parse(readFileSync('src/gql/persisted-documents.json', 'utf8'));
    const [hash] = Object.entries(documents).find(
      ([, doc]) => typeof doc === 'string' && /^query\b/.test(doc) && !/\$/.test(doc),
    ) as [string, unknown];
    const persisted = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
    });
    expect(persisted.errors).toBeUndefined();

    const graphiql = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/graphiql/i);
    const dashboard = await fetch(url.replace(/\/graphql$/, '/'));
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/\/assets\/main-\w+\.js/);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    // Not a terminal: JSON lines only.
    for (const line of p.output().split('\n').filter(Boolean)) {
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  });

  it('`appflow-gateway emulator` answers the AWS SDK', async () => {
    const p = startBin(
      ['emulator', '--port', '0', '--seed', '--quiet'],
      /listening on (http:\/\/\S+)/,
    );
    const emulatorUrl = (await p.found)[1]!;
    const flows = await appflowClient(emulatorUrl).send(new ListFlowsCommand({}));
    expect(flows.flows!.length).toBeGreaterThan(0);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('imports createGateway and startEmulator, with type declarations', async () => {
    const script = `
import { createGateway, loadConfig, startEmulator } from 'appflow-gateway';
import { startEmulator as emulatorOnly } from 'appflow-gateway/emulator';
if (emulatorOnly !== startEmulator) throw new Error('two emulators');
const emulator = await startEmulator({ port: 0, seed: true, quiet: true });
const config = loadConfig({ ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' }, { appflowEndpoint: emulator.url, embeddedEmulator: false });
const gateway = await createGateway(config);
const res = await gateway.yoga.fetch('http://local/graphql', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ flows(first: 2) { edges { node { flowName } } } }' }),
});
const body = await res.json();
await gateway.close();
await emulator.close();
const names: string[] = body.data.flows.edges.map((e: { node: { flowName: string } }) => e.node.flowName);
console.log(JSON.stringify(names));
`;
    writeFileSync(join(consumer, 'use.ts'), script);
    // A wrong call must be refused: the declarations are really read.
    writeFileSync(
      join(consumer, 'wrong.ts'),
      `import { createGateway } from 'appflow-gateway';\nawait createGateway(42);\n`,
    );
    // The declarations: one tsc run (the checkout's TypeScript) over both consumer files.
    const tsc = join(checkout, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--typeRoots',
        join(checkout, 'node_modules', '@types'),
        '--types',
        'node',
        join(consumer, 'use.ts'),
        join(consumer, 'wrong.ts'),
      ],
      { cwd: consumer },
    ).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    const errors = checked.split('\n').filter((l) => /error TS/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^wrong\.ts\(2,\d+\): error TS2345/);

    // And at run time, as plain JavaScript (the types stripped by hand: no loader needed).
    writeFileSync(
      join(consumer, 'use.mjs'),
      script
        .replace('const names: string[] =', 'const names =')
        .replace('(e: { node: { flowName: string } })', '(e)'),
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], {
      cwd: consumer,
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(JSON.parse(stdout.trim())).toHaveLength(2);
  }, 120_000); // a type check of the declarations and a gateway started in a new process
});
