/**
 * Every error a client sees carries `extensions.code`. Yoga and some plugins (CSRF prevention,
 * method checks) refuse requests with an HTTP status but no code; this gives them one from the
 * status, so clients can always branch on the code.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

export function withCode(error: unknown): unknown {
  if (!(error instanceof GraphQLError) || error.extensions?.code) return error;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  const code = /CSRF/.test(error.message)
    ? 'CSRF_HEADER_REQUIRED'
    : status
      ? (CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'))
      : undefined;
  if (!code) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export function useErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result))
        return;
      const errors = (result as { errors?: readonly unknown[] }).errors;
      if (!errors?.some((e) => e instanceof GraphQLError && !e.extensions?.code)) return;
      setResult({ ...result, errors: errors.map(withCode) } as never);
    },
  };
}
