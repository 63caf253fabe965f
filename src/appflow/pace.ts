/**
 * The pace of one AppFlow operation (AWS throttles each API of an account on its own): a
 * mirror of AppFlow's token bucket for it, which the adaptive limiter (./adaptive.ts) takes a
 * token from before each call. docs/speed.md describes the model; in short:
 * - a fresh process starts at a conservative rate and burst (APPFLOW_INITIAL_RATE and
 *   APPFLOW_INITIAL_BURST; AWS publishes no API rates for AppFlow) rather than unpaced, so its
 *   first dashboard is not throttled;
 * - slow start: while the pace holds calls back and AppFlow has not throttled the operation,
 *   every answered call raises the rate (+0.25/s, or +1 % past 25/s) and the burst to what
 *   AppFlow answered within one second;
 * - a throttle lowers the pace: the first one ends slow start (half the rate, at most half the
 *   burst met, as AWS buckets hold about two seconds of their rate), later ones take 15 % off;
 *   one decrease at a time (the next waits until this one is judged, below). Then the rate
 *   grows by +0.5/s per second while the pace holds calls back, and after PROBE_AFTER_S
 *   seconds' worth of such calls without a throttle, as in slow start again;
 * - throttles that do not follow the call rate (random, transient): once the calls sent in the
 *   second after a decrease are answered, their share of throttles is compared with the share
 *   of the calls sent just before it. Not lower by more than chance would: the decrease is
 *   undone and that share is noise; throttles up to it are retried without lowering the pace
 *   (the noise decays as calls are answered without them). An operation called fewer than
 *   SPARSE_CALLS times in the last second is not slowed by a throttle. A phase of random
 *   throttling costs about a second at a lower pace, and full speed is there when it ends;
 * - a pace below the conservative start, not throttled for PROBE_AFTER_MS, is back to it.
 * With APPFLOW_INITIAL_RATE=0 an operation is unpaced until its first throttle (as the SDK's
 * `adaptive` retry mode is).
 */

export interface PaceSettings {
  /** Calls per second a fresh process starts at (0: unpaced until the first throttle). */
  initialRate: number;
  /** Calls a fresh process may send at once. */
  initialBurst: number;
}

/** The rate and burst of the emulator's `aws` preset for reads (src/emulator/limits.ts). */
export const DEFAULT_PACE: PaceSettings = { initialRate: 10, initialBurst: 20 };

const SECOND = 1000;
/** How long answered calls are remembered (answers may come seconds after a busy send). */
const RECENT_MS = 10 * SECOND;
/** Slow start: the rate grows by this much per call answered while the pace held calls back… */
const SLOW_START_STEP = 0.25;
/** …or, past 25 calls/s, by this part of the rate (it doubles every 70 answered calls). */
const SLOW_START_GROWTH = 0.01;
/** Slow start stops growing here (calls/s): far past any API rate AWS grants. */
const MAX_RATE = 10_000;
/** A pace below the conservative start, not throttled this long, is back to it. */
const PROBE_AFTER_MS = 2 * SECOND;
/**
 * A learned operation whose pace held calls back for this many seconds' worth of calls at its
 * rate, none throttled, probes again (grows as in slow start).
 */
const PROBE_AFTER_S = 10;
/** Counts of sent and throttled calls are kept per slot of this many ms of their send time. */
const SLOT_MS = 50;
/** Calls needed on each side of a decrease to compare their shares of throttles. */
const MIN_SAMPLE = 20;
/** Fewer calls than this sent in the last second are not throttled for their rate. */
const SPARSE_CALLS = 5;
/** A share of throttles above the noise by this factor (and 5 points) follows the rate. */
const NOISE_MARGIN = 1.5;
/** A decrease is judged on the calls of at most this long after it. */
const JUDGE_WITHIN_MS = 5 * SECOND;
/** How far back an undo of decreases reaches (see judge). */
const PEAK_MS = 30 * SECOND;
/** Below this share of throttles (before and after a decrease) there is no noise to tell apart. */
const NOISY_SHARE = 0.1;

interface Counts {
  sent: number;
  throttled: number;
}

/** A decrease (or decreases in a row) not yet judged: the pace before it, and when. */
interface PendingDecrease {
  at: number;
  rate: number;
  burst: number;
  learned: boolean;
}

export class OperationPace {
  rate: number;
  burst: number;
  tokens: number;
  /** A throttle set the pace: it is AppFlow's, learned (no more slow start until it is old). */
  learned = false;
  /** The share of calls AppFlow throttles whatever the rate (random, transient). */
  noise = 0;
  private updatedAt: number;
  /** When the answered calls of the last few seconds were sent. */
  private readonly recent: number[] = [];
  /** Sent and throttled calls by slot of their send time (SLOT_MS), for the last seconds. */
  private readonly slots = new Map<number, Counts>();
  /** The slowest answer lately (ms): calls sent longer ago than this have been answered. */
  private latency = 0;
  /** When the noise last decayed. */
  private noiseAt = Number.NEGATIVE_INFINITY;
  /** Calls answered while the pace held calls back, since the last decrease. */
  private limitedAnswers = 0;
  /** The last throttle that followed the call rate (noise aside). */
  lastThrottleAt = Number.NEGATIVE_INFINITY;
  /** When a call last had to wait for a token (the pace was what held it back). */
  lastLimitedAt = Number.NEGATIVE_INFINITY;
  lastDecreaseAt = Number.NEGATIVE_INFINITY;
  private pending: PendingDecrease | undefined;
  /** The pace before the first decrease of the last PEAK_MS. */
  private peak: PendingDecrease | undefined;
  /**
   * While the burst is the first throttle's estimate: when that throttled call was sent (the
   * burst it met is the answered calls sent in the second up to then).
   */
  private estimatedAt: number | undefined;
  private estimatedBurst = 0;
  private estimateCap = Number.POSITIVE_INFINITY;

  constructor(
    private readonly settings: PaceSettings,
    now: number,
  ) {
    const paced = settings.initialRate > 0;
    this.rate = paced ? settings.initialRate : Number.POSITIVE_INFINITY;
    this.burst = paced ? Math.max(1, settings.initialBurst) : Number.POSITIVE_INFINITY;
    this.tokens = this.burst;
    this.updatedAt = now;
  }

  get paced(): boolean {
    return Number.isFinite(this.rate);
  }

  private refill(now: number) {
    if (!this.paced) return;
    // Not throttled for a while: a pace below the conservative start is back to it at once.
    if (this.rate < this.settings.initialRate && now - this.lastThrottleAt > PROBE_AFTER_MS) {
      this.rate = this.settings.initialRate;
    }
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / SECOND) * this.rate);
    this.updatedAt = now;
  }

  /** Ms until a token is there (0: now). */
  waitMs(now: number): number {
    if (!this.paced) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * SECOND);
  }

  take(now: number) {
    if (!this.paced) return;
    this.refill(now);
    this.tokens -= 1;
  }

  private count(sentAt: number, now: number, throttled: boolean) {
    const slot = Math.floor(sentAt / SLOT_MS);
    let counts = this.slots.get(slot);
    if (!counts) {
      counts = { sent: 0, throttled: 0 };
      this.slots.set(slot, counts);
      const oldest = Math.floor((now - RECENT_MS) / SLOT_MS);
      for (const s of this.slots.keys()) if (s < oldest) this.slots.delete(s);
    }
    counts.sent++;
    if (throttled) counts.throttled++;
  }

  /** Calls sent in [from, to) (all answered when `to` is older than `latency`). */
  private counts(from: number, to: number): Counts {
    const total = { sent: 0, throttled: 0 };
    for (let s = Math.floor(from / SLOT_MS); s < Math.floor(to / SLOT_MS); s++) {
      const c = this.slots.get(s);
      if (c) {
        total.sent += c.sent;
        total.throttled += c.throttled;
      }
    }
    return total;
  }

  /** The share of throttles of the calls sent in the last second that are all answered. */
  private settledShare(now: number): Counts {
    const to = now - this.latency - SLOT_MS;
    return this.counts(to - SECOND, to);
  }

  /**
   * Judge the pending decrease once the calls of the second after it are all answered: undone
   * when it did not lower the share of throttles (they do not follow the rate).
   */
  private judge(now: number) {
    const p = this.pending;
    const settled = now - this.latency - SLOT_MS;
    if (!p || settled < p.at + SECOND) return;
    const after = this.counts(p.at, settled);
    // Too few calls since: wait for more (a few seconds at most), then keep the decrease.
    if (after.sent < MIN_SAMPLE && settled < p.at + JUDGE_WITHIN_MS) return;
    this.pending = undefined;
    // Before: the calls sent just before the decrease (its burst), back to MIN_SAMPLE of them.
    let before: Counts = { sent: 0, throttled: 0 };
    for (let back = SLOT_MS; back <= SECOND && before.sent < MIN_SAMPLE; back += SLOT_MS) {
      before = this.counts(p.at - back, p.at);
    }
    if (before.sent < MIN_SAMPLE || after.sent < MIN_SAMPLE) return;
    const shareBefore = before.throttled / before.sent;
    const shareAfter = after.throttled / after.sent;
    // Did the decrease lower the share of throttles by more than chance would (two standard
    // errors of the difference of two shares)?
    const pooled = (before.throttled + after.throttled) / (before.sent + after.sent);
    const error = Math.sqrt(pooled * (1 - pooled) * (1 / before.sent + 1 / after.sent));
    if (
      Number.isFinite(p.rate) && // The first throttle of an unpaced operation sets its pace.
      shareBefore >= NOISY_SHARE &&
      shareAfter >= NOISY_SHARE &&
      shareBefore - shareAfter <= 2 * error
    ) {
      // Back to the pace before this decrease, or before the first of the last half minute's
      // (those were as likely noise; judged on a small sample, chance may have kept them).
      const back =
        this.peak && this.peak.at > now - PEAK_MS && this.peak.rate > p.rate ? this.peak : p;
      this.rate = back.rate;
      this.burst = back.burst;
      this.learned = back.learned;
      this.noise = Math.max(this.noise, shareAfter);
    }
  }

  answered(sentAt: number, now: number) {
    this.recent.push(sentAt);
    while (this.recent.length && this.recent[0]! < now - RECENT_MS) this.recent.shift();
    this.latency = Math.max(this.latency * 0.99, now - sentAt);
    this.count(sentAt, now, false);
    this.judge(now);
    if (this.noise > 0 && this.pending === undefined && now - this.noiseAt >= SECOND / 2) {
      // The noise decays to the share of throttles seen now (slowly: shares of a few dozen
      // calls vary by chance).
      this.noiseAt = now;
      const { sent, throttled } = this.settledShare(now);
      if (sent >= MIN_SAMPLE && throttled / sent < this.noise) {
        this.noise = throttled / sent < 0.02 ? 0 : 0.8 * this.noise + 0.2 * (throttled / sent);
      }
    }
    // A call of the same burst answered after the throttle (a throttle is answered faster
    // than a call that does work): the estimate grows.
    if (this.estimatedAt !== undefined && sentAt <= this.estimatedAt) this.estimate();
    // Grow only while demand is above the pace (a call waited for a token in the last second).
    if (!this.paced || now - this.lastLimitedAt > SECOND) return;
    this.limitedAnswers++;
    if (this.learned && this.limitedAnswers < PROBE_AFTER_S * this.rate) {
      // Additive increase: +0.5 call/s for every `rate` calls answered.
      this.rate += 0.5 / this.rate;
      this.burst = Math.max(this.burst, this.rate);
    } else {
      this.rate = Math.min(
        MAX_RATE,
        this.rate + Math.max(SLOW_START_STEP, this.rate * SLOW_START_GROWTH),
      );
      const proven = this.recent.filter((t) => t > sentAt - SECOND).length;
      this.burst = Math.max(this.burst, proven);
    }
  }

  /**
   * The burst is what got through in the second up to the throttled call (20 % off: AppFlow's
   * bucket also refilled while they were answered), the rate half of it (AWS buckets hold
   * about two seconds of their rate), at most `estimateCap`. Answers of that second that come
   * after the throttle (a throttle is answered sooner than a call that does work) raise both.
   */
  private estimate() {
    const at = this.estimatedAt!;
    const est = Math.max(1, 0.8 * this.recent.filter((t) => t >= at - SECOND && t <= at).length);
    if (est <= this.estimatedBurst) return;
    this.estimatedBurst = est;
    this.rate = Math.max(1, Math.min(this.estimateCap, est / 2));
    this.burst = Math.max(1, Math.min(est, 2 * this.rate));
  }

  /**
   * A ThrottlingException for a call sent at `sentAt`. Returns whether it follows the call
   * rate (the pace was lowered, or it is an echo of the burst that lowered it); false: noise.
   */
  throttled(sentAt: number, now: number): boolean {
    this.refill(now);
    this.count(sentAt, now, true);
    this.judge(now);
    // Calls sent before the last decrease are echoes of the same burst.
    if (sentAt < this.lastDecreaseAt) {
      this.tokens = 0;
      this.lastThrottleAt = now;
      return true;
    }
    // An operation called a few times a second is below any rate AWS sets: not its rate.
    if (this.counts(now - SECOND, now + SLOT_MS).sent < SPARSE_CALLS) return false;
    if (this.noise > 0) {
      const { sent, throttled } = this.settledShare(now);
      // Within the noise: retried, the pace stays.
      if (sent < MIN_SAMPLE || throttled / sent <= this.noise * NOISE_MARGIN + 0.05) return false;
    }
    this.tokens = 0; // AppFlow's bucket is empty now.
    // (Noise is not a throttle of the pace: it does not hold back its growth.)
    this.lastThrottleAt = now;
    // One decrease at a time: the next waits until this one is judged (a second's calls).
    if (this.pending) return true;
    this.decrease(sentAt, now);
    return true;
  }

  private decrease(sentAt: number, now: number) {
    this.pending = { at: now, rate: this.rate, burst: this.burst, learned: this.learned };
    if (!this.peak || this.peak.at <= now - PEAK_MS) this.peak = this.pending;
    this.lastDecreaseAt = now;
    this.limitedAnswers = 0;
    if (!this.learned) {
      // Unpaced until now, or the end of slow start (the rate had grown past AppFlow's, so at
      // most half of it): the pace is estimated from the calls answered before the throttle.
      this.estimatedAt = sentAt;
      this.estimatedBurst = 0;
      this.estimateCap = this.paced ? this.rate / 2 : Number.POSITIVE_INFINITY;
      this.estimate();
    } else {
      this.rate = Math.max(1, this.rate * 0.85);
      this.estimatedAt = undefined;
    }
    this.learned = true;
    this.updatedAt = now;
  }

  /** No throttle for a long while: AppFlow's limit may be higher now; slow start again. */
  forget() {
    this.learned = false;
    this.noise = 0;
    this.pending = undefined;
    this.peak = undefined;
    this.estimatedAt = undefined;
    this.lastDecreaseAt = Number.NEGATIVE_INFINITY;
    if (this.settings.initialRate <= 0) {
      this.rate = this.burst = this.tokens = Number.POSITIVE_INFINITY;
    }
  }
}
