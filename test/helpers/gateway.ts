/**
 * A gateway (in process, answered through `yoga.fetch`) in front of a fresh emulator.
 */
import { type GatewayConfig, loadConfig } from '../../src/config.js';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from './emulator.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  emulator: TestEmulator;
  gateway: Gateway;
  /** POST a GraphQL document; returns the parsed response. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Upstream calls the emulator received since the last reset, by operation. */
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestGateway(
  options: {
    emulator?: EmulatorOptions;
    config?: Partial<GatewayConfig>;
    env?: Record<string, string>;
  } = {},
): Promise<TestGateway> {
  const emulator = await startTestEmulator(options.emulator);
  const config = loadConfig(
    {
      ALLOW_ANONYMOUS: 'true',
      LOG_LEVEL: 'silent',
      // Unpaced until throttled: the tests of call counts and critical paths are not about the
      // pace of a fresh process (test/unit/pace.test.ts and the adaptive tests are), which
      // would spread a 100-flow dashboard's calls over seconds.
      APPFLOW_INITIAL_RATE: '0',
      ...options.env,
    },
    { appflowEndpoint: emulator.url, embeddedEmulator: false, ...options.config },
  );
  const gateway = await createGateway(config);
  return {
    emulator,
    gateway,
    async query(query, variables, headers = {}) {
      const res = await gateway.yoga.fetch('http://test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async calls() {
      return (await emulator.control.requests()).byOperation;
    },
    async resetCalls() {
      await emulator.control.clearRequests();
    },
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}
