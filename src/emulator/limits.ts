/**
 * Token-bucket rate limits per AppFlow operation (control API `/_emulator/limits`, the
 * `--limits` CLI flag, `EmulatorOptions.limits`). A request takes one token from its
 * operation's bucket; an empty bucket answers 429 ThrottlingException, as AWS does. A rule for
 * `*` applies to every operation without a rule of its own, each operation with its own bucket
 * (AWS throttles per API and account). Buckets refill on the injectable clock, so tests step
 * time instead of sleeping.
 */
import { model } from '../model/model.js';
import { AwsError } from './exceptions.js';

export interface LimitRule {
  /** An operation of the model, or `*` for every operation without a rule of its own. */
  operation: string;
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: how many requests may come at once after a quiet spell. */
  burst: number;
}

/**
 * `{"preset": "aws"}`: AWS publishes no per-operation API rates for AppFlow. Its quotas
 * (Amazon AppFlow endpoints and quotas in the AWS General Reference; the user guide) are
 * 1,000 flows per account, 10 million flow runs a month, 1,000 concurrent runs and 100
 * connector profiles, and API throttling shows as 429 "Too Many Requests" on bursts of
 * CreateFlow (cdklabs/cdk-appflow issue #107). So this preset is a plausible default in the
 * shape AWS uses for control-plane APIs, not a published number: reads (Describe*, List*)
 * 10 per second with bursts of 20, everything else 2 per second with bursts of 5.
 */
export function awsPreset(): LimitRule[] {
  return Object.keys(model.operations).map((operation) =>
    /^(Describe|List)/.test(operation)
      ? { operation, ratePerSecond: 10, burst: 20 }
      : { operation, ratePerSecond: 2, burst: 5 },
  );
}

export const LIMIT_PRESETS: Record<string, () => LimitRule[]> = { aws: awsPreset };

/** A rule from control API / CLI input; throws Error with a message for the caller. */
export function parseRule(spec: Record<string, unknown>): LimitRule {
  const operation = spec.operation ?? '*';
  if (typeof operation !== 'string' || (operation !== '*' && !model.operations[operation])) {
    throw new Error(`operation must be '*' or an AppFlow operation, got ${String(operation)}`);
  }
  const ratePerSecond = Number(spec.ratePerSecond);
  if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
    throw new Error('ratePerSecond must be a number > 0');
  }
  const burst =
    spec.burst === undefined ? Math.max(1, Math.ceil(ratePerSecond)) : Number(spec.burst);
  if (!(Number.isInteger(burst) && burst >= 1)) throw new Error('burst must be an integer >= 1');
  return { operation, ratePerSecond, burst };
}

/** `aws` or `Operation:rate[:burst]` entries separated by commas (`*:5:10,StartFlow:1`). */
export function parseLimitsFlag(value: string): LimitRule[] {
  return value.split(',').flatMap((part) => {
    const entry = part.trim();
    if (LIMIT_PRESETS[entry]) return LIMIT_PRESETS[entry]();
    const [operation, rate, burst] = entry.split(':');
    return [parseRule({ operation, ratePerSecond: rate, burst })];
  });
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

export class RateLimiter {
  private rules = new Map<string, LimitRule>();
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly now: () => number,
    /** The rules a reset goes back to (from the options or the CLI). */
    private readonly initial: LimitRule[] = [],
  ) {
    this.reset();
  }

  set(rule: LimitRule) {
    this.rules.set(rule.operation, rule);
    // A new rule starts with full buckets for the operations it now covers.
    for (const op of [...this.buckets.keys()]) {
      if (this.ruleFor(op) === rule) this.buckets.delete(op);
    }
  }

  clear() {
    this.rules.clear();
    this.buckets.clear();
  }

  reset() {
    this.clear();
    for (const rule of this.initial) this.set(rule);
  }

  private ruleFor(operation: string): LimitRule | undefined {
    return this.rules.get(operation) ?? this.rules.get('*');
  }

  private bucket(operation: string, rule: LimitRule): Bucket {
    const now = this.now();
    let b = this.buckets.get(operation);
    if (!b) {
      b = { tokens: rule.burst, updatedAtMs: now };
      this.buckets.set(operation, b);
    }
    const elapsed = Math.max(0, now - b.updatedAtMs) / 1000;
    b.tokens = Math.min(rule.burst, b.tokens + elapsed * rule.ratePerSecond);
    b.updatedAtMs = now;
    return b;
  }

  /** Take a token for `operation`, or throw ThrottlingException. */
  take(operation: string) {
    const rule = this.ruleFor(operation);
    if (!rule) return;
    const b = this.bucket(operation, rule);
    if (b.tokens < 1) throw new AwsError('ThrottlingException', 'Rate exceeded');
    b.tokens -= 1;
  }

  /** The rules, with the tokens left in each operation's bucket. */
  list() {
    return [...this.rules.values()].map((rule) => ({
      ...rule,
      tokens: Object.fromEntries(
        [...this.buckets.keys()]
          .filter((op) => this.ruleFor(op) === rule)
          .map((op) => [op, Math.floor(this.bucket(op, rule).tokens * 1000) / 1000]),
      ),
    }));
  }
}
