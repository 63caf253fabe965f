/**
 * Expected AppFlow failures as data: each mutation's result is a union of its success type and
 * the error types below (Pothos errors plugin), all implementing `MutationError`.
 * Unexpected failures stay GraphQL errors with a stable `extensions.code`.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { FieldError } from '../../services/mutations/index.js';
import {
  ConflictError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  type MutationError,
  NotFoundError,
  QuotaExceededError,
  UnsupportedOperationError,
  ValidationError,
} from '../../services/mutations/index.js';
import { builder } from '../builder.js';

export const MutationErrorInterface = builder
  .interfaceRef<MutationError>('MutationError')
  .implement({
    description: 'An expected failure of a mutation, returned as data.',
    fields: (t) => ({
      message: t.exposeString('message', {
        nullable: false,
        description: 'What went wrong, for people.',
      }),
    }),
  });

export const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with one member of the input.',
  fields: (t) => ({
    path: t.stringList({
      nullable: false,
      description:
        'Where in the arguments the problem is, e.g. `["input", "tasks", "2", "sourceFields"]` (list indexes as strings).',
      resolve: (e) => e.path.map(String),
    }),
    message: t.exposeString('message', {
      nullable: false,
      description: 'What is wrong with the value at `path`, and what to do about it.',
    }),
    code: t.exposeString('code', {
      nullable: false,
      description:
        'What kind of problem, stable for programs: `REQUIRED`, `PATTERN_MISMATCH`, `PROFILE_NOT_FOUND`, `FIELD_NOT_FOUND`, `TRIGGER_NOT_SUPPORTED`, ...',
    }),
    suggestions: t.stringList({
      nullable: false,
      description: '"Did you mean" hints: near misses of a name that was not found (maybe none).',
      resolve: (e) => e.suggestions ?? [],
    }),
  }),
});

function errorType(cls: new (message: string) => MutationError, name: string, description: string) {
  builder.objectType(cls, {
    name,
    description,
    interfaces: [MutationErrorInterface],
    fields: () => ({}),
  });
}

errorType(
  NotFoundError,
  'NotFoundError',
  'The flow, connector profile, connector or run does not exist.',
);
errorType(
  ConflictError,
  'ConflictError',
  'The request conflicts with the current state (a name in use, a resource in use, an idempotency key reused with other input).',
);
builder.objectType(ValidationError, {
  name: 'ValidationError',
  description:
    'The input breaks rules of the AppFlow model or of AppFlow; every problem is listed. Nothing was changed.',
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorRef],
      nullable: false,
      description: 'Every problem found, each with its path in the arguments.',
      resolve: (e) => e.fieldErrors,
    }),
  }),
});
errorType(QuotaExceededError, 'QuotaExceededError', 'An AppFlow service quota would be exceeded.');
builder.objectType(ConnectorAuthenticationError, {
  name: 'ConnectorAuthenticationError',
  description: 'The connector rejected the credentials.',
  interfaces: [MutationErrorInterface],
  fields: (t) => ({
    hint: t.exposeString('hint', {
      nullable: false,
      description: 'Which credentials to check (member names only, never values).',
    }),
    credentialsPath: t.stringList({
      description:
        'The input path of the credentials member to check, when it was part of the input.',
      resolve: (e) => e.credentialsPath?.map(String) ?? null,
    }),
  }),
});
errorType(ConnectorServerError, 'ConnectorServerError', "The connector's server failed.");
errorType(
  UnsupportedOperationError,
  'UnsupportedOperationError',
  'AppFlow does not support this operation here (e.g. stopping an on-demand flow).',
);

export {
  ConflictError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  NotFoundError,
  QuotaExceededError,
  UnsupportedOperationError,
  ValidationError,
};

// ---------------------------------------------------------------------------------------------
// Input values never echoed in errors

/** Messages about input values that name types and fields only (graphql-js wording). */
const VALUE_FREE = [
  /^Exactly one key must be specified for OneOf type "\w+"\.$/,
  /^Field "\w+" must be non-null\.$/,
  /^Field "[\w.]+" of required type "[\w![\]]+" was not provided\.$/,
  /^Field "\w+" is not defined by type "\w+"\.( Did you mean [\w", ]+\?)?$/,
  /^Expected type "[\w![\]]+" to be an object\.$/,
  /^Expected non-nullable type "[\w![\]]+" not to be null\.$/,
  /^OneOf Input Object "\w+" must specify exactly one key\.$/,
  /^Field "[\w.]+" used for OneOf Input Object must be non-null\.$/,
];

/**
 * The same message with any input value removed. graphql-js quotes the offending value in
 * variable coercion errors (`Variable "$input" got invalid value { password: "..." } at ...`)
 * and in some literal errors; with credentials in the input, that value may be a secret.
 */
export function redactInputValueMessage(message: string, inner?: string): string {
  const variable = /^(Variable "\$\w+" got invalid value) /.exec(message);
  if (variable && inner !== undefined && message.endsWith(`; ${inner}`)) {
    const head = message.slice(0, message.length - inner.length - 2);
    const at = / at "([\w$.[\]]+)"$/.exec(head);
    return `${variable[1]}${at ? ` at "${at[1]}"` : ''}; ${safeReason(inner)}`;
  }
  if (variable) return `${variable[1]}.`;
  return safeReason(message);
}

function safeReason(reason: string): string {
  // A map written as an object: its keys (credentialsMap's are secrets) became field names.
  const entry = /^Field "[^"]*" is not defined by type "(\w+EntryInput)"\./.exec(reason);
  if (entry) {
    return `Field is not defined by type "${entry[1]}": a map is a list of { key, value } entries.`;
  }
  if (VALUE_FREE.some((re) => re.test(reason))) return reason;
  const expected = /^Expected value of type "([\w![\]]+)", found /.exec(reason);
  if (expected) return `Expected value of type "${expected[1]}".`;
  const enumValue = /does not exist in "(\w+)" enum/.exec(reason);
  if (enumValue) return `Value does not exist in "${enumValue[1]}" enum.`;
  const scalar = /^(\w+) cannot represent/.exec(reason);
  if (scalar) return `Invalid ${scalar[1]} value.`;
  return 'Invalid value.';
}

function redactError(error: GraphQLError): GraphQLError {
  const inner = error.originalError?.message;
  const message = redactInputValueMessage(error.message, inner);
  if (message === error.message) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { code: 'BAD_USER_INPUT', ...error.extensions },
  });
}

const mayEchoValue = (e: GraphQLError) =>
  e.message.startsWith('Variable "$') ||
  /EntryInput"\./.test(e.message) ||
  / found |does not exist in|cannot represent/.test(e.message);

/**
 * Yoga plugin: input values are never echoed in validation or variable coercion errors, so a
 * credential sent with a malformed input does not come back in the response (or reach logs).
 */
export function useRedactInputValues(): Plugin {
  const redactResult = (result: unknown, setResult: (r: never) => void) => {
    const errors = (result as { errors?: readonly GraphQLError[] } | null)?.errors;
    if (errors?.some(mayEchoValue)) {
      setResult({ ...(result as object), errors: errors.map(redactError) } as never);
    }
  };
  return {
    onValidate() {
      return ({ result, setResult }) => {
        const errors = result as readonly GraphQLError[];
        if (errors.some(mayEchoValue)) setResult(errors.map(redactError));
      };
    },
    onExecute() {
      return { onExecuteDone: ({ result, setResult }) => redactResult(result, setResult) };
    },
    onSubscribe() {
      return { onSubscribeResult: ({ result, setResult }) => redactResult(result, setResult) };
    },
  };
}
