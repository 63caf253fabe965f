/**
 * clientToken idempotency for Create/Update/Register/Start calls. The API reference: the token
 * "is active for 8 hours"; the same token with the same parameters returns the first answer;
 * with different parameters it is an error, except where an operation documents otherwise
 * (StartFlow: no error for on-demand flows, see `allowsDifferentInput`).
 */

import { conflict } from '../exceptions.js';
import type { JsonValue } from '../json.js';
import { hashOf } from '../pagination.js';
import type { ModelEnv } from './env.js';

/** The model documentation of every clientToken member: "The token is active for 8 hours." */
export const IDEMPOTENCY_MS = 8 * 3600 * 1000;

export interface IdempotencyRecord {
  hash: string;
  response: JsonValue;
  expiresAtMs: number;
}

export interface IdempotencyRule<R> {
  /** What identifies "the same parameters" (default: the whole input without clientToken). */
  parameters?: unknown;
  /** A different input under a token already used is not an error when this says so. */
  allowsDifferentInput?: (previous: R) => boolean;
}

export class IdempotencyModel {
  records = new Map<string, IdempotencyRecord>();

  constructor(private readonly env: ModelEnv) {}

  /**
   * Run `operation` once per (operation name, clientToken) within 8 hours. `run` validates
   * before it changes anything, so a refused call remembers nothing.
   */
  run<R extends JsonValue, I extends { clientToken?: string }>(
    op: string,
    input: I,
    run: () => R,
    rule: IdempotencyRule<R> = {},
  ): R {
    const token = input.clientToken;
    if (!token) return run();
    const key = `${op}:${token}`;
    const { clientToken: _token, ...rest } = input;
    const hash = hashOf(rule.parameters ?? rest);
    const previous = this.records.get(key);
    if (previous && previous.expiresAtMs > this.env.now) {
      if (previous.hash === hash) return previous.response as R;
      if (!rule.allowsDifferentInput?.(previous.response as R)) {
        throw conflict(
          `The clientToken was already used with different parameters for ${op} in the last 8 hours`,
        );
      }
    }
    const response = run();
    this.remember(key, hash, response);
    return response;
  }

  private remember(key: string, hash: string, response: JsonValue) {
    const now = this.env.now;
    for (const [k, r] of this.records) if (r.expiresAtMs <= now) this.records.delete(k);
    this.records.set(key, { hash, response, expiresAtMs: now + IDEMPOTENCY_MS });
    this.env.touch();
  }

  clear() {
    this.records.clear();
  }
}
