/**
 * The response cache (RESPONSE_CACHE=true): whole query responses kept per document, variables
 * and viewer (`@graphql-yoga/plugin-response-cache`, an LRU of RESPONSE_CACHE_SIZE responses
 * living at most RESPONSE_CACHE_TTL seconds), each with the entities it shows (typename and
 * global id), so that a change drops exactly the responses that showed it:
 *
 * - every run change the live state accepts (a poll, a mutation's answer, an EventBridge event)
 *   drops the responses showing its flow and its run (`changed`), and a flow AppFlow changed
 *   (deactivated) drops its flow (`flowChanged`); both after the read cache forgot them; a
 *   fleet poll that finds flows added, removed or changed drops every answer with a flow;
 * - a mutation drops what it returns (the plugin's own invalidation), and a mutation that does
 *   not act on runs (create, update, delete, tags, connectors) drops every response: a new
 *   flow or profile is in lists that did not show it;
 * - every drop reaches every replica through the live event bus (Redis pub/sub), and each
 *   replica drops its own copies;
 * - a response computed while a drop happened is not stored (it may have read the old state).
 *
 * The session is the viewer's id and scopes: a response is only ever served to the same viewer
 * with the same scopes. Subscriptions are never cached; mutations never answered from it.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type Cache,
  createInMemoryCache,
  useResponseCache,
} from '@graphql-yoga/plugin-response-cache';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext, Viewer } from '../context.js';
import type { EventBus, Json } from '../live/pubsub.js';
import type { RunChange } from '../live/state.js';
import { gatedViewer } from './pipeline.js';

/** How long an unanswered lookup holds its key's generation (longer than any query runs). */
const PENDING_MS = 120_000;

/** Mutations whose effect the live state reports (it drops the flow and the run). */
const RUN_MUTATIONS = new Set(['startFlow', 'stopFlow', 'cancelFlowExecutions']);

type Entity = { typename: string; id?: string | number };

export interface ResponseCache {
  plugins: Plugin[];
  /** Run changes the live state accepted (on the replica that learned them). */
  changed(changes: readonly RunChange[]): void;
  /** A flow changed in a way only its description shows. */
  flowChanged(flowName: string): void;
  /** The fleet's list changed in more than runs: every answer showing a flow. */
  listChanged(): void;
  /** Responses served from the cache and stored, since start (metrics, tests). */
  stats(): { hits: number; stored: number; dropped: number };
  close(): void;
}

export function createResponseCache(
  config: GatewayConfig['responseCache'],
  bus: EventBus,
  namespace: string,
): ResponseCache {
  const topic = `${namespace}:response-cache`;
  let inner = createInMemoryCache({ max: config.maxResponses });
  /** Bumped by every drop: a response whose lookup saw an older value is not stored. */
  let generation = 0;
  /**
   * Per key, the generation its first unanswered lookup saw. Concurrent misses of a key share
   * the oldest (the first to finish consumes it; the others store nothing). A lookup whose query
   * never finished (an error, a refusal) is forgotten after PENDING_MS.
   */
  const pending = new Map<string, { generation: number; at: number }>();
  const counts = { hits: 0, stored: 0, dropped: 0 };
  const sessions = new WeakMap<Request, string>();

  const dropLocal = (entities: Entity[] | 'all') => {
    generation++;
    counts.dropped++;
    // A typename alone drops every answer showing one of its objects (by id).
    if (entities === 'all') inner = createInMemoryCache({ max: config.maxResponses });
    else inner.invalidate(entities);
  };
  /** Here now (the next query on this replica sees it), then on every replica. */
  const drop = (entities: Entity[] | 'all') => {
    dropLocal(entities);
    bus.publish(topic, entities === 'all' ? 'all' : (entities as Json));
  };
  const stopListening = bus.listen(topic, (payload) => {
    if (payload === 'all') dropLocal('all');
    else if (Array.isArray(payload)) dropLocal(payload as Entity[]);
  });

  const cache: Cache = {
    get(key) {
      const found = inner.get(key) as ReturnType<Cache['get']>;
      if (found) counts.hits++;
      // The first lookup of a key sets the generation its answer is checked against.
      else {
        const now = Date.now();
        const first = pending.get(key);
        if (!first || now - first.at > PENDING_MS) {
          if (pending.size > config.maxResponses) pending.clear();
          pending.set(key, { generation, at: now });
        }
      }
      return found;
    },
    set(key, result, entities, ttl) {
      const seen = pending.get(key);
      pending.delete(key);
      if (seen?.generation !== generation) return;
      counts.stored++;
      return inner.set(key, result, entities, ttl);
    },
    invalidate(entities) {
      // Called by the plugin with what a mutation returned.
      drop([...entities].map(({ typename, id }) => (id == null ? { typename } : { typename, id })));
    },
  };

  const responseCache = useResponseCache<GatewayContext>({
    cache,
    ttl: config.ttlSeconds * 1000,
    // Yoga asks at onParams, before the context has its viewer: the transport gate's viewer
    // (HTTP) or the one /graphql/stream passed in. Operations with no viewer known there are
    // neither answered nor stored (never under a shared, viewer-less key).
    session: (request, ctx) => {
      const viewer = (ctx as { viewer?: Viewer }).viewer ?? gatedViewer(request);
      if (!viewer) return null;
      const session = `${viewer.id}|${[...viewer.scopes].sort().join(',')}`;
      sessions.set(request, session);
      return session;
    },
    enabled: (request) => sessions.has(request),
    buildResponseCacheKey: (params) =>
      params.documentString && params.sessionId
        ? createHash('sha256')
            .update(
              JSON.stringify([
                params.sessionId,
                params.operationName ?? null,
                params.documentString,
                params.variableValues ?? null,
              ]),
            )
            .digest('hex')
        : `unkeyed:${randomUUID()}`,
    includeExtensionMetadata: false,
  }) as Plugin;

  // Mutations that are not about runs can add or remove rows of any list: every response goes.
  const structural: Plugin<GatewayContext> = {
    onExecute({ args }) {
      const op = getOperationAST(args.document, args.operationName);
      if (op?.operation !== 'mutation') return;
      const fields = op.selectionSet.selections.flatMap((s) =>
        s.kind === 'Field' ? [s.name.value] : ['?'],
      );
      if (fields.every((f) => f === '__typename' || RUN_MUTATIONS.has(f))) return;
      return { onExecuteDone: () => drop('all') };
    },
  };

  return {
    plugins: [structural as Plugin, responseCache],
    changed(changes) {
      const entities: Entity[] = [];
      for (const c of new Set(changes.map((ch) => ch.flowName))) {
        entities.push({ typename: 'Flow', id: encodeGlobalID('Flow', c) });
      }
      for (const c of changes) {
        entities.push({
          typename: 'Execution',
          id: encodeGlobalID('Execution', c.run.executionId),
        });
      }
      if (entities.length > 0) drop(entities);
    },
    flowChanged(flowName) {
      drop([{ typename: 'Flow', id: encodeGlobalID('Flow', flowName) }]);
    },
    listChanged() {
      drop([{ typename: 'Flow' }]);
    },
    stats: () => ({ ...counts }),
    close: stopListening,
  };
}
