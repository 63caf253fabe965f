/**
 * THE AppFlow error table: every AppFlow (AWS SDK) failure -> a stable `extensions.code`,
 * whether it is worth retrying, and the domain error a mutation returns as data. Reads, the
 * mutations (src/services/mutations) and the live-status poller (src/live) all classify
 * failures here; nothing else keeps a copy. The SDK names each exception after the
 * `x-amzn-errortype` AppFlow sent.
 */
import { GraphQLError } from 'graphql';

/** The domain errors a mutation may return as data (src/services/mutations/errors.ts). */
export type DomainErrorName =
  | 'NotFoundError'
  | 'ConflictError'
  | 'ValidationError'
  | 'QuotaExceededError'
  | 'ConnectorAuthenticationError'
  | 'ConnectorServerError'
  | 'UnsupportedOperationError';

export interface AppflowErrorKind {
  /** The graph's `extensions.code`. */
  code: string;
  /** Throttling, 5xx, network: worth retrying later (the poller backs off and keeps streams). */
  retryable: boolean;
  /** Expected failures a mutation returns as data. */
  domainError?: DomainErrorName;
}

export const APPFLOW_ERRORS: Readonly<Record<string, AppflowErrorKind>> = {
  ResourceNotFoundException: { code: 'NOT_FOUND', retryable: false, domainError: 'NotFoundError' },
  ValidationException: {
    code: 'BAD_USER_INPUT',
    retryable: false,
    domainError: 'ValidationError',
  },
  ConflictException: { code: 'CONFLICT', retryable: false, domainError: 'ConflictError' },
  ServiceQuotaExceededException: {
    code: 'QUOTA_EXCEEDED',
    retryable: false,
    domainError: 'QuotaExceededError',
  },
  ConnectorAuthenticationException: {
    code: 'CONNECTOR_AUTHENTICATION_FAILED',
    retryable: false,
    domainError: 'ConnectorAuthenticationError',
  },
  ConnectorServerException: {
    code: 'CONNECTOR_SERVER_ERROR',
    retryable: false,
    domainError: 'ConnectorServerError',
  },
  UnsupportedOperationException: {
    code: 'UNSUPPORTED_OPERATION',
    retryable: false,
    domainError: 'UnsupportedOperationError',
  },
  ThrottlingException: { code: 'THROTTLED', retryable: true },
  InternalServerException: { code: 'UPSTREAM_UNAVAILABLE', retryable: true },
  AccessDeniedException: { code: 'ACCESS_DENIED', retryable: false },
  UnrecognizedClientException: { code: 'ACCESS_DENIED', retryable: false },
  InvalidSignatureException: { code: 'ACCESS_DENIED', retryable: false },
  ExpiredTokenException: { code: 'ACCESS_DENIED', retryable: false },
  CredentialsProviderError: { code: 'ACCESS_DENIED', retryable: false },
};

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** A failure classified by the table (or by its HTTP status / network error when unnamed). */
export interface ClassifiedError extends AppflowErrorKind {
  /** The AppFlow exception name, when AppFlow named one the table knows. */
  appflowError?: string;
  /** A message safe to show: AppFlow's own for client faults, a generic one otherwise. */
  message: string;
}

const UNAVAILABLE: AppflowErrorKind = { code: 'UPSTREAM_UNAVAILABLE', retryable: true };

/**
 * A failure callAppflow already turned into a coded GraphQLError (the reader's): the same kind
 * again, from the exception name or the code it carries.
 */
function codedKind(error: unknown): AppflowErrorKind | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const { appflowError, code } = error.extensions as { appflowError?: string; code?: string };
  if (appflowError && APPFLOW_ERRORS[appflowError]) return APPFLOW_ERRORS[appflowError];
  if (typeof code !== 'string') return undefined;
  return (
    Object.values(APPFLOW_ERRORS).find((kind) => kind.code === code) ?? { ...UNAVAILABLE, code }
  );
}

function kindOf(e: SdkError): AppflowErrorKind {
  const named = e.name ? APPFLOW_ERRORS[e.name] : undefined;
  if (named) return named;
  const coded = codedKind(e);
  if (coded) return coded;
  const status = e.$metadata?.httpStatusCode;
  if (status === 429) return APPFLOW_ERRORS.ThrottlingException!;
  if (status === 404) return { code: 'NOT_FOUND', retryable: false };
  if (status === 401 || status === 403) return APPFLOW_ERRORS.AccessDeniedException!;
  if (status !== undefined && status >= 400 && status < 500) {
    return { code: 'BAD_USER_INPUT', retryable: false };
  }
  // 5xx, network failures (ECONNREFUSED, ECONNRESET, ...), timeouts and anything unknown: an
  // outage, retried with backoff.
  return UNAVAILABLE;
}

function publicMessage(code: string, e: SdkError): string {
  switch (code) {
    case 'UPSTREAM_UNAVAILABLE':
      return 'AppFlow is unavailable right now; try again shortly.';
    case 'THROTTLED':
      return 'AppFlow throttled the request; try again shortly.';
    case 'ACCESS_DENIED':
      return 'The gateway is not allowed to call AppFlow for this request.';
    default:
      return e.message || code;
  }
}

/** Classify any failure of an AppFlow call. */
export function classifyAppflowError(error: unknown): ClassifiedError {
  const e = (error ?? {}) as SdkError;
  const kind = kindOf(e);
  return {
    ...kind,
    appflowError: e.name && e.name in APPFLOW_ERRORS ? e.name : undefined,
    message: publicMessage(kind.code, e),
  };
}

/** Is this an AppFlow failure (of the given exception name, when one is given)? */
export function isAppflowError(error: unknown, name?: string): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as SdkError;
  if (name) return e.name === name;
  return e.name !== undefined && (e.name in APPFLOW_ERRORS || e.$metadata !== undefined);
}

/** The stable code for an upstream failure. */
export function appflowErrorCode(error: unknown): string {
  return classifyAppflowError(error).code;
}

/** Wrap any failure of an AppFlow call as a GraphQLError the client may see. */
export function toGraphQLError(error: unknown, operation?: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const classified = classifyAppflowError(error);
  return new GraphQLError(classified.message, {
    extensions: {
      code: classified.code,
      ...(operation ? { appflowOperation: operation } : {}),
      ...(classified.appflowError ? { appflowError: classified.appflowError } : {}),
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
