/**
 * The guards every AppFlow call passes before it is sent, installed once on the client by
 * createAppflowClient, outermost first:
 * 1. the call budget of the viewer whose operation is running (src/plugins/limits.ts puts it
 *    in scope): a call past the budget is refused here, ahead of the concurrency cap, so it
 *    takes no permit and is never counted as an AppFlow call;
 * 2. a cap on concurrent calls: one permit per logical call, the SDK's retries included.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppflowClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-appflow';
import type { InitializeMiddleware } from '@smithy/types';
import pLimit from 'p-limit';

/** A middleware of the initialize step (the first one, before serialization and retries). */
export type CallMiddleware = InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;

/** A viewer's budget of AppFlow calls, in scope while that viewer's operation runs. */
export interface CallBudget {
  /** Take one call from the budget; false when it is spent. */
  take(): Promise<boolean>;
  /** The error a call past the budget fails with. */
  refusal(): Promise<Error>;
}

/** The budget of the operation running, carried through every await down to the SDK call. */
const budgets = new AsyncLocalStorage<CallBudget>();

/** Run `fn` with every AppFlow call it makes charged to `budget`. */
export function withCallBudget<T>(budget: CallBudget, fn: () => T): T {
  return budgets.run(budget, fn);
}

/** Name of the concurrency cap in the client's middleware stack (others attach around it). */
export const CONCURRENCY_CAP = 'appflowGatewayLimit';

export interface ConcurrencyStats {
  /** Calls running now. */
  active: number;
  /** Calls waiting for a permit. */
  pending: number;
  /** The most calls ever running at once. */
  maxActive: number;
}

export function installCallGuards(
  client: AppflowClient,
  options: { maxConcurrentCalls: number },
): () => ConcurrencyStats {
  const limit = pLimit(options.maxConcurrentCalls);
  let active = 0;
  let maxActive = 0;
  client.middlewareStack.add(
    (next) => (args) =>
      limit(async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          return await next(args);
        } finally {
          active--;
        }
      }),
    { step: 'initialize', name: CONCURRENCY_CAP, priority: 'high' },
  );
  const refuseOverBudget: CallMiddleware = (next) => async (args) => {
    const budget = budgets.getStore();
    if (budget && !(await budget.take())) throw await budget.refusal();
    return next(args);
  };
  client.middlewareStack.addRelativeTo(refuseOverBudget, {
    relation: 'before',
    toMiddleware: CONCURRENCY_CAP,
    name: 'appflowGatewayCallBudget',
  });
  return () => ({ active, pending: limit.pendingCount, maxActive });
}
