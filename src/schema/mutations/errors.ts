/**
 * Expected AppFlow failures as data: each mutation's result is a union of its success type and
 * the error types below (Pothos errors plugin), all implementing `MutationError`.
 * Unexpected failures stay GraphQL errors with a stable `extensions.code`.
 */
import {
  ConflictError,
  ConnectorAuthenticationError,
  ConnectorServerError,
  type MutationError,
  NotFoundError,
  QuotaExceededError,
  UnsupportedOperationError,
  ValidationError,
} from '../../resolvers/mutations.js';
import type { FieldError } from '../../resolvers/prevalidate.js';
import { builder } from '../builder.js';

export const MutationErrorInterface = builder
  .interfaceRef<MutationError>('MutationError')
  .implement({
    description: 'An expected failure of a mutation, returned as data.',
    fields: (t) => ({
      message: t.exposeString('message', { nullable: false }),
    }),
  });

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One problem with one member of the input.',
  fields: (t) => ({
    path: t.stringList({
      nullable: false,
      description:
        'Where in the arguments the problem is, e.g. `["input", "tasks", "2", "sourceFields"]` (list indexes as strings).',
      resolve: (e) => e.path.map(String),
    }),
    message: t.exposeString('message', { nullable: false }),
  }),
});

function errorType<T extends MutationError>(
  cls: new (...args: never[]) => T,
  name: string,
  description: string,
  fields?: Parameters<typeof builder.objectType<T, Record<string, never>>>[1]['fields'],
) {
  return builder.objectType(
    cls as never,
    {
      name,
      description,
      interfaces: [MutationErrorInterface],
      fields: fields ?? (() => ({})),
    } as never,
  );
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
