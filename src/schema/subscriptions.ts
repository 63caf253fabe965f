/**
 * Live run status: `executionUpdated`, `flowRuns`, `flowStatusChanged`. Each is a thin stream
 * over the shared ExecutionStatusPoller (src/live/poller.ts): many subscribers, one poll.
 * Events are the read graph's own `Execution` and `Flow`, so linked fields can be selected.
 */
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import {
  ACTIVE_STATUSES,
  type FlowJson,
  flowFingerprint,
  type LiveFeed,
  type PollEvent,
  type RunJson,
  RunTracker,
  TERMINAL_STATUSES,
  type UpstreamError,
} from '../live/poller.js';
import type { ExecutionModel, FlowModel } from '../services/models.js';
import { builder } from './builder.js';
import { executionFromRecord, flowFromDescribe } from './flow.js';
import { ExecutionRef, FlowRef } from './refs.js';

const MAX_FLOWS_PER_SUBSCRIPTION = 100;
const NAME = /^[a-zA-Z0-9][\w!@#.-]+$/;

function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

function checkName(value: string, argument: string): string {
  if (value.length > 256 || !NAME.test(value)) {
    throw badInput(
      `${argument} must be 2 to 256 characters: letters, digits and _ ! @ # . - (got "${value.slice(0, 64)}").`,
      argument,
    );
  }
  return value;
}

function upstreamError(error: UpstreamError, flowName: string): GraphQLError {
  return new GraphQLError(
    error.code === 'NOT_FOUND' ? `Flow "${flowName}" was not found.` : error.message,
    { extensions: { code: error.code, flowName } },
  );
}

/** Which connection a subscription belongs to, for the per-connection limit. */
function connectionOf(ctx: GatewayContext): object | string {
  const c = ctx as GatewayContext & {
    extra?: { socket?: object };
    socket?: object;
    request?: Request;
  };
  if (c.extra?.socket) return c.extra.socket;
  if (c.socket) return c.socket;
  if (c.request) {
    // graphql-sse single-connection mode: every operation names its stream by token.
    const token =
      c.request.headers.get('x-graphql-event-stream-token') ??
      new URL(c.request.url, 'http://gateway').searchParams.get('token');
    return token ? `sse:${token}` : c.request;
  }
  return ctx;
}

function reserve(ctx: GatewayContext): () => void {
  const acquired = ctx.live.limits.acquire(connectionOf(ctx));
  if (typeof acquired === 'function') return acquired;
  throw new GraphQLError(
    acquired.exceeded === 'connection'
      ? `Too many subscriptions on this connection (at most ${acquired.limit}); close one first.`
      : `The gateway is at its subscription limit (${acquired.limit}); try again later.`,
    { extensions: { code: 'SUBSCRIPTION_LIMIT', limit: acquired.limit, scope: acquired.exceeded } },
  );
}

type Item<T> = T | GraphQLError;

/**
 * A subscription stream: the limit is taken when the subscription starts and given back when
 * the stream ends in any way (completion, client gone, error), even if it never started.
 */
function liveStream<T>(
  ctx: GatewayContext,
  run: (push: (item: Item<T>) => void, stop: Promise<unknown> & (() => void)) => Promise<void>,
): AsyncIterableIterator<Item<T>> {
  const release = reserve(ctx);
  const repeater = new Repeater<Item<T>>(async (push, stop) => {
    try {
      await run((item) => void push(item).catch(() => {}), stop as never);
      await stop;
    } finally {
      release();
    }
  });
  return {
    next: () =>
      repeater.next().then((r) => {
        if (r.done) release();
        return r;
      }),
    return: (value?: unknown) => {
      release();
      return repeater.return(value as never);
    },
    throw: (error?: unknown) => {
      release();
      return repeater.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Resolve a stream item: the event itself, or its error for this one event. */
function emit<T>(item: Item<T>): T {
  if (item instanceof GraphQLError) throw item;
  return item;
}

/** Wait for a feed's first snapshot, unless the stream stops first. */
async function firstSnapshot(feed: LiveFeed, stop: Promise<unknown>) {
  return Promise.race([feed.snapshot().catch(() => undefined), stop.then(() => undefined)]);
}

builder.subscriptionField('executionUpdated', (t) =>
  t.field({
    type: ExecutionRef,
    nullable: false,
    authScopes: { read: true },
    description:
      "A run's current state at once, then every change of its status or result; completes after " +
      'a terminal status (Successful, Error, Canceled). A run AppFlow does not list yet (just ' +
      'started) is waited for a bounded time, then the stream ends with NOT_FOUND.',
    args: {
      flowName: t.arg.string({ required: true, description: 'The name of the flow.' }),
      executionId: t.arg.string({ required: true, description: 'The run id StartFlow returned.' }),
    },
    subscribe: (_root, args, ctx) => {
      const flowName = checkName(args.flowName, 'flowName');
      const executionId = args.executionId;
      if (!executionId || executionId.length > 256) {
        throw badInput('executionId must be 1 to 256 characters.', 'executionId');
      }
      const { poller, visibilityTimeoutMs } = ctx.live;
      return liveStream<ExecutionModel>(ctx, async (push, stop) => {
        const tracker = new RunTracker();
        let ready = false;
        let seen = false;
        const pending: PollEvent[] = [];
        const deliver = (runs: readonly RunJson[]) => {
          for (const run of tracker.accept(runs.filter((r) => r.executionId === executionId))) {
            seen = true;
            push(executionFromRecord(flowName, run) as ExecutionModel);
            if (TERMINAL_STATUSES.has(run.executionStatus ?? '')) stop();
          }
        };
        const onEvent = (event: PollEvent) => {
          if (!ready) return void pending.push(event);
          if (event.kind !== 'runs') return;
          if (event.error) {
            if (!event.error.retryable) {
              push(upstreamError(event.error, flowName));
              stop();
            }
            return;
          }
          deliver(event.runs);
        };
        const feed = poller.watch('runs', flowName, onEvent);
        let notFound: NodeJS.Timeout | undefined;
        void stop.then(() => {
          clearTimeout(notFound);
          feed.close();
        });
        const snapshot = await firstSnapshot(feed, stop);
        if (snapshot?.kind !== 'runs') return;
        if (snapshot.error) {
          push(upstreamError(snapshot.error, flowName));
          return stop();
        }
        let run = snapshot.runs.find((r) => r.executionId === executionId);
        if (!run && snapshot.hasMore) {
          // Older than the polled page: look it up once (it is finished anyway).
          run = (await poller.findRun(flowName, executionId).catch(() => null)) ?? undefined;
        }
        ready = true;
        if (run) deliver([run]);
        for (const event of pending.splice(0)) onEvent(event);
        if (!seen) {
          // Not visible yet (eventual consistency right after StartFlow): poll fast meanwhile.
          feed.poke(visibilityTimeoutMs);
          notFound = setTimeout(() => {
            if (seen) return;
            push(
              new GraphQLError(
                `Run "${executionId}" of flow "${flowName}" was not found within ${Math.round(visibilityTimeoutMs / 1000)} s.`,
                { extensions: { code: 'NOT_FOUND', flowName, executionId } },
              ),
            );
            stop();
          }, visibilityTimeoutMs);
        }
      });
    },
    resolve: (item) => emit(item),
  }),
);

builder.subscriptionField('flowRuns', (t) =>
  t.field({
    type: ExecutionRef,
    nullable: false,
    authScopes: { read: true },
    description:
      "A flow's runs as they change: first its runs in progress, then every new run (scheduled " +
      'and event flows start runs by themselves) and every change of status or result, until ' +
      'the client leaves.',
    args: { flowName: t.arg.string({ required: true, description: 'The name of the flow.' }) },
    subscribe: (_root, args, ctx) => {
      const flowName = checkName(args.flowName, 'flowName');
      const { poller } = ctx.live;
      return liveStream<ExecutionModel>(ctx, async (push, stop) => {
        const tracker = new RunTracker();
        let ready = false;
        const pending: PollEvent[] = [];
        const onEvent = (event: PollEvent) => {
          if (!ready) return void pending.push(event);
          if (event.kind !== 'runs') return;
          if (event.error) {
            if (!event.error.retryable) {
              push(upstreamError(event.error, flowName));
              stop();
            }
            return;
          }
          // Oldest first, so a client sees runs in the order they happened.
          for (const run of tracker.accept([...event.runs].reverse())) {
            push(executionFromRecord(flowName, run) as ExecutionModel);
          }
        };
        const feed = poller.watch('runs', flowName, onEvent);
        void stop.then(() => feed.close());
        const snapshot = await firstSnapshot(feed, stop);
        if (snapshot?.kind !== 'runs') return;
        if (snapshot.error) {
          push(upstreamError(snapshot.error, flowName));
          return stop();
        }
        for (const run of tracker.accept([...snapshot.runs].reverse())) {
          if (ACTIVE_STATUSES.has(run.executionStatus ?? '')) {
            push(executionFromRecord(flowName, run) as ExecutionModel);
          }
        }
        ready = true;
        for (const event of pending.splice(0)) onEvent(event);
      });
    },
    resolve: (item) => emit(item),
  }),
);

builder.subscriptionField('flowStatusChanged', (t) =>
  t.field({
    type: FlowRef,
    nullable: false,
    authScopes: { read: true },
    description:
      'The flow, each time the status of one of these flows changes (Active, Suspended, ' +
      'Errored, ...). One shared DescribeFlow poller per flow.',
    args: {
      flowNames: t.arg.stringList({
        required: true,
        description: `The flows to watch (1 to ${MAX_FLOWS_PER_SUBSCRIPTION}).`,
      }),
    },
    subscribe: (_root, args, ctx) => {
      const names = [...new Set(args.flowNames)];
      if (names.length === 0 || names.length > MAX_FLOWS_PER_SUBSCRIPTION) {
        throw badInput(
          `flowNames must name 1 to ${MAX_FLOWS_PER_SUBSCRIPTION} flows.`,
          'flowNames',
        );
      }
      for (const name of names) checkName(name, 'flowNames');
      const { poller } = ctx.live;
      return liveStream<FlowModel>(ctx, async (push, stop) => {
        const known = new Map<string, string>();
        let ready = false;
        const pending: PollEvent[] = [];
        const onEvent = (event: PollEvent) => {
          if (!ready) return void pending.push(event);
          if (event.kind !== 'flow') return;
          if (event.error) {
            // A flow deleted meanwhile: say so once; the other flows keep streaming.
            if (!event.error.retryable && known.get(event.flowName) !== 'error') {
              known.set(event.flowName, 'error');
              push(upstreamError(event.error, event.flowName));
            }
            return;
          }
          const fingerprint = flowFingerprint(event.flow);
          if (!event.flow || known.get(event.flowName) === fingerprint) return;
          known.set(event.flowName, fingerprint);
          push(flowFromDescribe(event.flow as unknown as FlowJson as never));
        };
        const feeds = names.map((name) => poller.watch('flow', name, onEvent));
        void stop.then(() => {
          for (const feed of feeds) feed.close();
        });
        const snapshots = await Promise.all(feeds.map((feed) => firstSnapshot(feed, stop)));
        for (const [i, snapshot] of snapshots.entries()) {
          if (snapshot?.kind !== 'flow') return;
          if (snapshot.error) {
            push(upstreamError(snapshot.error, names[i]!));
            return stop();
          }
          known.set(names[i]!, flowFingerprint(snapshot.flow));
        }
        ready = true;
        for (const event of pending.splice(0)) onEvent(event);
      });
    },
    resolve: (item) => emit(item),
  }),
);
