/**
 * The domain errors a mutation returns as data (members of each payload's error union), and
 * the mapping of AppFlow's failures to them: the table in src/appflow/errors.ts names the
 * domain error of each AppFlow exception; anything else stays a coded GraphQL error.
 */
import {
  APPFLOW_ERRORS,
  classifyAppflowError,
  type DomainErrorName,
  toGraphQLError,
} from '../../appflow/errors.js';
import { operation } from '../../model/model.js';
import type { FieldError } from './prevalidate.js';
import { redact } from './secrets.js';

export class MutationError extends Error {}

export class NotFoundError extends MutationError {
  override name = 'NotFoundError';
}
export class ConflictError extends MutationError {
  override name = 'ConflictError';
}
export class ValidationError extends MutationError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}
export class QuotaExceededError extends MutationError {
  override name = 'QuotaExceededError';
}
export class ConnectorAuthenticationError extends MutationError {
  override name = 'ConnectorAuthenticationError';
  /** Which credentials to check: member names only, never values. */
  readonly hint: string;
  /** The input path of the credentials member, when the input had one. */
  readonly credentialsPath: (string | number)[] | null;
  constructor(message: string, where: CredentialsHint) {
    super(message);
    this.hint = where.hint;
    this.credentialsPath = where.path;
  }
}
export class ConnectorServerError extends MutationError {
  override name = 'ConnectorServerError';
}
export class UnsupportedOperationError extends MutationError {
  override name = 'UnsupportedOperationError';
}

/** Where the credentials a connector rejected are, for ConnectorAuthenticationError. */
export interface CredentialsHint {
  /** The input path of the credentials member, when the input had one. */
  path: (string | number)[] | null;
  /** Which credentials to check: member names only, never values. */
  hint: string;
}

export interface FailureContext {
  /** Every secret of the request: scrubbed from messages. */
  secrets: readonly string[];
  credentials?: CredentialsHint;
}

const DEFAULT_CREDENTIALS_HINT: CredentialsHint = {
  path: null,
  hint: 'Check the credentials stored in the connector profile this operation uses.',
};

// biome-ignore lint/suspicious/noExplicitAny: the error classes take different arguments.
export type MutationErrorClass = new (...args: any[]) => MutationError;

export const DOMAIN_ERRORS: Record<DomainErrorName, MutationErrorClass> = {
  NotFoundError,
  ConflictError,
  ValidationError,
  QuotaExceededError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  UnsupportedOperationError,
};

/**
 * The domain errors an operation returns as data: ValidationError (the gateway checks every
 * request first) and those of the AppFlow exceptions the model lists for the operation.
 */
export function domainErrorsOf(operationName: string): MutationErrorClass[] {
  const names = new Set<DomainErrorName>(['ValidationError']);
  for (const { shape } of operation(operationName).errors ?? []) {
    const name = APPFLOW_ERRORS[shape]?.domainError;
    if (name) names.add(name);
  }
  return [...names].map((name) => DOMAIN_ERRORS[name]);
}

function domainError(name: DomainErrorName, message: string, failure: FailureContext) {
  switch (name) {
    case 'ValidationError':
      return new ValidationError(message, [
        { path: ['input'], message, code: 'APPFLOW_VALIDATION' },
      ]);
    case 'ConnectorAuthenticationError':
      return new ConnectorAuthenticationError(
        message,
        failure.credentials ?? DEFAULT_CREDENTIALS_HINT,
      );
    default:
      return new DOMAIN_ERRORS[name](message);
  }
}

/** An expected AppFlow failure as a domain error; anything else as a coded GraphQL error. */
export function mapAppflowError(
  error: unknown,
  operationName: string,
  failure: FailureContext,
): Error {
  const name = classifyAppflowError(error).domainError;
  if (name) {
    const e = (error ?? {}) as { name?: string; message?: string };
    const message = redact(e.message || e.name || 'AppFlow failed', failure.secrets);
    return domainError(name, message, failure);
  }
  const graphqlError = toGraphQLError(error, operationName);
  // AppFlow's own messages are shown for client faults: scrub them too.
  (graphqlError as { message: string }).message = redact(graphqlError.message, failure.secrets);
  return graphqlError;
}

/** The ValidationError of a request that breaks rules: nothing was sent. */
export function invalidInput(errors: FieldError[], secrets: readonly string[]): ValidationError {
  return new ValidationError(
    `The input is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}).`,
    errors.map((f) => ({ ...f, message: redact(f.message, secrets) })),
  );
}

type Obj = Record<string, unknown>;

/** For requests that carry credentials (connector profiles): the member that was given. */
export function requestCredentialsHint(request: Obj): CredentialsHint {
  const creds = (request.connectorProfileConfig as Obj | undefined)?.connectorProfileCredentials as
    | Obj
    | undefined;
  const member = creds ? Object.keys(creds)[0] : undefined;
  if (!member) {
    return {
      path: null,
      hint: 'The connector rejected the stored credentials: set connectorProfileConfig.connectorProfileCredentials.',
    };
  }
  const fields = Object.keys((creds![member] as Obj | undefined) ?? {});
  return {
    path: ['input', 'connectorProfileConfig', 'connectorProfileCredentials', member],
    hint: `The connector rejected the credentials: check connectorProfileCredentials.${member}${
      fields.length ? ` (${fields.join(', ')})` : ''
    }.`,
  };
}

/** For flows: the connector profiles (with stored credentials) the flow uses. */
export function flowCredentialsHint(request: Obj): CredentialsHint {
  const names = [
    (request.sourceFlowConfig as Obj | undefined)?.connectorProfileName,
    ...((request.destinationFlowConfigList as Obj[] | undefined) ?? []).map(
      (d) => d.connectorProfileName,
    ),
  ].filter(Boolean);
  return {
    path: null,
    hint: names.length
      ? `A connector rejected stored credentials: check the connectorProfileCredentials of connector profile ${names.join(' or ')} (updateConnectorProfile).`
      : 'A connector rejected the credentials it was given.',
  };
}
