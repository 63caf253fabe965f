/**
 * The adaptive limiter's pace (src/appflow/pace.ts, adaptive.ts) against a simulated AppFlow:
 * a token bucket per operation, answers after 80 ms, and random throttling, all on an injected
 * clock (vitest's fake timers), so seconds of traffic run in milliseconds and nothing depends
 * on the machine's speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveLimiter, type AdaptiveOptions } from '../../src/appflow/adaptive.js';

const LATENCY_MS = 80;

class Throttled extends Error {
  override name = 'ThrottlingException';
}

/** AppFlow as the limiter meets it: per operation buckets, latency, random throttles. */
class SimulatedAppflow {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  limit: { ratePerSecond: number; burst: number } | undefined;
  /** Share of calls throttled at random, whatever the rate. */
  randomThrottle = 0;
  sent = 0;
  throttled = 0;
  private seed = 42;

  private random(): number {
    // A fixed sequence (mulberry32): the same run every time.
    this.seed = (this.seed + 0x6d2b79f5) | 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private admit(operation: string): boolean {
    if (this.randomThrottle && this.random() < this.randomThrottle) return false;
    if (!this.limit) return true;
    const now = Date.now();
    const { ratePerSecond, burst } = this.limit;
    const b = this.buckets.get(operation) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * ratePerSecond);
    b.at = now;
    this.buckets.set(operation, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  call(operation: string): Promise<string> {
    this.sent++;
    const ok = this.admit(operation);
    if (!ok) this.throttled++;
    return new Promise((resolve, reject) =>
      setTimeout(
        () => (ok ? resolve(operation) : reject(new Throttled('Rate exceeded'))),
        // A throttle is answered sooner than a call that does work.
        ok ? LATENCY_MS : LATENCY_MS / 2,
      ),
    );
  }

  reset() {
    this.sent = 0;
    this.throttled = 0;
  }
}

let appflow: SimulatedAppflow;

function limiter(options: Partial<AdaptiveOptions> = {}): AdaptiveLimiter {
  return new AdaptiveLimiter({
    maxConcurrency: 256,
    now: () => Date.now(),
    throttleWaitMs: 60_000,
    ...options,
  });
}

/** Run `work` on the fake clock to its end; its duration in simulated ms. */
async function timed(work: Promise<unknown>): Promise<{ ms: number; failed: number }> {
  const start = Date.now();
  let done = false;
  let failed = 0;
  work.then(
    () => {
      done = true;
    },
    () => {
      done = true;
      failed++;
    },
  );
  while (!done) await vi.advanceTimersByTimeAsync(5);
  return { ms: Date.now() - start, failed };
}

/** The README's dashboard as AppFlow sees it: ListFlows, then 100 DescribeFlow and 100 runs. */
function dashboard(l: AdaptiveLimiter, flows = 100): Promise<unknown> {
  const call = (op: string) => l.run(op, '', () => appflow.call(op));
  return call('ListFlows').then(() =>
    Promise.all([
      call('DescribeConnectorProfiles'),
      call('DescribeConnectors'),
      ...Array.from({ length: flows }, () => call('DescribeFlow')),
      ...Array.from({ length: flows }, () => call('DescribeFlowExecutionRecords')),
    ]),
  );
}

beforeEach(() => {
  vi.useFakeTimers({
    now: Number(process.env.PACE_T0 ?? 1_000_000),
    toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'],
  });
  appflow = new SimulatedAppflow();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a fresh process under a 20/s, burst 40 limit per operation', () => {
  it('has at most 3 % of its calls throttled from its first dashboard, near the rate floor', async () => {
    appflow.limit = { ratePerSecond: 20, burst: 40 };
    const l = limiter();
    const first = await timed(dashboard(l));
    const share = appflow.throttled / appflow.sent;
    console.log(
      `fresh: ${appflow.throttled} of ${appflow.sent} throttled (${(share * 100).toFixed(1)} %), ${first.ms} ms (floor 3000)`,
      JSON.stringify(l.stats().rates),
    );
    expect(first.failed).toBe(0);
    expect(share).toBeLessThanOrEqual(0.03);
    // The floor: 100 calls of one operation, 40 at once and 20 a second: 3 s.
    expect(first.ms).toBeLessThanOrEqual(3000 * 1.4);

    // Once AppFlow's buckets are full again, the learned pace: as few throttles, at the floor.
    await vi.advanceTimersByTimeAsync(2500);
    appflow.reset();
    const again = await timed(dashboard(l));
    console.log(`learned: ${appflow.throttled} of ${appflow.sent}, ${again.ms} ms`);
    expect(appflow.throttled / appflow.sent).toBeLessThanOrEqual(0.03);
    expect(again.ms).toBeLessThanOrEqual(3000 * 1.25);
  });
});

describe('a learned limit, sustained', () => {
  it('probing for more keeps throttles at a few percent over many dashboards', async () => {
    appflow.limit = { ratePerSecond: 20, burst: 40 };
    const l = limiter();
    let failed = 0;
    let ms = 0;
    for (let i = 0; i < 8; i++) {
      const d = await timed(dashboard(l));
      failed += d.failed;
      ms += d.ms;
    }
    const share = appflow.throttled / appflow.sent;
    console.log(`sustained: ${appflow.throttled} of ${appflow.sent} throttled, ${ms} ms for 8`);
    expect(failed).toBe(0);
    // Each probe for more past AppFlow's rate costs a throttle or two (the goal of 3 % is for
    // the first dashboard of a fresh process, above).
    expect(share).toBeLessThanOrEqual(0.04);
    // The floor of 8 back-to-back dashboards: 800 calls of one operation at 20/s, less the burst.
    expect(ms).toBeLessThanOrEqual(1.25 * ((800 - 40) / 20) * 1000);
  });
});

describe('without a limit', () => {
  it('grows from the conservative start: the first dashboards are paced, later ones are not', async () => {
    const l = limiter();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push((await timed(dashboard(l))).ms);
    console.log(`unlimited: ${times.join(' ms, ')} ms`);
    expect(appflow.throttled).toBe(0);
    // Two round trips (ListFlows, then everything else), as an unpaced client has.
    expect(times[4]).toBeLessThanOrEqual(2 * LATENCY_MS + 10);
  });
});

describe('random throttling (30 % of calls, whatever the rate)', () => {
  it('does not collapse the pace, and full speed is back as soon as it stops', async () => {
    const l = limiter();
    // A process that has been running: its pace has grown.
    for (let i = 0; i < 3; i++) await timed(dashboard(l));
    const normal = await timed(dashboard(l));
    appflow.randomThrottle = 0.3;

    const during: number[] = [];
    let failed = 0;
    for (let i = 0; i < 10; i++) {
      const d = await timed(dashboard(l));
      during.push(d.ms);
      failed += d.failed;
    }
    const rates = l.stats().rates;
    appflow.randomThrottle = 0;
    const first = await timed(dashboard(l));
    // A few seconds later: full speed.
    await vi.advanceTimersByTimeAsync(3000);
    const after = await timed(dashboard(l));
    console.log(
      `random: normal ${normal.ms} ms, during ${during.join(' ')} ms, right after ${first.ms} ms, 3 s later ${after.ms} ms`,
      JSON.stringify(rates),
    );
    expect(failed).toBe(0);
    expect(first.ms).toBeLessThanOrEqual(2 * normal.ms);
    expect(after.ms).toBeLessThanOrEqual(1.5 * normal.ms);
    expect(rates.DescribeFlow!.ratePerSecond).toBeGreaterThan(50);
  });

  it('a rate limit met during random throttling is still learned', async () => {
    appflow.limit = { ratePerSecond: 20, burst: 40 };
    appflow.randomThrottle = 0.1;
    const l = limiter();
    await timed(dashboard(l));
    await vi.advanceTimersByTimeAsync(2500);
    appflow.reset();
    const d = await timed(dashboard(l));
    const share = appflow.throttled / appflow.sent;
    console.log(
      `limit + noise: ${appflow.throttled} of ${appflow.sent}, ${d.ms} ms`,
      JSON.stringify(l.stats().rates),
    );
    expect(d.failed).toBe(0);
    // About the random share, not the limit's on top of it.
    expect(share).toBeLessThan(0.2);
  });
});
