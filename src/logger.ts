/**
 * Structured JSON logs (pino). Every credential is redacted wherever it sits in a logged
 * object: the member names come from the AppFlow model (members whose shape is `sensitive`),
 * plus the HTTP and graphql-ws places credentials travel (authorization, x-api-key, ...).
 * Bearer tokens inside strings are masked too.
 */
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { holdsCredentials } from './model/credentials.js';
import { model } from './model/model.js';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Members of any model structure whose target shape is marked `sensitive`. */
export function sensitiveModelMembers(): string[] {
  const names = new Set<string>();
  for (const s of Object.values(model.shapes)) {
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      if (model.shapes[ref.shape]?.sensitive) names.add(member);
    }
  }
  return [...names].sort();
}

/**
 * Members that only ever hold credentials structures (`connectorProfileCredentials`,
 * `credentialsMap`, `oAuth2Credentials`, ...): redacted whole, so a secret under a member the
 * model does not mark sensitive (Datadog's applicationKey, credentialsMap entries, a misspelt
 * member) is hidden too.
 */
export function credentialContainerMembers(): string[] {
  const seen = new Map<string, boolean>();
  for (const s of Object.values(model.shapes)) {
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      seen.set(member, (seen.get(member) ?? true) && holdsCredentials(ref.shape));
    }
  }
  return [...seen]
    .filter(([, only]) => only)
    .map(([member]) => member)
    .sort();
}

/** Where credentials travel outside the model: headers and graphql-ws connectionParams. */
const TRANSPORT_SECRETS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'apikey',
  'api_key',
  'token',
  'jwt',
  'cookie',
  'set-cookie',
  'password',
  'secret',
  // OAuth refresh tokens are not marked sensitive in the model, but they are credentials.
  'refreshToken',
  'connectionParams',
];

export const SENSITIVE_KEYS: ReadonlySet<string> = new Set(
  [...sensitiveModelMembers(), ...credentialContainerMembers(), ...TRANSPORT_SECRETS].map((k) =>
    k.toLowerCase(),
  ),
);

export const REDACTED = '[REDACTED]';

/** Bytes of log lines buffered before a write to stdout (and a flush every second). */
const LOG_BUFFER_BYTES = 4096;

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;

/** A deep copy with every sensitive member replaced and bearer tokens in strings masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(BEARER, `$1 ${REDACTED}`);
  if (value === null || typeof value !== 'object' || depth > 12) return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redact(value.message, depth + 1),
      stack: redact(value.stack, depth + 1),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (typeof (value as Headers).forEach === 'function' && value instanceof Headers) {
    const out: Record<string, string> = {};
    value.forEach((v, k) => {
      out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? REDACTED : (redact(v, depth + 1) as string);
    });
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SENSITIVE_KEYS.has(k.toLowerCase()) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}

/**
 * Fields every line of a logger made without its own mixin carries, once set: OpenTelemetry's
 * trace ids when the process exports spans (src/plugins/index.ts sets it after the SDK started,
 * which is after the process entry made its logger).
 */
let processMixin: (() => Record<string, unknown>) | undefined;
export function setProcessLogMixin(mixin: (() => Record<string, unknown>) | undefined): void {
  processMixin = mixin;
}
const processFields = () => processMixin?.() ?? {};

export function createLogger(
  options: {
    level?: string;
    name?: string;
    /** Fields added to every line (the active span's trace_id and span_id: src/telemetry.ts). */
    mixin?: () => Record<string, unknown>;
  } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name: options.name ?? 'appflow-gateway',
      level: options.level ?? 'info',
      mixin: options.mixin ?? processFields,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are strings the code wrote, but may quote a header value: mask tokens.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? redact(a) : a));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    // Lines are written 4 KB at a time, and at least every second: one write per request
    // (a line each) was the largest per-request cost of a cheap operation (`{ __typename }`).
    // pino flushes what is buffered when the process exits.
    destination ??
      pino.destination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: 1000 }),
  );
}

/** What graphql-ws prints when a client's frame breaks the protocol (ws closed it already). */
const WS_SOCKET_ERROR = /^Internal error emitted on a WebSocket socket/;

/**
 * The gateway process writes JSON lines only: libraries that print with `console` go through
 * the logger instead, one event per call, at a level LOG_LEVEL governs. graphql-ws reports a
 * client's bad frame (a frame over WS_MAX_PAYLOAD_BYTES: ws has already closed the socket with
 * 1009) with console.error and a stack trace; that is the client's doing, so it is an `info`
 * event with the reason and no stack. Only the process entry (src/server.ts main) calls this;
 * an application embedding the gateway keeps its own console.
 */
export function routeConsoleToLogger(logger: Logger): void {
  const route =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const text = format(...args.filter((a) => a !== err));
      if (err && WS_SOCKET_ERROR.test(text)) {
        const code = (err as { code?: string }).code;
        logger.info({ ws: 'socket error', reason: err.message, code }, 'websocket');
        return;
      }
      if (err) logger[level]({ err }, text || err.message);
      else logger[level](text);
    };
  console.log = route('info');
  console.info = route('info');
  console.warn = route('warn');
  console.error = route('error');
  console.debug = route('debug');
  console.trace = route('debug');
}
