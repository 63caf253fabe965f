/**
 * AppFlow (AWS SDK) exceptions -> GraphQL errors with a stable `extensions.code`.
 * The SDK names each exception after the `x-amzn-errortype` AppFlow sent.
 */
import { GraphQLError } from 'graphql';

export const APPFLOW_ERROR_CODES: Record<string, string> = {
  ResourceNotFoundException: 'NOT_FOUND',
  ValidationException: 'BAD_USER_INPUT',
  ConflictException: 'CONFLICT',
  AccessDeniedException: 'ACCESS_DENIED',
  ThrottlingException: 'THROTTLED',
  ServiceQuotaExceededException: 'QUOTA_EXCEEDED',
  ConnectorAuthenticationException: 'CONNECTOR_AUTHENTICATION_FAILED',
  ConnectorServerException: 'CONNECTOR_SERVER_ERROR',
  UnsupportedOperationException: 'UNSUPPORTED_OPERATION',
  InternalServerException: 'UPSTREAM_UNAVAILABLE',
  UnrecognizedClientException: 'ACCESS_DENIED',
  InvalidSignatureException: 'ACCESS_DENIED',
  ExpiredTokenException: 'ACCESS_DENIED',
  CredentialsProviderError: 'ACCESS_DENIED',
};

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
}

export function isAppflowError(error: unknown, name?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as SdkError;
  if (name) return e.name === name;
  return e.name !== undefined && (e.name in APPFLOW_ERROR_CODES || e.$metadata !== undefined);
}

/** The stable code for an upstream failure; network errors and 5xx are UPSTREAM_UNAVAILABLE. */
export function appflowErrorCode(error: unknown): string {
  const e = (error ?? {}) as SdkError;
  if (e.name && APPFLOW_ERROR_CODES[e.name]) return APPFLOW_ERROR_CODES[e.name]!;
  const status = e.$metadata?.httpStatusCode;
  if (status === 429) return 'THROTTLED';
  if (status !== undefined && status >= 500) return 'UPSTREAM_UNAVAILABLE';
  if (status === 403 || status === 401) return 'ACCESS_DENIED';
  if (status !== undefined && status >= 400) return 'BAD_USER_INPUT';
  if (e.code && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN/.test(e.code)) {
    return 'UPSTREAM_UNAVAILABLE';
  }
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'UPSTREAM_UNAVAILABLE';
  return 'UPSTREAM_UNAVAILABLE';
}

/** Messages safe to show: AppFlow's own for client faults, a generic one otherwise. */
function publicMessage(code: string, error: SdkError): string {
  switch (code) {
    case 'UPSTREAM_UNAVAILABLE':
      return 'AppFlow is unavailable right now; try again shortly.';
    case 'THROTTLED':
      return 'AppFlow throttled the request; try again shortly.';
    case 'ACCESS_DENIED':
      return 'The gateway is not allowed to call AppFlow for this request.';
    default:
      return error.message || code;
  }
}

/** Wrap any failure of an AppFlow call as a GraphQLError the client may see. */
export function toGraphQLError(error: unknown, operation?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const e = (error ?? {}) as SdkError;
  const code = appflowErrorCode(error);
  return new GraphQLError(publicMessage(code, e), {
    extensions: {
      code,
      ...(operation ? { appflowOperation: operation } : {}),
      ...(e.name && e.name in APPFLOW_ERROR_CODES ? { appflowError: e.name } : {}),
    },
  });
}

/** Run an AppFlow call and rethrow its failure as a coded GraphQL error. */
export async function callAppflow<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGraphQLError(error, operation);
  }
}
