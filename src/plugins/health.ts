/**
 * Operational endpoints beside /graphql: `/ready` (AppFlow reachable, Redis too when
 * configured; 503 once shutdown began) and `/metrics` (Prometheus). `/health` (the process
 * answers: 200, empty body) is Yoga's built-in health check.
 */
import { type AppflowClient, ListFlowsCommand } from '@aws-sdk/client-appflow';
import type { Plugin } from 'graphql-yoga';
import type { SharedRedis } from '../redis.js';
import type { GatewayMetrics } from './metrics.js';

export interface ReadinessReport {
  ready: boolean;
  shuttingDown: boolean;
  checks: Record<string, string>;
}

type Check = () => Promise<void>;

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
  private readonly checks = new Map<string, Check>();

  constructor(
    /** A report is reused this long, so probes cannot flood AppFlow. */
    private readonly cacheMs = 2_000,
    private readonly timeoutMs = 3_000,
  ) {}

  add(name: string, check: Check): this {
    this.checks.set(name, check);
    return this;
  }

  /** AppFlow answers a cheap signed call (ListFlows, one result). */
  addAppflow(client: AppflowClient): this {
    return this.add('appflow', async () => {
      await client.send(new ListFlowsCommand({ maxResults: 1 }));
    });
  }

  /** Redis answers PING (on the process's command connection). */
  addRedis(redis: SharedRedis): this {
    return this.add('redis', async () => {
      await redis.call((r) => r.ping());
    });
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async report(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { ready: false, shuttingDown: true, checks: {} };
    if (this.last && Date.now() - this.last.at < this.cacheMs) return this.last.report;
    this.running ??= (async () => {
      const checks: Record<string, string> = {};
      await Promise.all(
        [...this.checks].map(async ([name, check]) => {
          try {
            await withTimeout(check(), this.timeoutMs, name);
            checks[name] = 'ok';
          } catch (error) {
            checks[name] = `failed: ${(error as Error).name}`;
          }
        }),
      );
      const report = {
        ready: !this.shuttingDown && Object.values(checks).every((c) => c === 'ok'),
        shuttingDown: this.shuttingDown,
        checks,
      };
      this.last = { at: Date.now(), report };
      return report;
    })().finally(() => {
      this.running = undefined;
    });
    const report = await this.running;
    return this.shuttingDown ? { ready: false, shuttingDown: true, checks: {} } : report;
  }
}

export function useOperationalEndpoints(opts: {
  readiness: Readiness;
  metrics: GatewayMetrics;
}): Plugin {
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
              { status: report.ready ? 'ready' : 'unavailable', ...report },
              report.ready ? 200 : 503,
            ),
          );
          return;
        }
        case '/metrics': {
          const { contentType, body } = await opts.metrics.render();
          endResponse(
            new Response(body, { status: 200, headers: { 'content-type': contentType } }),
          );
          return;
        }
      }
    },
  };
}
