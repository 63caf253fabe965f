/**
 * The guards every AppFlow call passes before it is sent, installed once on the client by
 * createAppflowClient, outermost first:
 * 1. the call budget of the viewer whose operation is running (src/plugins/limits.ts puts it
 *    in scope): a call past the budget is refused here, ahead of the concurrency cap, so it
 *    takes no permit and is never counted as an AppFlow call;
 * 2. adaptive concurrency (./adaptive.ts): one permit per logical call (the SDK's retries of
 *    other errors included), a window that halves on ThrottlingException and grows back, paced
 *    per operation once AppFlow throttles it, served round robin between viewers; a throttled
 *    call is queued again here (the SDK does not retry throttles: client.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppflowClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-appflow';
import type { InitializeMiddleware } from '@smithy/types';
import { AdaptiveLimiter, type AdaptiveOptions, type LimiterStats } from './adaptive.js';

/** A middleware of the initialize step (the first one, before serialization and retries). */
export type CallMiddleware = InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;

/** A viewer's budget of AppFlow calls, in scope while that viewer's operation runs. */
export interface CallBudget {
  /** Take one call from the budget; false when it is spent. */
  take(): Promise<boolean>;
  /** The error a call past the budget fails with. */
  refusal(): Promise<Error>;
  /** Whose calls these are: the fair queue serves viewers in turn (default: one shared queue). */
  viewer?: string;
}

/** The budget of the operation running, carried through every await down to the SDK call. */
const budgets = new AsyncLocalStorage<CallBudget>();

/** Run `fn` with every AppFlow call it makes charged to `budget`. */
export function withCallBudget<T>(budget: CallBudget, fn: () => T): T {
  return budgets.run(budget, fn);
}

/** Name of the concurrency cap in the client's middleware stack (others attach around it). */
export const CONCURRENCY_CAP = 'appflowGatewayLimit';
/** Name of the per-viewer budget in the stack (the model validation runs before it). */
export const CALL_BUDGET = 'appflowGatewayCallBudget';

export type ConcurrencyStats = LimiterStats;

export function installCallGuards(
  client: AppflowClient,
  options: { maxConcurrentCalls: number; adaptive?: Partial<AdaptiveOptions> },
): () => ConcurrencyStats {
  const limiter = new AdaptiveLimiter({
    ...options.adaptive,
    maxConcurrency: options.maxConcurrentCalls,
  });
  const adaptiveCap: CallMiddleware = (next, context) => (args) =>
    limiter.run(
      String(context.commandName ?? 'Unknown').replace(/Command$/, ''),
      budgets.getStore()?.viewer ?? '',
      () => next(args),
    );
  client.middlewareStack.add(adaptiveCap, {
    step: 'initialize',
    name: CONCURRENCY_CAP,
    priority: 'high',
  });
  const refuseOverBudget: CallMiddleware = (next) => async (args) => {
    const budget = budgets.getStore();
    if (budget && !(await budget.take())) throw await budget.refusal();
    return next(args);
  };
  client.middlewareStack.addRelativeTo(refuseOverBudget, {
    relation: 'before',
    toMiddleware: CONCURRENCY_CAP,
    name: CALL_BUDGET,
  });
  return () => limiter.stats();
}
