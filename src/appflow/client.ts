/**
 * One AppflowClient per process: region, endpoint and credentials from config, standard retry
 * mode, a cap on concurrent calls, and a counter of calls by operation and outcome.
 */
import { AppflowClient } from '@aws-sdk/client-appflow';
import pLimit from 'p-limit';
import type { GatewayConfig } from '../config.js';
import { sendMembersTheSdkDoesNotKnow } from './model-wire.js';

// package-lock pins the last SDK 3.x line that supports Node 20; its notice that later
// releases need Node 22 is known (README) and only clutters logs. Opt back in with =false.
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
  /** Calls running now, waiting for a permit, and the most ever running at once. */
  concurrency(): { active: number; pending: number; maxActive: number };
  destroy(): void;
}

export function createAppflowClient(
  config: Pick<
    GatewayConfig,
    'region' | 'appflowEndpoint' | 'maxConcurrentAppflowCalls' | 'appflowMaxAttempts'
  >,
): AppflowHandle {
  const client = new AppflowClient({
    region: config.region,
    endpoint: config.appflowEndpoint,
    maxAttempts: config.appflowMaxAttempts,
    retryMode: 'standard',
    // The emulator accepts any signature; real AWS uses the standard credential chain.
    ...(config.appflowEndpoint && !process.env.AWS_ACCESS_KEY_ID
      ? { credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' } }
      : {}),
  });
  // The SDK's logger middleware copies every response through its sensitive-data filter for a
  // logger that discards it (the default no-op logger): ~0.15 ms per 100-flow ListFlows. The
  // gateway logs calls itself (listeners below, src/plugins/metrics.ts, tracing).
  client.middlewareStack.remove('loggerMiddleware');
  // Inputs follow the vendored model, which may be newer than the SDK's own.
  sendMembersTheSdkDoesNotKnow(client);
  const limit = pLimit(config.maxConcurrentAppflowCalls);
  const listeners = new Set<AppflowCallListener>();
  let active = 0;
  let maxActive = 0;

  // Outermost step: one permit per logical call (retries included), timing and outcome.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
      return limit(async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        const started = performance.now();
        try {
          const result = await next(args);
          for (const l of listeners) l(operation, 'ok', performance.now() - started);
          return result;
        } catch (error) {
          const name = (error as Error)?.name ?? 'Error';
          for (const l of listeners) l(operation, name, performance.now() - started);
          throw error;
        } finally {
          active--;
        }
      });
    },
    { step: 'initialize', name: 'appflowGatewayLimit', priority: 'high' },
  );

  return {
    client,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    concurrency: () => ({ active, pending: limit.pendingCount, maxActive }),
    destroy: () => client.destroy(),
  };
}
