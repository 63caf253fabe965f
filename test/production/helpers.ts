/**
 * A gateway in front of a fresh seeded emulator, configured through the environment like a
 * deployment, with its logs captured as parsed JSON lines.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

export const READ_KEY = 'test-read-key-0123456789';
export const WRITE_KEY = 'test-write-key-0123456789';
export const ADMIN_KEY = 'test-admin-key-0123456789';
export const JWT_SECRET = 'a-test-secret-that-is-at-least-32-chars!';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const API_KEYS = [
  `${sha256(READ_KEY)}:read`,
  `${sha256(WRITE_KEY)}:read+write`,
  `${sha256(ADMIN_KEY)}:read+write+admin`,
].join(',');

export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
  get entries(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l));
  }
}

export interface ProdGateway {
  emulator: TestEmulator;
  gateway: Gateway;
  logs: LogCapture;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** POST /graphql with JSON; returns status and parsed body. */
  post(
    body: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GqlBody }>;
  close(): Promise<void>;
}

export interface GqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export async function startProdGateway(
  env: Record<string, string> = {},
  emulatorSeed: boolean | string = true,
): Promise<ProdGateway> {
  const emulator = await startTestEmulator({ seed: emulatorSeed });
  const config = loadConfig(
    { API_KEYS, JWT_SECRET, ALLOW_ANONYMOUS: 'false', LOG_LEVEL: 'debug', ...env },
    { appflowEndpoint: emulator.url, embeddedEmulator: false },
  );
  const logs = new LogCapture();
  const gateway = await createGateway(config, {
    logger: createLogger({ level: config.logLevel }, logs),
  });
  const fetch = (path: string, init?: RequestInit): Promise<Response> =>
    Promise.resolve(gateway.yoga.fetch(`http://test${path}`, init ?? {}));
  return {
    emulator,
    gateway,
    logs,
    fetch,
    async post(body, headers = {}) {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
        },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: JSON.parse(text) };
    },
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}

/** The real server (HTTP + graphql-ws) on a free port, in front of a fresh emulator. */
export async function startProdServer(
  env: Record<string, string> = {},
  overrides: Partial<import('../../src/config.js').GatewayConfig> = {},
) {
  const { startServer } = await import('../../src/server.js');
  const emulator = await startTestEmulator({ seed: true });
  const config = loadConfig(
    { API_KEYS, JWT_SECRET, ALLOW_ANONYMOUS: 'false', LOG_LEVEL: 'debug', ...env },
    {
      appflowEndpoint: emulator.url,
      embeddedEmulator: false,
      port: 0,
      host: '127.0.0.1',
      metricsPort: 0,
      ...overrides,
    },
  );
  const logs = new LogCapture();
  const running = await startServer(config, {
    logger: createLogger({ level: config.logLevel }, logs),
  });
  return {
    ...running,
    emulator,
    logs,
    wsUrl: running.url.replace(/^http/, 'ws'),
    async stop() {
      await running.close();
      await emulator.close();
    },
  };
}
