/**
 * GraphQL Code Generator: typed documents for the operations in src/operations (the
 * examples') and web/src/operations (the dashboard's), and src/gql/persisted-documents.json, the
 * list the gateway accepts with PERSISTED_OPERATIONS=allow|only. The dashboard gets its own
 * typed copy in web/src/gql (web/ imports nothing from src/). `npm run codegen` writes both;
 * `npm run codegen:check` fails when a committed output differs from a fresh run.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import type { Types } from '@graphql-codegen/plugin-helpers';

const WEB_OPERATIONS = 'web/src/operations/**/*.graphql';
const isWeb = (d: Types.DocumentFile) => /(^|\/)web\/src\/operations\//.test(d.location ?? '');

/**
 * The dashboard's documents with `__typename` on every selection: urql's Graphcache
 * normalizes by it, and with persisted operations the server runs the manifest's text, so the
 * manifest must hold the documents as the cache asks for them. The examples' documents (and
 * their hashes) are left as written.
 */
const typenameForWeb: Types.DocumentTransformObject = {
  async transform(options) {
    const web = options.documents.filter(isWeb);
    const transformed = await addTypenameSelectionDocumentTransform.transform({
      ...options,
      documents: web,
    });
    const byLocation = new Map(web.map((d, i) => [d, transformed[i]]));
    return options.documents.map((d) => byLocation.get(d) ?? d);
  },
};

const preset = {
  preset: 'client',
  presetConfig: {
    fragmentMasking: false,
    // sha256: the hash clients send as extensions.persistedQuery.sha256Hash.
    persistedDocuments: { hashAlgorithm: 'sha256' },
  },
  documentTransforms: [typenameForWeb],
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    scalars: { DateTime: 'string', SafeInt: 'number' },
  },
} satisfies Types.ConfiguredOutput;

/** Apollo Client's (and Graphcache's) `possibleTypes`, by codegen's fragment matcher. */
const possibleTypes = {
  plugins: ['fragment-matcher'],
  config: { apolloClientVersion: 3, useExplicitTyping: true },
} satisfies Types.ConfiguredOutput;

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  // ESM imports with .js extensions (NodeNext resolution; esbuild resolves them too).
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': { ...preset, documents: ['src/operations/**/*.graphql', WEB_OPERATIONS] },
    'web/src/gql/': { ...preset, documents: [WEB_OPERATIONS] },
    // Which types implement each interface and union (MutationError, Node, the payload unions):
    // Graphcache matches `... on MutationError` fragments by it instead of by guessing, and
    // without it Apollo Client's fragments on an interface silently match nothing. The same
    // file twice: web/ imports nothing from src/.
    'web/src/possible-types.ts': possibleTypes,
    'src/gql/possible-types.ts': possibleTypes,
  },
};

export default config;
