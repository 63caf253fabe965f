/**
 * Automatic persisted queries (APQ) as Apollo's PersistedQueryLink speaks them: a hash alone
 * answers PERSISTED_QUERY_NOT_FOUND until the client sends the query with its hash; the server
 * checks the sha256 and registers the query once it runs (parsed, validated with the limits,
 * viewer authenticated), so a failing or refused document is never stored. Registrations live in memory, or in Redis
 * (shared by replicas, in memory while Redis is unavailable) with REDIS_URL.
 *
 * Runs after the trusted documents (src/plugins/persisted.ts): a hash in that list never reaches
 * here. With PERSISTED_OPERATIONS=only nothing is registered (the list is the only source).
 * @graphql-yoga/plugin-apq has the same protocol, but verifies and stores before validation and
 * peers on @graphql-tools/utils 10 (codegen needs 11), hence this small plugin.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { SharedRedis } from '../redis.js';
import {
  normalizeHash,
  type OperationParams,
  type PersistedOperations,
  persistedHash,
} from './persisted.js';

/** Where registered queries live: sha256 hex -> document text. */
export interface ApqStore {
  get(hash: string): Promise<string | undefined>;
  set(hash: string, query: string): Promise<void>;
}

const MAX_REGISTERED = 1000;
const TTL_MS = 24 * 3600_000;

export class MemoryApqStore implements ApqStore {
  private readonly cache = new LRUCache<string, string>({ max: MAX_REGISTERED, ttl: TTL_MS });
  async get(hash: string) {
    return this.cache.get(hash);
  }
  async set(hash: string, query: string) {
    this.cache.set(hash, query);
  }
}

/** Shared by replicas; this process's memory serves while Redis is unavailable. */
export class RedisApqStore implements ApqStore {
  private readonly memory = new MemoryApqStore();
  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix = 'appflow-gateway:apq:',
  ) {}
  async get(hash: string) {
    const local = await this.memory.get(hash);
    if (local !== undefined || !this.redis.available) return local;
    const shared = await this.redis.call((r) => r.get(this.prefix + hash)).catch(() => null);
    if (shared) await this.memory.set(hash, shared);
    return shared ?? undefined;
  }
  async set(hash: string, query: string) {
    await this.memory.set(hash, query);
    if (!this.redis.available) return;
    await this.redis
      .call((r) => r.set(this.prefix + hash, query, 'PX', TTL_MS))
      .catch(() => undefined);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function apqError(message: string, code: string, status: number) {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** The hash of an APQ request this plugin handles (not a trusted document, mode not `only`). */
function apqHash(params: OperationParams, trusted: PersistedOperations): string | undefined {
  const hash = persistedHash(params.extensions);
  if (hash === undefined || trusted.mode === 'only' || trusted.has(hash)) return undefined;
  return normalizeHash(hash);
}

/** Params whose query came from the store (Yoga hands them on as the context's `params`). */
const fromStore = new WeakSet<object>();

export function useAutomaticPersistedQueries(
  trusted: PersistedOperations,
  store: ApqStore,
): Plugin {
  const register = (context: unknown) => {
    const params = (context as { params?: OperationParams }).params;
    const hash = params && apqHash(params, trusted);
    if (hash === undefined || !params?.query || fromStore.has(params)) return;
    // onParams checked the hash already; this is a last guard before storing.
    if (sha256(params.query) === hash) void store.set(hash, params.query);
  };
  return {
    async onParams({ params, setParams }) {
      const hash = apqHash(params, trusted);
      if (hash === undefined) return;
      if (!params.query) {
        const query = await store.get(hash);
        // The message is what Apollo clients match (besides the code) to send the query.
        if (query === undefined) {
          throw apqError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND', 400);
        }
        const found = { ...params, query };
        fromStore.add(found);
        setParams(found);
      } else if (sha256(params.query) !== hash) {
        throw apqError(
          'The query does not match its persisted hash (sha256 of the query text).',
          'PERSISTED_QUERY_MISMATCH',
          400,
        );
      }
    },
    // Registered once the operation runs: parsed, validated (limits included) and its viewer
    // authenticated (the context is built after validation), so an anonymous caller that is
    // refused cannot fill the store.
    onExecute({ args }) {
      register(args.contextValue);
    },
    onSubscribe({ args }) {
      register(args.contextValue);
    },
  };
}
