/**
 * Fault injection for the AWS operations (control API `POST /_emulator/faults`): throttling
 * (429 ThrottlingException), server errors (500 InternalServerException) and added latency,
 * per operation or for all ('*'), with a probability and an optional count.
 */
import { model } from '../model/model.js';
import { AwsError } from './exceptions.js';

export type FaultType = 'throttle' | 'error' | 'latency';

export interface Fault {
  id: number;
  operation: string;
  type: FaultType;
  latencyMs?: number;
  /** Probability 0..1 that a matching request is affected (default 1). */
  rate: number;
  /** Requests left to affect; undefined = until cleared. */
  count?: number;
  message?: string;
  /** For `error` faults: any error type of the model (default InternalServerException). */
  errorType?: string;
}

export class FaultInjector {
  faults: Fault[] = [];
  private nextId = 1;

  add(spec: Record<string, unknown>): Fault {
    const type = spec.type;
    if (type !== 'throttle' && type !== 'error' && type !== 'latency') {
      throw new Error("type must be 'throttle', 'error' or 'latency'");
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
    const errorType = typeof spec.errorType === 'string' ? spec.errorType : undefined;
    if (errorType && !model.shapes[errorType]?.error) {
      throw new Error(`errorType ${errorType} is not an error of the AppFlow model`);
    }
    const fault: Fault = {
      id: this.nextId++,
      operation: typeof spec.operation === 'string' ? spec.operation : '*',
      type,
      latencyMs,
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
        await new Promise((r) => setTimeout(r, fault.latencyMs));
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
