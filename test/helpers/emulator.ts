/**
 * Start an AppFlow emulator for a test, with an AWS SDK client pointed at it and a small
 * client for its control API. Shared by the emulator's and the gateway's tests: keep it small
 * and stable.
 */
import { AppflowClient } from '@aws-sdk/client-appflow';
import { type EmulatorOptions, startEmulator } from '../../src/emulator/index.js';

export interface EmulatorControl {
  reset(): Promise<unknown>;
  /** `{}` = built-in example data; a seed document; or `{ generate: { flows, profiles, executionsPerFlow } }`. */
  seed(body?: unknown): Promise<unknown>;
  faults(body: unknown): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  requests(): Promise<{
    total: number;
    byOperation: Record<string, number>;
    /** Requests answered 429 ThrottlingException (rate limits and throttle faults). */
    throttled: { total: number; byOperation: Record<string, number> };
  }>;
  clearRequests(): Promise<unknown>;
  /** Move the emulator clock forward; runs and schedules react. */
  advance(seconds: number): Promise<unknown>;
  /** `{ outcome?: 'Error' | 'Successful', flowName?, count?, persistent?, message? }` */
  runsOutcome(body: unknown): Promise<unknown>;
  /** Any other control route, e.g. call('POST', '/consistency', { hideNewRunsForCalls: 2 }). */
  call(method: string, path: string, body?: unknown): Promise<unknown>;
}

export interface TestEmulator {
  url: string;
  client: AppflowClient;
  control: EmulatorControl;
  close(): Promise<void>;
}

export function appflowClient(url: string): AppflowClient {
  return new AppflowClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
    maxAttempts: 1,
  });
}

export function controlClient(url: string): EmulatorControl {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    call,
    reset: () => call('POST', '/reset', {}),
    seed: (body = {}) => call('POST', '/seed', body),
    faults: (body) => call('POST', '/faults', body),
    clearFaults: () => call('DELETE', '/faults'),
    requests: () => call('GET', '/requests') as ReturnType<EmulatorControl['requests']>,
    clearRequests: () => call('DELETE', '/requests'),
    advance: (seconds) => call('POST', '/clock/advance', { seconds }),
    runsOutcome: (body) => call('POST', '/runs/outcome', body),
  };
}

export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, quiet: true, ...opts });
  const client = appflowClient(emulator.url);
  return {
    url: emulator.url,
    client,
    control: controlClient(emulator.url),
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
}
