/**
 * What every resource model shares: the options, the clock, ARNs, the calling principal and the
 * change counter that persistence watches.
 */
import type { Clock } from '../clock.js';
import { validationError } from '../exceptions.js';

export interface StoreOptions {
  region: string;
  accountId: string;
  runSeconds: number;
  timeScale: number;
  clock: Clock;
}

/**
 * Where runs starting and ending, and flows deactivated, are told (../events.ts implements it
 * for runs.ts's RunRecord and flows.ts's FlowRecord; declared here so that no model imports it).
 */
export interface RunEventSink {
  runStarted(run: { executionId: string; flowName: string }): void;
  runEnded(run: { executionId: string; flowName: string }): void;
  flowDeactivated(flow: { flowName: string }): void;
}

export type ArnKind = 'flow' | 'connectorprofile' | 'connector';

export class ModelEnv {
  /** Bumped on every change; persistence saves when it moves. */
  version = 0;

  /** Where runs starting and ending, and flows deactivated, are told (EventBridge events). */
  events?: RunEventSink;

  /** Set while seed data is created as of a past time. */
  private backdatedToMs?: number;

  constructor(readonly opts: StoreOptions) {}

  get now(): number {
    return this.backdatedToMs ?? this.opts.clock.now();
  }

  /** Run `fn` as of the past time `atMs` (seed data: resources created before their runs). */
  backdated<T>(atMs: number, fn: () => T): T {
    if (atMs > this.opts.clock.now())
      throw validationError('Seed data cannot be created in the future');
    const previous = this.backdatedToMs;
    this.backdatedToMs = atMs;
    try {
      return fn();
    } finally {
      this.backdatedToMs = previous;
    }
  }

  touch() {
    this.version++;
  }

  get principal(): string {
    return `arn:aws:iam::${this.opts.accountId}:user/emulator`;
  }

  arn(kind: ArnKind, name: string): string {
    return `arn:aws:appflow:${this.opts.region}:${this.opts.accountId}:${kind}/${name}`;
  }
}
