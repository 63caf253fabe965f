/**
 * Operational endpoints beside /graphql: `/ready`. `/health` (the process answers: 200, empty
 * body) is Yoga's built-in health check. `/metrics` has a listener of its own (METRICS_PORT:
 * serveMetrics in ./metrics.ts), not the public port.
 *
 * `/ready` is 200 while AppFlow answers, 503 when it does not and from the start of a shutdown.
 * Redis (when configured) is an accelerator: without it this replica still serves (cache in
 * memory, events and polling local), so a failing Redis check answers 200 with `status:
 * "degraded"`, and a load balancer keeps the replica in rotation.
 */
import { type AppflowClient, ListFlowsCommand } from '@aws-sdk/client-appflow';
import type { Plugin } from 'graphql-yoga';
import type { SharedRedis } from '../redis.js';

export interface ReadinessReport {
  ready: boolean;
  /** Ready, but a check the replica can serve without failed. */
  degraded: boolean;
  shuttingDown: boolean;
  checks: Record<string, string>;
}

type Check = () => Promise<void>;

const SHUTTING_DOWN: ReadinessReport = {
  ready: false,
  degraded: false,
  shuttingDown: true,
  checks: {},
};

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class Readiness {
  private shuttingDown = false;
  private last?: { at: number; report: ReadinessReport };
  private running?: Promise<ReadinessReport>;
  private readonly checks = new Map<string, { check: Check; required: boolean }>();

  constructor(
    /** A report is reused this long, so probes cannot flood AppFlow. */
    private readonly cacheMs = 2_000,
    private readonly timeoutMs = 3_000,
  ) {}

  /** A check; one that is not `required` only makes the report degraded when it fails. */
  add(name: string, check: Check, options: { required?: boolean } = {}): this {
    this.checks.set(name, { check, required: options.required ?? true });
    return this;
  }

  /** AppFlow answers a cheap signed call (ListFlows, one result). */
  addAppflow(client: AppflowClient): this {
    return this.add('appflow', async () => {
      await client.send(new ListFlowsCommand({ maxResults: 1 }));
    });
  }

  /** Redis answers PING (fails at once while its breaker is open); not required. */
  addRedis(redis: SharedRedis): this {
    return this.add(
      'redis',
      async () => {
        await redis.call((r) => r.ping());
      },
      { required: false },
    );
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async report(): Promise<ReadinessReport> {
    if (this.shuttingDown) return SHUTTING_DOWN;
    if (this.last && Date.now() - this.last.at < this.cacheMs) return this.last.report;
    this.running ??= (async () => {
      const checks: Record<string, string> = {};
      let ready = true;
      let degraded = false;
      await Promise.all(
        [...this.checks].map(async ([name, { check, required }]) => {
          try {
            await withTimeout(check(), this.timeoutMs, name);
            checks[name] = 'ok';
          } catch (error) {
            checks[name] = `failed: ${(error as Error).name}`;
            if (required) ready = false;
            else degraded = true;
          }
        }),
      );
      const report = { ready, degraded: ready && degraded, shuttingDown: false, checks };
      this.last = { at: Date.now(), report };
      return report;
    })().finally(() => {
      this.running = undefined;
    });
    const report = await this.running;
    return this.shuttingDown ? SHUTTING_DOWN : report;
  }
}

export function useOperationalEndpoints(opts: { readiness: Readiness }): Plugin {
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const json = (body: unknown, status: number) =>
        new fetchAPI.Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        });
      switch (url.pathname) {
        case '/ready': {
          const report = await opts.readiness.report();
          endResponse(
            json(
              {
                status: !report.ready ? 'unavailable' : report.degraded ? 'degraded' : 'ready',
                ...report,
              },
              report.ready ? 200 : 503,
            ),
          );
          return;
        }
      }
    },
  };
}
