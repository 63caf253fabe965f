/**
 * The control API under `/_emulator/` (moto's `/moto-api/` idea): no auth, JSON in and out.
 * See README.md in this folder for the list.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EmulatorContext, emptyCounters } from './context.js';
import { eventsControl } from './events.js';
import { AwsError } from './exceptions.js';
import { checkLatency } from './faults.js';
import { LIMIT_PRESETS, parseRule } from './limits.js';
import { parseBody, readBody, sendJson } from './responses.js';
import { applySeed, generateSynthetic } from './seed.js';
import { builtInSeed, type SeedDocument } from './seed-data.js';

class ControlError extends AwsError {
  constructor(message: string, status = 400) {
    super('ValidationException', message);
    (this as { status: number }).status = status;
  }
}

const num = (v: unknown, name: string): number => {
  const n = Number(v);
  if (v === undefined || v === null || !Number.isFinite(n)) {
    throw new ControlError(`${name} must be a number`);
  }
  return n;
};

/** Loopback hosts: a page served from this machine (a local dashboard) may drive the emulator. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Issue #24 item 10: a page on any origin could send the control API a "simple" request (no
 * CORS preflight: POST with `content-type: text/plain`, a form post) and reset or fault the
 * emulator. As LocalStack does with origins it does not allow, refuse: a request whose
 * `Origin` is not a loopback origin (browsers send Origin on every cross-origin request and on
 * every POST; `null` from sandboxed frames and files is foreign too), and a request with a
 * body, or a content type, that is not JSON. The emulator serves no pages of its own, so no
 * legitimate caller sends another origin; a DNS-rebound page still carries its own name.
 */
export function checkControlRequest(req: IncomingMessage) {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let host = '';
    try {
      host = new URL(origin).hostname;
    } catch {}
    if (!LOOPBACK_HOST.test(host)) {
      throw new AwsError(
        'AccessDeniedException',
        'The emulator control API accepts no cross-origin requests (only loopback origins)',
      );
    }
  }
  const type = req.headers['content-type'];
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  if ((type !== undefined || hasBody) && !/^application\/json\s*(;|$)/i.test(type ?? '')) {
    throw new AwsError(
      'UnsupportedMediaTypeException',
      'The emulator control API takes JSON bodies only (content-type: application/json)',
    );
  }
}

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: EmulatorContext,
) {
  const { store, clock } = ctx;
  const method = req.method ?? 'GET';
  checkControlRequest(req);
  const path = url.pathname.replace(/^\/_emulator/, '').replace(/\/$/, '');
  const body = method === 'GET' ? {} : parseBody(await readBody(req));
  store.tick();
  const ok = (payload: unknown = { ok: true }) => {
    ctx.commit();
    sendJson(res, 200, payload);
  };
  const route = `${method} ${path}`;

  switch (route) {
    case 'GET /health':
      return ok({ status: 'ok', now: clock.now() / 1000, ...store.counts() });
    case 'POST /reset':
      store.reset();
      clock.reset();
      ctx.faults.clear();
      ctx.limits.reset();
      ctx.counters = emptyCounters();
      return ok();
    case 'POST /seed': {
      try {
        if (body.generate) {
          const g = body.generate as Record<string, unknown>;
          generateSynthetic(store, {
            flows: num(g.flows ?? 100, 'generate.flows'),
            profiles: num(g.profiles ?? 10, 'generate.profiles'),
            executionsPerFlow: num(g.executionsPerFlow ?? 0, 'generate.executionsPerFlow'),
          });
        } else if (body.profiles || body.flows || body.executions || body.connectors) {
          applySeed(store, body as SeedDocument);
        } else {
          applySeed(store, builtInSeed(clock.now(), store.opts.accountId));
        }
      } catch (e) {
        ctx.commit();
        if (e instanceof AwsError) throw new ControlError(`Seed failed: ${e.type}: ${e.message}`);
        throw e;
      }
      return ok({ ok: true, ...store.counts() });
    }
    case 'GET /faults':
      return ok({ faults: ctx.faults.faults, baseLatency: ctx.faults.baseLatency });
    case 'POST /faults':
      try {
        return ok(ctx.faults.add(body));
      } catch (e) {
        throw new ControlError((e as Error).message);
      }
    case 'DELETE /faults':
      ctx.faults.clear();
      return ok();
    case 'GET /latency':
      return ok(ctx.faults.baseLatency);
    case 'POST /latency': {
      const latencyMs = num(body.latencyMs ?? 0, 'latencyMs');
      const jitterMs = num(body.jitterMs ?? 0, 'jitterMs');
      try {
        checkLatency(latencyMs, jitterMs);
      } catch (e) {
        throw new ControlError((e as Error).message);
      }
      ctx.faults.baseLatency = { latencyMs, jitterMs };
      return ok(ctx.faults.baseLatency);
    }
    case 'GET /limits':
      return ok({ limits: ctx.limits.list() });
    case 'POST /limits': {
      try {
        if (body.preset !== undefined) {
          const preset = LIMIT_PRESETS[String(body.preset)];
          if (!preset) throw new Error(`unknown preset ${String(body.preset)} (known: aws)`);
          for (const rule of preset()) ctx.limits.set(rule);
        } else {
          ctx.limits.set(parseRule(body));
        }
      } catch (e) {
        throw new ControlError((e as Error).message);
      }
      return ok({ limits: ctx.limits.list() });
    }
    case 'DELETE /limits':
      ctx.limits.clear();
      return ok();
    case 'POST /runs/outcome': {
      const outcome = body.outcome ?? 'Error';
      if (outcome !== 'Error' && outcome !== 'Successful') {
        throw new ControlError("outcome must be 'Error' or 'Successful'");
      }
      const count = body.persistent
        ? null
        : body.count === undefined
          ? 1
          : num(body.count, 'count');
      store.runs.setOutcome({
        flowName: typeof body.flowName === 'string' ? body.flowName : undefined,
        outcome,
        remaining: count,
        message: typeof body.message === 'string' ? body.message : undefined,
      });
      return ok({ outcomes: store.runs.outcomes });
    }
    case 'DELETE /runs/outcome':
      store.runs.clearOutcomes();
      return ok();
    case 'GET /clock':
      return ok({ now: clock.now() / 1000 });
    case 'POST /clock/advance': {
      const seconds = num(body.seconds, 'seconds');
      if (seconds < 0) throw new ControlError('seconds must be >= 0 (time only moves forward)');
      clock.advance(seconds);
      store.tick();
      return ok({ now: clock.now() / 1000 });
    }
    case 'POST /consistency': {
      const calls = num(body.hideNewRunsForCalls ?? 0, 'hideNewRunsForCalls');
      store.runs.setHideNewRuns(Math.max(0, Math.floor(calls)));
      return ok({ hideNewRunsForCalls: store.runs.hideNewRunsForCalls });
    }
    case 'GET /requests':
      return ok(ctx.counters);
    case 'DELETE /requests':
      ctx.counters = emptyCounters();
      return ok();
    case 'GET /events':
    case 'POST /events':
    case 'DELETE /events':
      try {
        return ok(eventsControl(ctx.events, method, body));
      } catch (e) {
        throw new ControlError((e as Error).message);
      }
    case 'POST /events/flush':
      ctx.events.release();
      await ctx.events.flush();
      return ok(eventsControl(ctx.events, 'GET', {}));
    case 'GET /metadata-cache':
      return ok({ entries: [...store.metadata.cache.keys()] });
  }
  const trigger = /^POST \/flows\/([^/]+)\/trigger$/.exec(route);
  if (trigger) {
    return ok(store.flows.triggerEvent(decodeURIComponent(trigger[1])));
  }
  throw new ControlError(`No control route ${route}`, 404);
}
