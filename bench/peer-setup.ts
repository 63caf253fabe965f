/**
 * The Mesh peer's build for the bench: installs bench/peer's own dependencies when they are
 * missing (`npm ci --prefix bench/peer`, so the project's `npm ci` stays lean), writes the OpenAPI
 * document from the AppFlow model (bench/peer/openapi.ts), composes the supergraph with
 * `mesh-compose` (bench/peer/mesh.config.ts) when an input is newer than it, and starts Hive
 * Gateway processes on it (bench/peer/gateway.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL_PATH } from '../src/model/model.js';
import { type Child, ROOT, startScript } from './lib.js';
import { writeAppflowOpenApi } from './peer/openapi.js';

export const PEER_DIR = join(ROOT, 'bench', 'peer');
const BUILD_DIR = join(ROOT, '.bench', 'peer');
export const OPENAPI_FILE = join(BUILD_DIR, 'appflow.openapi.json');
export const SUPERGRAPH_FILE = join(BUILD_DIR, 'supergraph.graphql');

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-2000)}`)),
    );
  });
}

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Installs, converts and composes what is missing or older than its inputs. */
export async function preparePeer(log: (line: string) => void = () => {}): Promise<void> {
  if (!existsSync(join(PEER_DIR, 'node_modules', '@graphql-hive', 'gateway', 'package.json'))) {
    log('installing the Mesh peer (npm ci --prefix bench/peer)...');
    await run('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], ROOT);
  }
  const inputs = [
    MODEL_PATH,
    join(PEER_DIR, 'openapi.ts'),
    join(PEER_DIR, 'mesh.config.ts'),
    join(PEER_DIR, 'package-lock.json'),
  ];
  const newest = Math.max(...inputs.map(mtime));
  if (mtime(SUPERGRAPH_FILE) > newest && mtime(OPENAPI_FILE) > newest) return;
  log('composing the Mesh peer (OpenAPI from the model, mesh-compose)...');
  writeAppflowOpenApi(OPENAPI_FILE);
  await run(
    process.execPath,
    [join(PEER_DIR, 'node_modules', '@graphql-mesh', 'compose-cli', 'esm', 'bin.js')],
    PEER_DIR,
    { PEER_OPENAPI: OPENAPI_FILE, PEER_SUPERGRAPH: SUPERGRAPH_FILE },
  );
  if (!existsSync(SUPERGRAPH_FILE)) throw new Error(`mesh-compose wrote no ${SUPERGRAPH_FILE}`);
}

/** A Hive Gateway process serving the peer against `appflowEndpoint`. */
export function startPeer(
  appflowEndpoint: string,
  opts: { responseCache?: boolean } = {},
): Promise<Child> {
  return startScript(['bench/peer/gateway.ts'], {
    APPFLOW_ENDPOINT: appflowEndpoint,
    PEER_SUPERGRAPH: SUPERGRAPH_FILE,
    PEER_RESPONSE_CACHE: opts.responseCache ? '1' : '0',
  });
}
