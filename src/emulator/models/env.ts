/**
 * What every resource model shares: the options, the clock, ARNs, the calling principal and the
 * change counter that persistence watches.
 */
import type { Clock } from '../clock.js';

export interface StoreOptions {
  region: string;
  accountId: string;
  runSeconds: number;
  timeScale: number;
  clock: Clock;
}

export type ArnKind = 'flow' | 'connectorprofile' | 'connector';

export class ModelEnv {
  /** Bumped on every change; persistence saves when it moves. */
  version = 0;

  constructor(readonly opts: StoreOptions) {}

  get now(): number {
    return this.opts.clock.now();
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
