/**
 * One AppflowClient per process: region, endpoint and credentials from config, standard retries
 * of everything but throttles (the adaptive limiter queues those again: adaptive.ts), sockets
 * for as many calls as APPFLOW_MAX_CONCURRENCY allows, the call guards (per-viewer budget,
 * adaptive concurrency: guards.ts), and listeners of every finished call by operation and outcome.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AppflowClient } from '@aws-sdk/client-appflow';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryStrategyV2, StandardRetryToken } from '@smithy/types';
import type { GatewayConfig } from '../config.js';
import type { AdaptiveOptions } from './adaptive.js';
import {
  type CallMiddleware,
  CONCURRENCY_CAP,
  type ConcurrencyStats,
  installCallGuards,
} from './guards.js';
import { decodeResponsesByTheModel } from './model-response.js';
import { sendMembersTheSdkDoesNotKnow } from './model-wire.js';
import { DEFAULT_PACE } from './pace.js';
import { installInputValidation } from './validate-input.js';

// package-lock pins the last SDK 3.x line that supports Node 20; its notice that later
// releases need Node 22 is known (docs/operations.md) and only clutters logs. Opt back in with =false.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export type CallOutcome = 'ok' | string;

export type AppflowCallListener = (
  operation: string,
  outcome: CallOutcome,
  durationMs: number,
) => void;

export interface AppflowHandle {
  client: AppflowClient;
  /** Subscribe to every finished call (metrics, tests). */
  onCall(listener: AppflowCallListener): () => void;
  /**
   * Calls running now, waiting for a permit, the most ever running at once, the adaptive
   * window, throttles seen and the learned pace of throttled operations.
   */
  concurrency(): ConcurrencyStats;
  destroy(): void;
}

export function createAppflowClient(
  config: Pick<
    GatewayConfig,
    'region' | 'appflowEndpoint' | 'maxConcurrentAppflowCalls' | 'appflowMaxAttempts'
  > &
    Partial<
      Pick<GatewayConfig, 'appflowThrottleWaitMs' | 'appflowInitialRate' | 'appflowInitialBurst'>
    >,
  /** Tuning of the adaptive limiter (tests: a short memory of throttles). */
  adaptive?: Partial<AdaptiveOptions>,
): AppflowHandle {
  const client = new AppflowClient({
    region: config.region,
    endpoint: config.appflowEndpoint,
    retryStrategy: retryingAllButThrottles(config.appflowMaxAttempts),
    // The SDK's default is 50 sockets: 100 concurrent DescribeFlow calls would go in two waves.
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: config.maxConcurrentAppflowCalls }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: config.maxConcurrentAppflowCalls }),
    },
    // The emulator accepts any signature; real AWS uses the standard credential chain.
    ...(config.appflowEndpoint && !process.env.AWS_ACCESS_KEY_ID
      ? { credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } }
      : {}),
  });
  // The SDK's logger middleware copies every response through its sensitive-data filter for a
  // logger that discards it (the default no-op logger): ~0.15 ms per 100-flow ListFlows. The
  // gateway logs calls itself (listeners below, src/plugins/metrics.ts, tracing).
  client.middlewareStack.remove('loggerMiddleware');
  // Inputs and outputs follow the vendored model, which may be newer than the SDK's own.
  sendMembersTheSdkDoesNotKnow(client);
  decodeResponsesByTheModel(client);
  const concurrency = installCallGuards(client, {
    maxConcurrentCalls: config.maxConcurrentAppflowCalls,
    adaptive: {
      throttleWaitMs: config.appflowThrottleWaitMs,
      // A fresh process starts at a conservative pace and grows (./pace.ts).
      pace: {
        initialRate: config.appflowInitialRate ?? DEFAULT_PACE.initialRate,
        initialBurst: config.appflowInitialBurst ?? DEFAULT_PACE.initialBurst,
      },
      ...adaptive,
    },
  });
  // Outermost: an input outside the model's rules is never sent (./validate-input.ts).
  installInputValidation(client);
  const listeners = new Set<AppflowCallListener>();

  // Inside the guards (src/appflow/guards.ts): a refused call is no AppFlow call, and the
  // time spent waiting for a permit is not the call's.
  const reportCall: CallMiddleware = (next, context) => async (args) => {
    const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
    const started = performance.now();
    try {
      const result = await next(args);
      for (const l of listeners) l(operation, 'ok', performance.now() - started);
      return result;
    } catch (error) {
      const name = (error as Error)?.name ?? 'Error';
      for (const l of listeners) l(operation, name, performance.now() - started);
      throw error;
    }
  };
  client.middlewareStack.addRelativeTo(reportCall, {
    relation: 'after',
    toMiddleware: CONCURRENCY_CAP,
    name: 'appflowGatewayCallListeners',
  });

  return {
    client,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    concurrency,
    destroy: () => client.destroy(),
  };
}

/**
 * The SDK's standard retries (backoff, retry quota) for transient and server errors. A throttle
 * goes straight back to the adaptive limiter, which slows down and queues it again: retried
 * here, 100 throttled calls would drain the retry quota (5 of 500 tokens each) and fail.
 */
function retryingAllButThrottles(maxAttempts: number): RetryStrategyV2 {
  const standard = new StandardRetryStrategy(maxAttempts);
  return {
    acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) =>
      info.errorType === 'THROTTLING'
        ? Promise.reject(info.error)
        : standard.refreshRetryTokenForRetry(token as StandardRetryToken, info),
    recordSuccess: (token) => standard.recordSuccess(token as StandardRetryToken),
  };
}
