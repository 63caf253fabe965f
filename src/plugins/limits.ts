/**
 * Hostile queries: graphql-armor's depth, alias, cost, token and directive limits (each
 * rejection carries its own `extensions.code`), and a per-viewer budget of AppFlow calls per
 * minute (`RATE_LIMITED`). Both run inside envelop, so HTTP and WebSocket get them alike.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type CallBudget, withCallBudget } from '../appflow/guards.js';
import type { GatewayContext } from '../context.js';
import type { SharedRedis } from '../redis.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // The dashboard query (100 flows with profiles, connectors and 5 runs) costs about 75k.
  maxCost: 150_000,
  maxTokens: 3_000,
  maxDirectives: 50,
};

/** The `extensions.code` of each armor rejection. */
export const LIMIT_CODES = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  costLimit: 'QUERY_TOO_COMPLEX',
  maxTokens: 'TOO_MANY_TOKENS',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
} as const;

function coded(code: string) {
  // Armor builds plain GraphQLErrors; give each one its stable code before it is reported.
  return [
    (_ctx: unknown, error: GraphQLError) => {
      // Armor words every refusal as a "Syntax Error"; the query is well-formed, it is too big.
      error.message = error.message.replace(/^Syntax Error: /, '');
      Object.assign(error.extensions as Record<string, unknown>, {
        code,
        http: { status: 400 },
      });
    },
  ];
}

export function useQueryLimits(limits: QueryLimits, options: { hideSuggestions: boolean }) {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, onReject: coded(LIMIT_CODES.maxDepth) },
    maxAliases: { n: limits.maxAliases, onReject: coded(LIMIT_CODES.maxAliases) },
    costLimit: { maxCost: limits.maxCost, onReject: coded(LIMIT_CODES.costLimit) },
    maxTokens: { n: limits.maxTokens, onReject: coded(LIMIT_CODES.maxTokens) },
    maxDirectives: { n: limits.maxDirectives, onReject: coded(LIMIT_CODES.maxDirectives) },
    // "Did you mean ...?" would reveal the schema when introspection is off.
    blockFieldSuggestion: { enabled: options.hideSuggestions },
  }) as Plugin;
}

/** A per-viewer budget of AppFlow calls per minute. */
export interface RateLimiter {
  readonly perMinute: number;
  /** Take one call from the viewer's budget; false when it is spent. */
  take(id: string): Promise<boolean>;
  remaining(id: string): Promise<number>;
  /** Seconds until the viewer's window resets. */
  retryAfter(id: string): Promise<number>;
}

/** Fixed one-minute windows of AppFlow calls per viewer, in this process. */
export class AppflowRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private window(id: string) {
    const now = this.now();
    let w = this.windows.get(id);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(id, w);
    }
    return w;
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }

  async take(id: string): Promise<boolean> {
    const w = this.window(id);
    if (w.count >= this.perMinute) return false;
    w.count++;
    return true;
  }

  async remaining(id: string): Promise<number> {
    return Math.max(0, this.perMinute - this.window(id).count);
  }

  async retryAfter(id: string): Promise<number> {
    return Math.max(1, Math.ceil((this.window(id).start + 60_000 - this.now()) / 1000));
  }
}

/**
 * The same budget shared by every replica (REDIS_URL): one counter per viewer and clock minute
 * in Redis (INCR, expiring with its minute), so N replicas do not allow N budgets. While Redis
 * is unavailable each replica counts for itself: a budget per replica, never a stall.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly local: AppflowRateLimiter;

  constructor(
    readonly perMinute: number,
    private readonly redis: SharedRedis,
    private readonly prefix = 'appflow-gateway:rate:',
    private readonly now: () => number = Date.now,
  ) {
    this.local = new AppflowRateLimiter(perMinute, now);
  }

  private key(id: string) {
    return `${this.prefix}${id}:${Math.floor(this.now() / 60_000)}`;
  }

  async take(id: string): Promise<boolean> {
    const key = this.key(id);
    if (!this.redis.available) return this.local.take(id);
    try {
      const count = await this.redis.call((r) => r.incr(key));
      if (count === 1) await this.redis.call((r) => r.pexpire(key, 61_000));
      return count <= this.perMinute;
    } catch {
      return this.local.take(id);
    }
  }

  async remaining(id: string): Promise<number> {
    if (!this.redis.available) return this.local.remaining(id);
    try {
      const used = await this.redis.call((r) => r.get(this.key(id)));
      return Math.max(0, this.perMinute - Number(used ?? 0));
    } catch {
      return this.local.remaining(id);
    }
  }

  async retryAfter(): Promise<number> {
    const now = this.now();
    return Math.max(1, Math.ceil(((Math.floor(now / 60_000) + 1) * 60_000 - now) / 1000));
  }
}

export async function rateLimitedError(limiter: RateLimiter, id: string, whole: boolean) {
  const retryAfterSeconds = await limiter.retryAfter(id);
  return new GraphQLError(
    `Rate limit reached: at most ${limiter.perMinute} AppFlow calls per minute; retry in ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        ...(whole
          ? { http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } } }
          : {}),
      },
    },
  );
}

/**
 * Runs queries and mutations with the viewer's call budget in scope; an operation whose viewer
 * has already spent the budget is refused whole (HTTP 429). Subscriptions are not charged:
 * their pollers are shared by every subscriber.
 */
export function useAppflowRateLimit(limiter: RateLimiter): Plugin<GatewayContext> {
  return {
    async onExecute({ args, executeFn, setExecuteFn, setResultAndStopExecution }) {
      const viewerId = (args.contextValue as GatewayContext).viewer?.id ?? 'anonymous';
      if ((await limiter.remaining(viewerId)) <= 0) {
        setResultAndStopExecution({ errors: [await rateLimitedError(limiter, viewerId, true)] });
        return;
      }
      // Each AppFlow call of the operation is charged (and refused past the budget) by the
      // client's call guards: src/appflow/guards.ts.
      const budget: CallBudget = {
        take: () => limiter.take(viewerId),
        refusal: () => rateLimitedError(limiter, viewerId, false),
        viewer: viewerId,
      };
      setExecuteFn((a) => withCallBudget(budget, () => executeFn(a)));
    },
  };
}
