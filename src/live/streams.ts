/**
 * Subscription streams over the shared poller. Every one is "first state, then events"
 * (`firstStateThenEvents`): it takes a subscription from the limits when it starts, opens its
 * feeds, holds their events until every feed's first result is in (the subscriber's baseline),
 * then streams changes; the limit is given back however the stream ends (completion, client
 * gone, error), even if it never started. `LiveStreams` defines the graph's three streams with
 * it; their items are plain JSON runs and flows (src/schema/subscriptions.ts maps them to the
 * graph's types) or GraphQL errors for one event.
 */
import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import type { SubscriptionLimits } from './limits.js';
import type { FlowPoller, LiveFeed } from './poller.js';
import {
  ACTIVE_STATUSES,
  type FlowJson,
  FlowStatusTracker,
  type PolledFlow,
  type PolledRuns,
  type PollResult,
  type RunJson,
  RunTracker,
  TERMINAL_STATUSES,
  type UpstreamError,
} from './tracker.js';

export type StreamItem<T> = T | GraphQLError;

export interface StreamOut<T> {
  /** Send an item, or an error for this one event. */
  push(item: StreamItem<T>): void;
  /** Send an error and end the stream. */
  fail(error: GraphQLError): void;
  end(): void;
  /** Run when the stream ends, however it ends. */
  onEnd(cleanup: () => void): void;
}

type EventOf<R extends PollResult> = R & { full: boolean };

export interface StreamSpec<T, R extends PollResult> {
  /** Open the feeds; their events go to `onEvent`. */
  open(onEvent: (event: EventOf<R>) => void): LiveFeed<R>[];
  /** The feeds' first results, in order, none failed: the subscriber's baseline. */
  baseline(first: R[], out: StreamOut<T>): void | Promise<void>;
  /** Called once the events held during the baseline were handled. */
  live?(out: StreamOut<T>, feeds: LiveFeed<R>[]): void;
  /** A change after the baseline (retryable failures never get here: they pause events). */
  change(event: EventOf<R>, out: StreamOut<T>): void;
  /** A non-retryable upstream failure after the baseline; by default sent, ending the stream. */
  failed?(error: UpstreamError, flowName: string, out: StreamOut<T>): void;
}

export function upstreamError(error: UpstreamError, flowName: string): GraphQLError {
  return new GraphQLError(
    error.code === 'NOT_FOUND' ? `Flow "${flowName}" was not found.` : error.message,
    { extensions: { code: error.code, flowName } },
  );
}

/** A stream of `spec`'s items, holding the subscription `release` gives back when it ends. */
export function firstStateThenEvents<T, R extends PollResult>(
  release: () => void,
  spec: StreamSpec<T, R>,
): AsyncIterableIterator<StreamItem<T>> {
  const repeater = new Repeater<StreamItem<T>>(async (push, stop) => {
    const cleanups: (() => void)[] = [];
    let ended = false;
    let ready = false;
    const held: EventOf<R>[] = [];
    const out: StreamOut<T> = {
      push: (item) => {
        if (!ended) void push(item).catch(() => {});
      },
      fail: (error) => {
        out.push(error);
        out.end();
      },
      end: () => {
        if (ended) return;
        ended = true;
        stop();
      },
      onEnd: (cleanup) => void cleanups.push(cleanup),
    };
    const onEvent = (event: EventOf<R>) => {
      if (ended) return;
      if (!ready) return void held.push(event);
      if (!event.error) return spec.change(event, out);
      if (event.error.retryable) return;
      if (spec.failed) spec.failed(event.error, event.flowName, out);
      else out.fail(upstreamError(event.error, event.flowName));
    };
    const feeds = spec.open(onEvent);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      ended = true;
      for (const feed of feeds) feed.close();
      for (const cleanup of cleanups.splice(0)) cleanup();
      release();
    };
    void stop.then(finish);
    const begin = async () => {
      const first = await Promise.race([
        Promise.all(feeds.map((feed) => feed.latest())).catch(() => undefined),
        stop.then(() => undefined),
      ]);
      if (!first || ended) return;
      const failed = first.find((result) => result.error);
      if (failed?.error) return out.fail(upstreamError(failed.error, failed.flowName));
      await spec.baseline(first, out);
      if (ended) return;
      ready = true;
      for (const event of held.splice(0)) onEvent(event);
      if (!ended) spec.live?.(out, feeds);
    };
    try {
      await begin();
      await stop;
    } finally {
      finish();
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

/** The graph's live streams. */
export class LiveStreams {
  constructor(
    private readonly poller: FlowPoller,
    private readonly limits: SubscriptionLimits,
    /** How long `runUpdates` waits for a run id AppFlow does not show yet. */
    readonly visibilityTimeoutMs: number,
  ) {}

  /** One run's current state, then each change; ends after a terminal status. */
  runUpdates(
    flowName: string,
    executionId: string,
    connection: object | string,
  ): AsyncIterableIterator<StreamItem<RunJson>> {
    const tracker = new RunTracker();
    let seen = false;
    const deliver = (runs: readonly RunJson[], out: StreamOut<RunJson>) => {
      for (const run of tracker.accept(runs.filter((r) => r.executionId === executionId))) {
        seen = true;
        out.push(run);
        if (TERMINAL_STATUSES.has(run.executionStatus ?? '')) out.end();
      }
    };
    return firstStateThenEvents<RunJson, PolledRuns>(this.limits.reserve(connection), {
      open: (onEvent) => [this.poller.watch('runs', flowName, onEvent)],
      baseline: async ([first], out) => {
        let run = first!.runs.find((r) => r.executionId === executionId);
        if (!run && first!.hasMore) {
          // Older than the polled page: look it up once (it is finished anyway).
          run = (await this.poller.findRun(flowName, executionId).catch(() => null)) ?? undefined;
        }
        if (run) deliver([run], out);
      },
      live: (out, [feed]) => {
        if (seen) return;
        // Not visible yet (eventual consistency right after StartFlow): poll fast meanwhile.
        const waitMs = this.visibilityTimeoutMs;
        feed!.poke(waitMs);
        const timer = setTimeout(() => {
          if (seen) return;
          out.fail(
            new GraphQLError(
              `Run "${executionId}" of flow "${flowName}" was not found within ${Math.round(waitMs / 1000)} s.`,
              { extensions: { code: 'NOT_FOUND', flowName, executionId } },
            ),
          );
        }, waitMs);
        out.onEnd(() => clearTimeout(timer));
      },
      change: (event, out) => deliver(event.runs, out),
    });
  }

  /** A flow's runs in progress, then every new run and every change, until the client leaves. */
  flowRuns(
    flowName: string,
    connection: object | string,
  ): AsyncIterableIterator<StreamItem<RunJson>> {
    const tracker = new RunTracker();
    // Oldest first, so a client sees runs in the order they happened.
    const news = (runs: readonly RunJson[]) => tracker.accept([...runs].reverse());
    return firstStateThenEvents<RunJson, PolledRuns>(this.limits.reserve(connection), {
      open: (onEvent) => [this.poller.watch('runs', flowName, onEvent)],
      baseline: ([first], out) => {
        for (const run of news(first!.runs)) {
          if (ACTIVE_STATUSES.has(run.executionStatus ?? '')) out.push(run);
        }
      },
      change: (event, out) => {
        for (const run of news(event.runs)) out.push(run);
      },
    });
  }

  /** Each change of status of these flows. */
  flowStatuses(
    flowNames: readonly string[],
    connection: object | string,
  ): AsyncIterableIterator<StreamItem<FlowJson>> {
    const tracker = new FlowStatusTracker();
    return firstStateThenEvents<FlowJson, PolledFlow>(this.limits.reserve(connection), {
      open: (onEvent) => flowNames.map((name) => this.poller.watch('flow', name, onEvent)),
      baseline: (first) => {
        for (const result of first) tracker.know(result.flowName, result.flow);
      },
      change: (event, out) => {
        if (event.flow && tracker.accept(event.flowName, event.flow)) out.push(event.flow);
      },
      // A flow deleted meanwhile: say so once; the other flows keep streaming.
      failed: (error, flowName, out) => {
        if (tracker.failed(flowName)) out.push(upstreamError(error, flowName));
      },
    });
  }
}
