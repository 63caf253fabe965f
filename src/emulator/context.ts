/**
 * What the HTTP layer (server.ts) and the control API (control.ts) share about one running
 * emulator. Its own file so that neither imports the other.
 */
import type { Clock } from './clock.js';
import type { EventEmitter } from './events.js';
import type { FaultInjector } from './faults.js';
import type { RateLimiter } from './limits.js';
import type { Persistence } from './persistence.js';
import type { Store } from './store.js';

export interface RequestCounters {
  total: number;
  byOperation: Record<string, number>;
  /** Requests answered 429 ThrottlingException (rate limits and throttle faults). */
  throttled: { total: number; byOperation: Record<string, number> };
}

export const emptyCounters = (): RequestCounters => ({
  total: 0,
  byOperation: {},
  throttled: { total: 0, byOperation: {} },
});

export interface EmulatorContext {
  store: Store;
  clock: Clock;
  faults: FaultInjector;
  limits: RateLimiter;
  counters: RequestCounters;
  /** AppFlow's EventBridge events to a target (events.ts). */
  events: EventEmitter;
  persistence?: Persistence;
  /** Save state if it changed and re-arm the timer; call after every mutation. */
  commit(): void;
}
