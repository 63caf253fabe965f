/**
 * Shared by the outside-client tests (AWS CLI, boto3): the emulator as its own program, the
 * clients' paths, the model laid out where botocore looks for it, and a tally of the operations
 * a client had answered.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { MODEL_PATH, model, PAGINATORS_PATH } from '../../src/model/model.js';
import { controlClient, type EmulatorControl } from '../helpers/emulator.js';

// Absolute Debian paths on purpose: PATH on these machines starts with pyenv shims, whose `aws`
// is CLI v1 and whose `python3` has no Debian boto3. The tests are about Debian's clients.
export const DEBIAN_AWS_CLI = '/usr/bin/aws';
export const DEBIAN_PYTHON = '/usr/bin/python3';

export const hasAwsCli = existsSync(DEBIAN_AWS_CLI);
export const hasBoto3 =
  existsSync(DEBIAN_PYTHON) &&
  spawnSync(DEBIAN_PYTHON, ['-c', 'import boto3'], { stdio: 'ignore' }).status === 0;

/** Say loudly, once per file, that a client is missing and its tests are skipped. */
export function warnMissing(what: string) {
  console.warn(
    `\n!!! SKIPPING the ${what} tests: not installed. ` +
      '.ci/run installs it (apt-get install -y awscli python3-boto3). !!!\n',
  );
}

/** The operations of the vendored model (its manifest says how many). */
export const MODEL_OPERATIONS = Object.keys(model.operations).sort();

/**
 * Environment for a client: dummy credentials, no config files, and the vendored model first on
 * botocore's data path. Debian's botocore (1.29) and the CLI's own copy predate
 * CancelFlowExecutions, ResetConnectorMetadataCache, Snowflake key pairs and PKCE, and ship no
 * AppFlow paginators; AWS_DATA_PATH is botocore's documented way to load a newer model.
 */
export function clientEnv(dataPath: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-real-secret',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    // One attempt: a refused request is the answer under test, not something to retry.
    AWS_MAX_ATTEMPTS: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  if (dataPath) env.AWS_DATA_PATH = dataPath;
  return env;
}

/** A temporary botocore data directory holding the vendored model and paginators. */
export function vendoredModelDataPath(): { path: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'appflow-model-'));
  const dir = join(root, 'appflow', String(model.metadata.apiVersion));
  mkdirSync(dir, { recursive: true });
  copyFileSync(MODEL_PATH, join(dir, 'service-2.json'));
  copyFileSync(PAGINATORS_PATH, join(dir, 'paginators-1.json'));
  return { path: root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface EmulatorProcess {
  url: string;
  control: EmulatorControl;
  stop(): Promise<void>;
}

const ROOT = new URL('../../', import.meta.url).pathname;

/** `node --import tsx src/emulator/main.ts --port 0 ...`; resolves once it prints its URL. */
export function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/emulator/main.ts', '--port', '0', '--quiet', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the emulator printed no URL within 20 s: ${output}`));
    }, 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /AppFlow emulator listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, control: controlClient(m[1]!), stop });
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited (${code}) before listening: ${output}`));
    });
  });
}

/**
 * The operations a client drove to a successful answer (as the client saw it) and that the
 * emulator counted, across a test file.
 */
export class OperationTally {
  readonly answered = new Set<string>();
  readonly counted = new Set<string>();

  /** Add the emulator's request counters (call before each reset, which clears them). */
  async collect(control: EmulatorControl) {
    const { byOperation } = await control.requests();
    for (const [op, n] of Object.entries(byOperation)) if (n > 0) this.counted.add(op);
  }

  /** Operations (of `expected`, by default all of the model's) not both answered and counted. */
  missing(expected: readonly string[] = MODEL_OPERATIONS): string[] {
    return expected.filter((op) => !this.answered.has(op) || !this.counted.has(op));
  }
}

export interface ClientTestContext {
  readonly emulator: EmulatorProcess;
  /** The botocore data path holding the vendored model. */
  readonly dataPath: string;
  readonly tally: OperationTally;
}

/**
 * The hooks of a client test file: one emulator program and model data path for the file, a
 * reset before each test and the emulator's counters collected after each.
 */
export function useEmulatorProcess(args: string[] = []): ClientTestContext {
  const tally = new OperationTally();
  let emulator: EmulatorProcess | undefined;
  let data: ReturnType<typeof vendoredModelDataPath> | undefined;
  beforeAll(async () => {
    data = vendoredModelDataPath();
    emulator = await startEmulatorProcess(args);
  });
  afterAll(async () => {
    await emulator?.stop();
    data?.remove();
  });
  beforeEach(async () => {
    await emulator!.control.reset();
  });
  afterEach(async () => {
    await tally.collect(emulator!.control);
  });
  return {
    get emulator() {
      if (!emulator) throw new Error('the emulator program is not running (beforeAll failed?)');
      return emulator;
    },
    get dataPath() {
      if (!data) throw new Error('no model data path (beforeAll failed?)');
      return data.path;
    },
    tally,
  };
}
