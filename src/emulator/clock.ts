/**
 * The emulator's clock: an injectable base clock (ms) plus an offset that the control API
 * (`POST /_emulator/clock/advance`) moves forward, so tests step time instead of sleeping.
 */
export class Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = Date.now) {}

  now(): number {
    return this.base() + this.offsetMs;
  }

  /** Back to the base clock (control API reset). */
  reset() {
    this.offsetMs = 0;
  }

  advance(seconds: number): number {
    this.offsetMs += seconds * 1000;
    return this.now();
  }
}

/** Epoch seconds (fractional) as rest-json sends timestamps. */
export const toSeconds = (ms: number) => ms / 1000;
