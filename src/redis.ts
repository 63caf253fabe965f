/**
 * The process's Redis connections, in one owner: a command client (cache, leases, interest,
 * shared poll results, rate limit, publishing) and a subscriber (events), created once from
 * REDIS_URL and closed once.
 *
 * Redis is an accelerator, not a dependency: while it is unreachable, `available` is false and
 * every user falls back to its in-process path within milliseconds. Commands never wait for a
 * connection (no offline queue), each has a short timeout, and a circuit breaker (cockatiel)
 * opens after consecutive failures (a Redis that accepts connections but does not answer), so
 * requests stop paying the timeout; a PING probes it closed again. Users watch `onAvailability`
 * to rejoin when Redis returns (leases re-elect, cache writes resume).
 *
 * ioredis is required on first use: a gateway without REDIS_URL never loads it (~25 ms of
 * start-up in the bundle). The bundle (scripts/build.mjs) leaves it to node_modules: esbuild
 * does not follow this require, which is what keeps it out of the start-up path.
 */
import { createRequire } from 'node:module';
import {
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type * as IORedis from 'ioredis';

const requireCjs = createRequire(import.meta.url);
let ioredis: typeof IORedis | undefined;

function newRedis(url: string, options: IORedis.RedisOptions): IORedis.Redis {
  ioredis ??= requireCjs('ioredis') as typeof IORedis;
  return new ioredis.Redis(url, options);
}

export type Redis = IORedis.Redis;

export interface RedisConnectionOptions {
  /** A command that takes longer fails (and counts towards opening the breaker). */
  commandTimeoutMs?: number;
  /** Consecutive failures that open the breaker. */
  failuresToOpen?: number;
  /** How often an open breaker is probed (PING). */
  probeMs?: number;
  /** How long `open` waits for the first connection before serving without Redis. */
  connectWaitMs?: number;
}

/** Thrown, at once, by `call` while Redis is unavailable. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
  constructor() {
    super('Redis is unavailable');
  }
}

/** What the users of Redis need: whether it is there, and a way to call it. */
export interface SharedRedis {
  readonly available: boolean;
  call<T>(command: (redis: Redis) => Promise<T>): Promise<T>;
  onAvailability(listener: (available: boolean) => void): () => void;
}

export class RedisConnections implements SharedRedis {
  /** Commands; fails at once while disconnected. Prefer `call`, which also feeds the breaker. */
  readonly commands: Redis;
  /** Events; queues its (re)subscriptions while down and replays them when Redis returns. */
  readonly subscriber: Redis;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly listeners = new Set<(available: boolean) => void>();
  private readonly probeMs: number;
  private probeTimer?: NodeJS.Timeout;
  private lastAvailable = false;
  private closed = false;

  /** Connect (waiting a bounded time for the first connections) and return the owner. */
  static async open(url: string, options: RedisConnectionOptions = {}): Promise<RedisConnections> {
    const connections = new RedisConnections(url, options);
    const waitMs = options.connectWaitMs ?? 1_000;
    await Promise.all(
      [connections.commands, connections.subscriber].map((c) => settled(c, waitMs)),
    );
    return connections;
  }

  private constructor(url: string, options: RedisConnectionOptions) {
    this.probeMs = options.probeMs ?? 1_000;
    // Both reconnect soon after Redis returns (retries 100 ms apart, growing to 1 s).
    const reconnect = {
      connectTimeout: 1_000,
      retryStrategy: (n: number) => Math.min(100 * n, 1_000),
    };
    this.commands = newRedis(url, {
      ...reconnect,
      enableOfflineQueue: false,
      // A command in flight when the connection drops fails instead of waiting for the next one.
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      enableAutoPipelining: true,
    });
    this.subscriber = newRedis(url, { ...reconnect, maxRetriesPerRequest: null });
    this.breaker = circuitBreaker(
      // A Redis error reply (a bad key type, a script error) is an answer, not an outage.
      handleWhen((error) => error.name !== 'ReplyError'),
      {
        halfOpenAfter: this.probeMs,
        breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 3),
      },
    );
    this.breaker.onStateChange(() => {
      if (this.breaker.state === CircuitState.Open) this.scheduleProbe();
      this.notify();
    });
    for (const client of [this.commands, this.subscriber]) {
      // Reported through `available` and /ready; an outage must not crash the process.
      client.on('error', () => {});
      for (const event of ['ready', 'close', 'end', 'reconnecting']) {
        client.on(event, () => this.notify());
      }
    }
    this.commands.on('ready', () => this.probe());
  }

  /** Both connections up and the breaker closed. */
  get available(): boolean {
    return (
      !this.closed &&
      this.commands.status === 'ready' &&
      this.subscriber.status === 'ready' &&
      this.breaker.state === CircuitState.Closed
    );
  }

  call<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    if (!this.available) return Promise.reject(new RedisUnavailableError());
    return this.breaker.execute(() => command(this.commands));
  }

  /** Called with the new value each time `available` changes. */
  onAvailability(listener: (available: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.probeTimer);
    this.listeners.clear();
    await Promise.all(
      [this.commands, this.subscriber].map(async (client) => {
        // QUIT lets pending replies arrive; without a connection there is nothing to wait for.
        if (client.status !== 'ready') return client.disconnect();
        await client.quit().catch(() => client.disconnect());
      }),
    );
  }

  private notify() {
    const available = this.available;
    if (available === this.lastAvailable) return;
    this.lastAvailable = available;
    for (const listener of [...this.listeners]) listener(available);
  }

  private scheduleProbe() {
    clearTimeout(this.probeTimer);
    if (this.closed) return;
    this.probeTimer = setTimeout(() => this.probe(), this.probeMs);
    this.probeTimer.unref();
  }

  /** The half-open test, while the breaker is open: one PING through it; success closes it. */
  private probe() {
    if (this.closed || this.breaker.state === CircuitState.Closed) return;
    if (this.commands.status !== 'ready') return; // The 'ready' event probes.
    this.breaker
      .execute(() => this.commands.ping())
      .then(
        () => this.notify(),
        () => this.scheduleProbe(),
      );
  }
}

/** Resolves when a client is ready or has failed once (it keeps reconnecting), or after `ms`. */
function settled(client: Redis, ms: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once('ready', done);
    client.once('error', done);
  });
}
