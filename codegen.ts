/**
 * GraphQL Code Generator: typed documents for the operations in src/operations (the
 * dashboard's and the examples'), and src/gql/persisted-documents.json, the list the gateway
 * accepts with PERSISTED_OPERATIONS=allow|only, and src/gql/possible-types.ts (Apollo's
 * possibleTypes). `npm run codegen` writes src/gql;
 * `npm run codegen:check` fails when the committed src/gql differs from a fresh run.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  // ESM imports with .js extensions (NodeNext resolution).
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // sha256: the hash clients send as extensions.persistedQuery.sha256Hash.
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
    // Apollo Client's `possibleTypes` (the members of every union and interface): without it,
    // fragments on an interface such as `... on MutationError` silently match nothing.
    'src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
