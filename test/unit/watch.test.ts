/**
 * One flow's watch loop (src/live/watch.ts) stepped by a manual clock, with a fake coordination
 * standing in for the other replicas: backoff on retryable failures, a non-retryable failure
 * published once, interest from other replicas keeping the leader polling, lease loss stopping
 * the loop, and a full event when Redis comes back. Failures are the reader's own: AppFlow
 * exceptions rethrown by callAppflow as coded GraphQLErrors.
 */
import { describe, expect, it } from 'vitest';
import { callAppflow } from '../../src/appflow/errors.js';
import type { Coordination } from '../../src/live/coordination.js';
import type { PollEvent, PollResult, RunJson } from '../../src/live/tracker.js';
import { type Clock, FlowWatch, type Nap, type WatchHost } from '../../src/live/watch.js';

/** Lets every promise chain that does not wait for the clock run to its end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

class ManualClock implements Clock {
  private t = 0;
  private nextId = 0;
  private readonly timers = new Map<number, { at: number; run: () => void; every?: number }>();
  /** Every sleep the watch asked for, in order. */
  readonly sleeps: number[] = [];

  now() {
    return this.t;
  }

  sleep(ms: number): Nap {
    this.sleeps.push(ms);
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => {
      const id = this.add(ms, resolve);
      wake = () => {
        this.timers.delete(id);
        resolve();
      };
    });
    return { promise, wake };
  }

  every(ms: number, tick: () => void) {
    const id = this.add(ms, tick, ms);
    return () => void this.timers.delete(id);
  }

  /** Move time forward, running each timer when it falls due. */
  async advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      await settle();
      let due: [number, { at: number; run: () => void; every?: number }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      const [id, timer] = due;
      this.t = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.timers.delete(id);
      timer.run();
    }
    this.t = end;
    await settle();
  }

  private add(ms: number, run: () => void, every?: number) {
    const id = this.nextId++;
    this.timers.set(id, { at: this.t + ms, run, every });
    return id;
  }
}

/** The other replicas, as the coordination shows them. */
function fakeCoordination() {
  const state = {
    distributed: true,
    leaseFree: true,
    ourInterest: false,
    otherInterest: false,
    releases: 0,
  };
  const coordination: Coordination = {
    get distributed() {
      return state.distributed;
    },
    lease: () => ({
      tryAcquire: async () => state.leaseFree,
      release: async () => {
        state.releases++;
      },
    }),
    setInterest: async (_key, interested) => {
      state.ourInterest = interested;
    },
    anyInterest: async () => state.ourInterest || state.otherInterest,
    saveLatest: async () => {},
    loadLatest: async () => undefined,
  };
  return { state, coordination };
}

const TIMING = {
  activePollMs: 100,
  idlePollMs: 1_000,
  maxBackoffMs: 1_500,
  lockTtlMs: 1_500,
  tickMs: 500,
};

function run(id: string, status: string): RunJson {
  return { executionId: id, executionStatus: status, lastUpdatedAt: '2026-01-01T00:00:00.000Z' };
}

function runs(...page: RunJson[]): PollResult {
  return { kind: 'runs', flowName: 'f', polledAt: 0, runs: page, hasMore: false };
}

/** What the reader throws when AppFlow answers with this exception. */
function readerFailure(name: string, status: number): Promise<never> {
  return callAppflow('DescribeFlowExecutionRecords', () =>
    Promise.reject(
      Object.assign(new Error(`AppFlow says ${name}`), {
        name,
        $metadata: { httpStatusCode: status },
      }),
    ),
  );
}

function startWatch(answers: (() => Promise<PollResult>)[], fallback = () => runs()) {
  const clock = new ManualClock();
  const { state, coordination } = fakeCoordination();
  const events: PollEvent[] = [];
  const forgotten: FlowWatch[] = [];
  let polls = 0;
  const host: WatchHost = {
    coordination,
    clock,
    timing: TIMING,
    jitter: (ms) => ms,
    poll: async () => {
      polls++;
      return (answers.shift() ?? (async () => fallback()))();
    },
    publishEvent: (_key, event) => void events.push(event),
    listenEvents: () => () => {},
    listenPokes: () => () => {},
    forget: (watch) => void forgotten.push(watch),
  };
  const watch = new FlowWatch(host, 'runs', 'f', 'runs:f');
  watch.addLocal();
  return { watch, clock, state, events, forgotten, polls: () => polls };
}

describe('one flow’s watch loop', () => {
  it('backs off exponentially on throttling, capped, publishing nothing, then resumes', async () => {
    const throttled = () => readerFailure('ThrottlingException', 429);
    const w = startWatch([throttled, throttled, throttled, throttled, throttled]);
    await w.clock.advance(10_000);
    // 100 ms x 2^n: 200, 400, 800, then capped at 1500; then the idle interval.
    expect(w.clock.sleeps.slice(0, 6)).toEqual([200, 400, 800, 1_500, 1_500, 1_000]);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ kind: 'runs', full: true });
    expect(w.events[0]?.error).toBeUndefined();
    w.watch.shutdown();
  });

  it('a 5xx backs off like throttling', async () => {
    const w = startWatch([() => readerFailure('InternalServerException', 500)]);
    await w.clock.advance(1);
    expect(w.clock.sleeps).toEqual([200]);
    expect(w.events).toEqual([]);
    w.watch.shutdown();
  });

  it('NOT_FOUND is published once (a full error event), then polled at the idle pace', async () => {
    const gone = () => readerFailure('ResourceNotFoundException', 404);
    const w = startWatch([gone, gone, gone]);
    await w.clock.advance(2_500);
    expect(w.clock.sleeps.slice(0, 3)).toEqual([1_000, 1_000, 1_000]);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({
      full: true,
      error: { code: 'NOT_FOUND', retryable: false },
    });
    expect(w.watch.latest?.error?.code).toBe('NOT_FOUND');
    w.watch.shutdown();
  });

  it('publishes only changes, polling fast while a run is active', async () => {
    const w = startWatch(
      [
        async () => runs(run('a', 'Successful')),
        async () => runs(run('b', 'InProgress'), run('a', 'Successful')),
        async () => runs(run('b', 'InProgress'), run('a', 'Successful')),
      ],
      () => runs(run('b', 'Successful'), run('a', 'Successful')),
    );
    await w.clock.advance(1_300);
    expect(w.clock.sleeps.slice(0, 4)).toEqual([1_000, 100, 100, 1_000]);
    expect(
      w.events.map((e) => (e.kind === 'runs' ? e.runs.map((r) => r.executionId) : [])),
    ).toEqual([['a'], ['b'], ['b']]);
    expect(w.events.map((e) => e.full)).toEqual([true, false, false]);
    w.watch.shutdown();
  });

  it('keeps polling while another replica is interested, and stops when none is', async () => {
    const w = startWatch([]);
    await w.clock.advance(100);
    expect(w.watch.leading).toBe(true);
    w.state.otherInterest = true;
    w.watch.removeLocal();
    await w.clock.advance(3_000);
    expect(w.watch.leading).toBe(true);
    expect(w.watch.stopped).toBe(false);
    const pollsWhileOthersCare = w.polls();
    expect(pollsWhileOthersCare).toBeGreaterThanOrEqual(3);

    w.state.otherInterest = false;
    await w.clock.advance(TIMING.tickMs);
    expect(w.watch.stopped).toBe(true);
    expect(w.forgotten).toEqual([w.watch]);
    expect(w.state.releases).toBe(1);
    const pollsAtStop = w.polls();
    await w.clock.advance(5_000);
    expect(w.polls()).toBe(pollsAtStop);
  });

  it('stops polling when it loses the lease, and resumes with a full event when it wins it back', async () => {
    const w = startWatch([], () => runs(run('a', 'Successful')));
    await w.clock.advance(100);
    expect(w.watch.leading).toBe(true);
    w.state.leaseFree = false;
    await w.clock.advance(TIMING.tickMs);
    expect(w.watch.leading).toBe(false);
    const pollsAtLoss = w.polls();
    await w.clock.advance(5_000);
    expect(w.polls()).toBe(pollsAtLoss);
    expect(w.watch.stopped).toBe(false); // Its subscriber stays; another replica polls.

    w.state.leaseFree = true;
    const before = w.events.length;
    await w.clock.advance(TIMING.tickMs);
    expect(w.watch.leading).toBe(true);
    expect(w.polls()).toBe(pollsAtLoss + 1);
    expect(w.events.slice(before)).toMatchObject([{ full: true }]);
    w.watch.shutdown();
  });

  it('republishes the whole page when it is back in touch with the other replicas', async () => {
    const w = startWatch([], () => runs(run('a', 'Successful')));
    await w.clock.advance(100);
    expect(w.events).toHaveLength(1);
    w.state.distributed = false; // Redis away: it keeps leading, for itself.
    await w.clock.advance(2_000);
    expect(w.watch.leading).toBe(true);
    expect(w.events).toHaveLength(1);
    w.state.distributed = true;
    w.watch.recheck();
    await w.clock.advance(1_000);
    expect(w.events).toHaveLength(2);
    expect(w.events[1]).toMatchObject({ full: true, runs: [{ executionId: 'a' }] });
    w.watch.shutdown();
  });
});
