/**
 * Fault injection for the AWS operations (control API `POST /_emulator/faults`): throttling
 * (429 ThrottlingException), server errors (500 InternalServerException), added latency
 * with jitter, stalls (the emulator's thread blocked, as by a pathological regex), per operation or for all ('*'), with a probability and an optional count. Plus
 * a base latency for every request of a run (`--latency-ms`, `--latency-jitter-ms`,
 * `EmulatorOptions.latencyMs`), which control API resets keep.
 */
import { model } from '../model/model.js';
import { AwsError } from './exceptions.js';

export type FaultType = 'throttle' | 'error' | 'latency' | 'stall';

/** The longest stall a fault may ask for. */
const MAX_STALL_MS = 60_000;

/** Block this thread for `ms` without burning CPU: what a pathological regex or a huge
 * synchronous computation does to an event loop (stall faults). */
function stallThread(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface Fault {
  id: number;
  operation: string;
  type: FaultType;
  latencyMs?: number;
  /** Latency faults: each request waits latencyMs plus or minus up to jitterMs (uniform). */
  jitterMs?: number;
  /** Probability 0..1 that a matching request is affected (default 1). */
  rate: number;
  /** Requests left to affect; undefined = until cleared. */
  count?: number;
  message?: string;
  /** For `error` faults: any error type of the model (default InternalServerException). */
  errorType?: string;
}

export interface Latency {
  latencyMs: number;
  jitterMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FaultInjector {
  faults: Fault[] = [];
  private nextId = 1;

  constructor(
    /** Every request waits this long first (0 = none). */
    public baseLatency: Latency = { latencyMs: 0, jitterMs: 0 },
    private readonly random: () => number = Math.random,
  ) {
    checkLatency(baseLatency.latencyMs, baseLatency.jitterMs);
  }

  /** latency +- jitter, uniformly, never below 0. */
  private jittered(latencyMs: number, jitterMs: number): number {
    return Math.max(0, latencyMs + (this.random() * 2 - 1) * jitterMs);
  }

  /** The run's base latency (before limits and faults). */
  async delay() {
    const { latencyMs, jitterMs } = this.baseLatency;
    if (latencyMs > 0 || jitterMs > 0) await sleep(this.jittered(latencyMs, jitterMs));
  }

  add(spec: Record<string, unknown>): Fault {
    const type = spec.type;
    if (type !== 'throttle' && type !== 'error' && type !== 'latency' && type !== 'stall') {
      throw new Error("type must be 'throttle', 'error', 'latency' or 'stall'");
    }
    const rate = spec.rate === undefined ? 1 : Number(spec.rate);
    if (!(rate >= 0 && rate <= 1)) throw new Error('rate must be between 0 and 1');
    const count = spec.count === undefined || spec.count === null ? undefined : Number(spec.count);
    if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
      throw new Error('count must be a positive integer');
    }
    const latencyMs = spec.latencyMs === undefined ? undefined : Number(spec.latencyMs);
    if (type === 'latency' && !(latencyMs !== undefined && latencyMs >= 0)) {
      throw new Error('latency faults need latencyMs >= 0');
    }
    if (
      type === 'stall' &&
      !(latencyMs !== undefined && latencyMs >= 0 && latencyMs <= MAX_STALL_MS)
    ) {
      throw new Error(`stall faults need latencyMs between 0 and ${MAX_STALL_MS}`);
    }
    const jitterMs = spec.jitterMs === undefined ? undefined : Number(spec.jitterMs);
    if (jitterMs !== undefined) checkLatency(latencyMs ?? 0, jitterMs);
    const errorType = typeof spec.errorType === 'string' ? spec.errorType : undefined;
    if (errorType && !model.shapes[errorType]?.error) {
      throw new Error(`errorType ${errorType} is not an error of the AppFlow model`);
    }
    const fault: Fault = {
      id: this.nextId++,
      operation: typeof spec.operation === 'string' ? spec.operation : '*',
      type,
      latencyMs,
      jitterMs,
      rate,
      count,
      message: typeof spec.message === 'string' ? spec.message : undefined,
      errorType,
    };
    this.faults.push(fault);
    return fault;
  }

  clear() {
    this.faults = [];
  }

  async apply(operation: string) {
    for (const fault of [...this.faults]) {
      if (fault.operation !== '*' && fault.operation !== operation) continue;
      if (fault.rate < 1 && Math.random() >= fault.rate) continue;
      if (fault.count !== undefined) {
        fault.count--;
        if (fault.count <= 0) this.faults = this.faults.filter((f) => f !== fault);
      }
      if (fault.type === 'latency') {
        await sleep(this.jittered(fault.latencyMs ?? 0, fault.jitterMs ?? 0));
      } else if (fault.type === 'stall') {
        // The whole thread, not just this request: every other request waits too.
        stallThread(fault.latencyMs ?? 0);
      } else if (fault.type === 'throttle') {
        throw new AwsError('ThrottlingException', fault.message ?? 'Rate exceeded');
      } else {
        throw new AwsError(
          fault.errorType ?? 'InternalServerException',
          fault.message ?? 'An internal error occurred (injected fault)',
        );
      }
    }
  }
}

/** Throws Error when a latency setting is not usable. */
export function checkLatency(latencyMs: number, jitterMs: number) {
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) throw new Error('latencyMs must be >= 0');
  if (!(Number.isFinite(jitterMs) && jitterMs >= 0)) throw new Error('jitterMs must be >= 0');
}
