/**
 * The emulator's HTTP server: rest-json routes from the model, auth presence check, fault
 * injection, validation, dispatch to the store, persistence, and the real-time timer that moves
 * runs and schedules along between requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { operation } from '../model/model.js';
import { Clock } from './clock.js';
import { type EmulatorContext, emptyCounters } from './context.js';
import { handleControl } from './control.js';
import { operationHandlers } from './dispatch.js';
import { EventEmitter, parseHeader } from './events.js';
import { AwsError } from './exceptions.js';
import { FaultInjector } from './faults.js';
import { LIMIT_PRESETS, type LimitRule, parseRule, RateLimiter } from './limits.js';
import { Persistence } from './persistence.js';
import { bindInput, parseBody, readBody, sendError, sendJson, validateInput } from './responses.js';
import { matchRoute } from './routes.js';
import { applySeed, loadSeedFile } from './seed.js';
import { builtInSeed } from './seed-data.js';
import { Store } from './store.js';

export interface EmulatorOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default us-east-1. */
  region?: string;
  /** 12 digits, default 123456789012. */
  accountId?: string;
  /** How long a run takes, in emulated seconds (default 5). */
  runSeconds?: number;
  /**
   * How many emulated seconds pass per clock second (default 1). Runs last
   * runSeconds / timeScale clock seconds; schedules run timeScale times faster (with 60, a
   * `rate(1 minute)` flow fires every second). Timestamps in responses stay clock time.
   */
  timeScale?: number;
  /** Keep state in this directory across restarts (off by default). */
  dataDir?: string;
  /** true = built-in example data; a string = path of a seed JSON document. */
  seed?: boolean | string;
  /** Injectable base clock in ms (default Date.now); the control API adds offsets to it. */
  now?: () => number;
  /** No request log (default true). */
  quiet?: boolean;
  /** Every AWS request waits this long before it is answered, like a real network (default 0). */
  latencyMs?: number;
  /** Plus or minus up to this much, uniformly (default 0). */
  latencyJitterMs?: number;
  /** Token-bucket rate limits from the start (`'aws'`: the plausible preset of limits.ts);
   * the control API's reset goes back to them. */
  limits?: 'aws' | LimitRule[];
  /** POST AppFlow's EventBridge events (run start/end, deactivation) here (events.ts). */
  eventbridgeTarget?: string;
  /** With this header on every delivery, `Name: value` (an API destination's secret). */
  eventbridgeHeader?: string;
}

export interface RunningEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
}

export type { EmulatorContext };

export function createEmulator(opts: EmulatorOptions = {}) {
  const clock = new Clock(opts.now ?? Date.now);
  const store = new Store({
    region: opts.region ?? 'us-east-1',
    accountId: opts.accountId ?? '123456789012',
    runSeconds: opts.runSeconds ?? 5,
    timeScale: opts.timeScale ?? 1,
    clock,
  });
  if (!/^\d{12}$/.test(store.opts.accountId)) throw new Error('accountId must be 12 digits');
  if (!(store.opts.timeScale > 0)) throw new Error('timeScale must be positive');
  if (!(store.opts.runSeconds >= 0)) throw new Error('runSeconds must be >= 0');

  const persistence = opts.dataDir ? new Persistence(opts.dataDir) : undefined;
  const saved = persistence?.load();
  if (saved) store.restore(saved);
  else if (opts.seed === true) applySeed(store, builtInSeed(clock.now(), store.opts.accountId));
  else if (typeof opts.seed === 'string') applySeed(store, loadSeedFile(opts.seed));

  // AppFlow's events, from the models' hooks, to the configured target (off without one).
  const events = new EventEmitter(
    {
      region: store.opts.region,
      accountId: store.opts.accountId,
      now: () => clock.now(),
      flow: (name) => store.flows.records.get(name),
    },
    opts.eventbridgeTarget
      ? {
          url: opts.eventbridgeTarget,
          header: opts.eventbridgeHeader ? parseHeader(opts.eventbridgeHeader) : undefined,
        }
      : undefined,
  );
  store.env.events = events;

  let savedVersion = saved ? store.version : -1;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const preset = typeof opts.limits === 'string' ? LIMIT_PRESETS[opts.limits] : undefined;
  if (typeof opts.limits === 'string' && !preset) {
    throw new Error(`Unknown limits preset ${opts.limits} (known: ${Object.keys(LIMIT_PRESETS)})`);
  }
  const limitRules = preset
    ? preset()
    : Array.isArray(opts.limits)
      ? opts.limits.map((r) => parseRule({ ...r }))
      : [];
  const ctx: EmulatorContext = {
    store,
    clock,
    faults: new FaultInjector({
      latencyMs: opts.latencyMs ?? 0,
      jitterMs: opts.latencyJitterMs ?? 0,
    }),
    // The buckets refill on the emulator's clock: injectable (`now`) and stepped by the
    // control API's clock/advance.
    limits: new RateLimiter(() => clock.now(), limitRules),
    counters: emptyCounters(),
    events,
    persistence,
    commit() {
      if (persistence && store.version !== savedVersion) {
        persistence.save(store.snapshot());
        savedVersion = store.version;
      }
      armTimer();
    },
  };

  function armTimer() {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    const next = store.nextDueMs();
    if (next === undefined) return;
    const delay = Math.min(Math.max(next - clock.now(), 5), 2_147_483_000);
    timer = setTimeout(() => {
      store.tick();
      ctx.commit();
    }, delay);
    timer.unref();
  }
  ctx.commit();

  const handlers = operationHandlers(store);

  async function handleAws(req: IncomingMessage, res: ServerResponse, url: URL) {
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    if (!match) {
      throw new AwsError(
        'UnknownOperationException',
        `No operation matches ${req.method} ${url.pathname}`,
      );
    }
    // Any SigV4-signed request is accepted; signatures are not verified.
    if (!req.headers.authorization) {
      throw new AwsError('AccessDeniedException', 'Missing Authentication Token');
    }
    const op = match.route.operation;
    const counters = ctx.counters;
    counters.total++;
    counters.byOperation[op] = (counters.byOperation[op] ?? 0) + 1;
    await ctx.faults.delay();
    try {
      ctx.limits.take(op);
      await ctx.faults.apply(op);
    } catch (e) {
      if (e instanceof AwsError && e.type === 'ThrottlingException') {
        counters.throttled.total++;
        counters.throttled.byOperation[op] = (counters.throttled.byOperation[op] ?? 0) + 1;
      }
      throw e;
    }
    const body = parseBody(await readBody(req));
    const input = bindInput(op, match.labels, url.searchParams, body);
    validateInput(op, input);
    store.tick();
    const output = handlers.get(op)?.(input);
    ctx.commit();
    sendJson(res, operation(op).http.responseCode ?? 200, output ?? {});
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const started = Date.now();
    const done = (status: number, err?: AwsError) => {
      if (opts.quiet === false) {
        const label = err ? ` ${err.type}` : '';
        console.error(`${req.method} ${url.pathname} ${status}${label} ${Date.now() - started}ms`);
      }
    };
    const fail = (err: unknown) => {
      const aws =
        err instanceof AwsError
          ? err
          : new AwsError('InternalServerException', 'The emulator failed to process the request');
      if (!(err instanceof AwsError)) console.error(err);
      try {
        store.tick();
        ctx.commit();
      } catch (e) {
        console.error(e);
      }
      if (!res.headersSent) sendError(res, aws);
      done(aws.status, aws);
    };
    if (url.pathname.startsWith('/_emulator/')) {
      handleControl(req, res, url, ctx).then(() => done(res.statusCode), fail);
      return;
    }
    handleAws(req, res, url).then(() => done(res.statusCode), fail);
  });

  return {
    ctx,
    server,
    async listen(): Promise<RunningEmulator> {
      const host = opts.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const port = (server.address() as AddressInfo).port;
      return {
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((resolve, reject) => {
            closed = true;
            if (timer) clearTimeout(timer);
            server.close((err) => (err ? reject(err) : resolve()));
            server.closeAllConnections();
          }),
      };
    },
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return createEmulator(opts).listen();
}
