/**
 * The real gateway process for the third-party client tests: `src/server.ts` on port 0 with its
 * embedded, seeded emulator (the `npm start` demo: anonymous access), short runs so a
 * subscription sees one finish. Also the "Clients" snippets of docs/clients.md, written out with the
 * gateway's URL and imported as the modules a user would write.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readExamplePages } from '../helpers/docs.js';

export interface GatewayProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  wsUrl: string;
  emulatorUrl: string;
  /** POST to the embedded emulator's control API (/_emulator/...). */
  control(path: string, body?: unknown, method?: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startGatewayProcess(
  env: Record<string, string> = {},
): Promise<GatewayProcess> {
  // One gateway on its own: no Redis, so what a client registers (APQ) starts empty every run.
  const { REDIS_URL: _, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...inherited,
      PORT: '0',
      METRICS_PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      APPFLOW_EMULATOR_RUN_SECONDS: '2',
      POLL_ACTIVE_MS: '200',
      // Clients that keep a socket open (graphql-ws, SSE) do not hold up the stop.
      SHUTDOWN_TIMEOUT_MS: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/http:\/\/localhost:\d+\/graphql[^\n]*\n/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => reject(new Error(`gateway exited ${code}:\n${out}`)));
  });
  const port = line.match(/localhost:(\d+)/)![1]!;
  const emulatorUrl = line.match(/emulator at (http:\/\/127\.0\.0\.1:\d+)/)![1]!;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    emulatorUrl,
    async control(path, body, method = 'POST') {
      const res = await fetch(`${emulatorUrl}/_emulator/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json().catch(() => undefined);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

const SNIPPETS = fileURLToPath(new URL('../../test-results/readme-snippets/', import.meta.url));
const POSSIBLE_TYPES = fileURLToPath(new URL('../../src/gql/possible-types.ts', import.meta.url));

/**
 * The ```ts block (README or a docs page it links to, test/helpers/docs.ts) whose first line is
 * `// <title>`, written as a module with the gateway's address in place of localhost:4000 (and the repo's generated possible types in
 * place of the app's), then imported.
 */
export async function importReadmeSnippet<T>(title: string, gateway: GatewayProcess): Promise<T> {
  const blocks = [...readExamplePages().matchAll(/```ts\n(\/\/ ([^\n]+)\n[\s\S]*?)```/g)];
  const block = blocks.find((m) => m[2]!.trim() === title);
  if (!block) throw new Error(`the docs have no \`\`\`ts block starting with "// ${title}"`);
  const code = block[1]!
    .replaceAll('http://localhost:4000/graphql', gateway.url)
    .replaceAll('ws://localhost:4000/graphql', gateway.wsUrl)
    .replaceAll("'./gql/possible-types'", `'${POSSIBLE_TYPES}'`);
  mkdirSync(SNIPPETS, { recursive: true });
  const file = `${SNIPPETS}${title.replace(/\W+/g, '-').toLowerCase()}-${process.pid}.ts`;
  writeFileSync(file, code);
  return (await import(file)) as T;
}
