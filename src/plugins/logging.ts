/**
 * Request logs: one JSON line per HTTP request with its request id (the caller's
 * `x-request-id` when well-formed, a fresh UUID otherwise; echoed in the response), the
 * operation, the viewer and the outcome. Variables are logged at debug level only, through the
 * logger's redaction. Unexpected errors are logged in full here and masked for the client.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError, getOperationAST } from 'graphql';
import { maskError, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../logger.js';
import { redactVariables, sensitiveInputs } from './redaction.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

interface RequestInfo {
  id: string;
  started: number;
  operation?: string;
  type?: string;
  viewer?: string;
  errorCodes?: string[];
}

const requests = new WeakMap<Request, RequestInfo>();

export function requestIdFrom(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** The id given to this request (after the logging plugin saw it). */
export function requestId(request: Request): string | undefined {
  return requests.get(request)?.id;
}

export function useRequestLogging(logger: Logger): Plugin<GatewayContext> {
  return {
    onRequest({ request }) {
      requests.set(request, {
        id: requestIdFrom(request.headers.get('x-request-id')),
        started: performance.now(),
      });
    },
    onExecute({ args }) {
      const ctx = args.contextValue as GatewayContext & { request?: Request };
      const info = ctx.request ? requests.get(ctx.request) : undefined;
      const op = getOperationAST(args.document, args.operationName);
      if (info) {
        info.operation = op?.name?.value ?? args.operationName ?? undefined;
        info.type = op?.operation;
        info.viewer = ctx.viewer?.id;
      }
      if (logger.isLevelEnabled('debug')) {
        logger.debug(
          {
            reqId: info?.id,
            operation: op?.name?.value,
            type: op?.operation,
            viewer: ctx.viewer?.id,
            // Redacted by where each variable is used (a sensitive member, a credentials
            // container), whatever it is called: src/plugins/redaction.ts.
            variables: redactVariables(
              args.variableValues as Record<string, unknown>,
              sensitiveInputs(args.schema, args.document),
            ),
          },
          'graphql operation',
        );
      }
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? result.errors : undefined;
          if (info && errors?.length) {
            info.errorCodes = errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
          }
        },
      };
    },
    onResponse({ request, response }) {
      const info = requests.get(request);
      if (!info) return;
      response.headers.set('x-request-id', info.id);
      const url = new URL(request.url);
      // Probes would drown the log: only their failures are worth a line.
      if ((url.pathname === '/health' || url.pathname === '/metrics') && response.ok) return;
      if (url.pathname === '/ready' && response.ok) return;
      logger.info(
        {
          reqId: info.id,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round((performance.now() - info.started) * 10) / 10,
          operation: info.operation,
          type: info.type,
          viewer: info.viewer,
          errors: info.errorCodes,
        },
        'request',
      );
    },
  };
}

/** Yoga's maskError, plus a log line with the original error for anything unexpected. */
export function loggingMaskError(logger: Logger) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const expected = error instanceof GraphQLError && !error.originalError;
    if (!expected && !(original instanceof GraphQLError)) {
      logger.error({ err: original, path: (error as GraphQLError).path }, 'unexpected error');
    }
    return maskError(error, message, isDev);
  };
}
