/**
 * Hostile queries: graphql-armor's depth, alias, cost, token and directive limits (each
 * rejection carries its own `extensions.code`), and a per-viewer budget of AppFlow calls per
 * minute (`RATE_LIMITED`). Both run inside envelop, so HTTP and WebSocket get them alike.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  TypeInfo,
  type ValueNode,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type CallBudget, withCallBudget } from '../appflow/guards.js';
import { DEFAULT_FIRST } from '../appflow/pagination.js';
import type { GatewayContext } from '../context.js';
import type { SharedRedis } from '../redis.js';
import { subscriptionCost } from './subscription-cost.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  /** Longest list given to a field argument. */
  maxListLength?: number;
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
      // "limit of 12 exceeded, found 14." -> "limit of 12 exceeded: 14." (a message with
      // " found " reads as a quoted input value to the redaction of input errors).
      error.message = error.message
        .replace(/^Syntax Error: /, '')
        .replace(/ exceeded, found ([\d.]+)\.$/, ' exceeded: $1.');
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
    // The cost is checked once the variables are known, with real page sizes: useListLimits.
    costLimit: { enabled: false },
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
 * has already spent the budget is refused whole (HTTP 429). A subscription takes what it costs
 * to start (subscriptionCost) from the same budget before it starts, on every transport, and
 * is refused with RATE_LIMITED when that is more than is left: 100 unknown flow names on one
 * socket made 2,000 DescribeFlow calls in 5 s against a budget of 30 a minute.
 */
export function useAppflowRateLimit(limiter: RateLimiter): Plugin<GatewayContext> {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const viewerId = (args.contextValue as GatewayContext).viewer?.id ?? 'anonymous';
      setSubscribeFn(async (a) => {
        const cost = subscriptionCost(a);
        if ((await limiter.remaining(viewerId)) < cost) {
          return { errors: [await rateLimitedError(limiter, viewerId, true)] };
        }
        for (let i = 0; i < cost; i++) {
          if (!(await limiter.take(viewerId))) {
            return { errors: [await rateLimitedError(limiter, viewerId, true)] };
          }
        }
        return subscribeFn(a);
      });
    },
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

/** The longest list a field argument may be given (`nodes(ids:)`, `flowNames`, ...). */
export const DEFAULT_MAX_LIST_LENGTH = 100;

/** How many fields one item of this selection asks for (itself included), fragments inlined. */
function selectionSize(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): number {
  if (!selectionSet) return 1;
  let n = 1;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) n += selectionSize(s.selectionSet, fragments, seen);
    else if (s.kind === Kind.INLINE_FRAGMENT)
      n += selectionSize(s.selectionSet, fragments, seen) - 1;
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments[s.name.value];
      if (f) n += selectionSize(f.selectionSet, fragments, seen) - 1;
    }
  }
  return n;
}

/** AppFlow's largest page of runs (DescribeFlowExecutionRecords maxResults). */
const RUNS_PER_CALL = 100;

/**
 * The query cost, graphql-armor's formula (objects 2, scalars 1, x1.5 a level, x the page size
 * of a list) with the page sizes the gateway will really use: graphql-armor alone multiplies
 * only by a literal `first`/`last`, so a page size given as a variable (how typed clients and
 * the dashboard send it) or left to the server's default (20) cost as one item, and it
 * multiplied `runStats(last: 500)`, one object read from 5 AppFlow pages, by 500. Here every
 * connection counts its page size (literal, variable or default) and `runStats` the AppFlow
 * pages it reads. A copy of the document with those numbers written in is costed by armor's own
 * rule; a document whose page sizes are all literals or defaults is costed once.
 */
const fixedPageCosts = new WeakMap<DocumentNode, GraphQLError | null>();
function pageCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  maxCost: number,
  pageSizeVariables: boolean,
): GraphQLError | undefined {
  if (!pageSizeVariables) {
    const known = fixedPageCosts.get(document);
    if (known !== undefined) return known ?? undefined;
  }
  const typeInfo = new TypeInfo(schema);
  const costed = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        const pageArg = def?.args.find((a) => a.name === 'first' || a.name === 'last');
        if (!def || !pageArg || !node.selectionSet) return undefined;
        const given = node.arguments?.find(
          (a) => a.name.value === 'first' || a.name.value === 'last',
        );
        let size: number | undefined;
        if (given?.value.kind === Kind.INT) size = Number(given.value.value);
        else if (given?.value.kind === Kind.VARIABLE) {
          const value = variables[given.value.name.value];
          if (typeof value === 'number') size = value;
        }
        size ??= typeof pageArg.defaultValue === 'number' ? pageArg.defaultValue : DEFAULT_FIRST;
        if (def.name === 'runStats') size = Math.ceil(size / RUNS_PER_CALL);
        const page: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: { kind: Kind.INT, value: String(Math.max(1, size)) },
        };
        const others = (node.arguments ?? []).filter((a) => a !== given);
        return { ...node, arguments: [...others, page] };
      },
    }),
  );
  const refusals: GraphQLError[] = [];
  validate(schema, costed, [
    costLimitRule({
      maxCost,
      propagateOnRejection: false,
      onReject: [...coded(LIMIT_CODES.costLimit), (_ctx, error) => refusals.push(error)],
    }),
  ]);
  if (!pageSizeVariables) fixedPageCosts.set(document, refusals[0] ?? null);
  return refusals[0];
}

/** A list given to a field argument: a literal's length, or the variable that holds it. */
interface ListArgument {
  field: string;
  argument: string;
  length: number;
  variable?: string;
  /** What one item costs: the size of the field's selection. */
  size: number;
}

/**
 * What the list checks need of a document, read once per parsed document (Yoga reuses the
 * parsed document of a query text it has seen): its list arguments, and whether a page size
 * (`first`/`last`) comes from a variable.
 */
const listShapes = new WeakMap<
  DocumentNode,
  { lists: ListArgument[]; pageSizeVariables: boolean }
>();
function listShapeOf(document: DocumentNode) {
  const known = listShapes.get(document);
  if (known) return known;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  }
  const shape = { lists: [] as ListArgument[], pageSizeVariables: false };
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) {
        const value: ValueNode = arg.value;
        const name = arg.name.value;
        if ((name === 'first' || name === 'last') && value.kind === Kind.VARIABLE) {
          shape.pageSizeVariables = true;
        }
        if (value.kind !== Kind.LIST && value.kind !== Kind.VARIABLE) continue;
        shape.lists.push({
          field: field.name.value,
          argument: name,
          length: value.kind === Kind.LIST ? value.values.length : 0,
          variable: value.kind === Kind.VARIABLE ? value.name.value : undefined,
          size: selectionSize(field.selectionSet, fragments),
        });
      }
    },
  });
  listShapes.set(document, shape);
  return shape;
}

/**
 * List arguments are capped and counted (defect 6: `nodes(ids:)` with 20,000 forged ids made
 * 20,000 AppFlow calls from one request). Every list given directly to a field argument, as a
 * literal or through a variable, may have at most `maxListLength` items (LIST_TOO_LONG), and
 * each item costs what the field's selection costs: the sum over such arguments of
 * length x selection size must stay within `maxCost` (QUERY_TOO_COMPLEX). Checked once the
 * variables are known, before anything executes, on every transport.
 */
export function useListLimits(limits: { maxListLength: number; maxCost: number }): Plugin {
  const refuse = (message: string, code: string) =>
    new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
  }) => {
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const shape = listShapeOf(args.document);
    let cost = 0;
    for (const list of shape.lists) {
      const value = list.variable === undefined ? undefined : variables[list.variable];
      const length =
        list.variable === undefined ? list.length : Array.isArray(value) ? value.length : undefined;
      if (length === undefined) continue;
      if (length > limits.maxListLength) {
        return refuse(
          `Argument "${list.argument}" of "${list.field}" has ${length} items; at most ${limits.maxListLength}.`,
          'LIST_TOO_LONG',
        );
      }
      cost += length * list.size;
    }
    const pageSizeError = pageCostError(
      args.schema,
      args.document,
      variables,
      limits.maxCost,
      shape.pageSizeVariables,
    );
    if (pageSizeError) return pageSizeError;
    if (cost > limits.maxCost) {
      return refuse(
        `Query cost of its list arguments (${cost}) exceeds the maximum (${limits.maxCost}).`,
        LIMIT_CODES.costLimit,
      );
    }
    return undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
