/**
 * Persisted operations: the documents GraphQL Code Generator wrote to
 * src/gql/persisted-documents.json (sha256 of the document -> text). A client sends
 * `extensions.persistedQuery.sha256Hash` instead of the text. PERSISTED_OPERATIONS=only
 * refuses any other document; `allow` accepts both; `off` runs any text and a listed hash sent
 * alone. With `off` and `allow`, a hash not in the list is an automatic persisted query
 * (src/plugins/apq.ts, HTTP only). The same resolution runs for HTTP (a Yoga onParams hook) and
 * for graphql-ws and graphql-sse (prepareOperation in src/plugins/pipeline.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PersistedMode } from '../config.js';
import { fromRoot } from '../paths.js';

// From the package root, so the bundle in dist/ finds it too.
export const DEFAULT_PERSISTED_DOCUMENTS = fromRoot('src', 'gql', 'persisted-documents.json');

export interface OperationParams {
  query?: string | null;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

function refusal(message: string, code: string, status = 400) {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

export class PersistedOperations {
  private readonly byHash: Map<string, string>;

  constructor(
    readonly mode: PersistedMode,
    documents: Record<string, string>,
  ) {
    this.byHash = new Map(Object.entries(documents).map(([h, d]) => [normalizeHash(h), d]));
  }

  static fromFile(mode: PersistedMode, path = DEFAULT_PERSISTED_DOCUMENTS): PersistedOperations {
    let documents: Record<string, string>;
    try {
      documents = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      // `off` only uses the list to serve a listed hash sent alone (the dashboard's requests).
      if (mode === 'off') return new PersistedOperations(mode, {});
      throw new Error(`Cannot read persisted operations from ${path}: ${(error as Error).message}`);
    }
    return new PersistedOperations(mode, documents);
  }

  get size(): number {
    return this.byHash.size;
  }

  has(hash: string): boolean {
    return this.byHash.has(normalizeHash(hash));
  }

  /** Is this document text one of the persisted documents? */
  hasText(text: string): boolean {
    return this.byHash.has(createHash('sha256').update(text).digest('hex'));
  }

  /**
   * The query text to run for these params, or a coded GraphQLError to refuse them:
   * PERSISTED_QUERY_NOT_FOUND (unknown hash), PERSISTED_QUERY_ONLY (text not in the list).
   */
  resolve(params: OperationParams): string | GraphQLError {
    const hash = persistedHash(params.extensions);
    if (hash === undefined && this.mode !== 'only') {
      return params.query ?? refusal('Must provide query string.', 'BAD_REQUEST');
    }
    if (hash !== undefined) {
      const document = this.byHash.get(normalizeHash(hash));
      if (document === undefined) {
        // `allow`: a query with a hash not in the list is an APQ registration (src/plugins/apq.ts
        // checks the hash on HTTP); `allow` accepts any text anyway.
        if (params.query && this.mode === 'allow') return params.query;
        return refusal('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
      }
      if (params.query && params.query !== document) {
        return refusal('The query does not match its persisted hash.', 'BAD_REQUEST');
      }
      return document;
    }
    // `only`: a document sent as text is accepted only when it is one of the persisted ones.
    const query = params.query ?? '';
    if (query && this.hasText(query)) return query;
    return onlyRefusal();
  }
}

function onlyRefusal() {
  return refusal(
    'Only persisted operations are accepted here: send extensions.persistedQuery.sha256Hash.',
    'PERSISTED_QUERY_ONLY',
  );
}

/** Codegen writes `sha256:<hex>`; Apollo-style clients send the bare hex. Both are accepted. */
export function normalizeHash(hash: string): string {
  return hash.toLowerCase().replace(/^sha256:/, '');
}

export function persistedHash(extensions: OperationParams['extensions']): string | undefined {
  const pq = extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
  if (pq && typeof pq === 'object' && typeof pq.sha256Hash === 'string') return pq.sha256Hash;
  return undefined;
}

export function usePersistedOperations(store: PersistedOperations): Plugin {
  return {
    onParams({ params, setParams }) {
      const hash = persistedHash(params.extensions);
      // `off`: text runs as sent; a hash alone runs its listed document (the dashboard sends
      // hashes only). `off` and `allow`: a hash not in the list is an automatic persisted query
      // (src/plugins/apq.ts).
      if (store.mode === 'off' && (hash === undefined || params.query)) return;
      if (store.mode !== 'only' && hash !== undefined && !store.has(hash)) return;
      const resolved = store.resolve(params);
      if (resolved instanceof GraphQLError) throw resolved;
      if (resolved !== params.query) setParams({ ...params, query: resolved });
    },
    // The last line for any other path to the parser: with `only`, whatever is parsed must be
    // a persisted document. HTTP and WebSocket have swapped hashes for documents by now.
    onParse({ params }) {
      if (store.mode !== 'only') return;
      const text = typeof params.source === 'string' ? params.source : params.source.body;
      if (!store.hasText(text)) throw onlyRefusal();
    },
  };
}
