/**
 * The urql client: Graphcache (normalized by `__typename` + `id`, so a run event updates the
 * same Flow and Execution every view shows), persisted operations (the codegen hash, the only
 * thing the gateway accepts with PERSISTED_OPERATIONS=only), HTTP for queries and mutations,
 * graphql-ws for subscriptions. The credential goes on every HTTP request and in
 * connectionParams.
 */
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { authConnectionParams, authHeaders } from './auth';
import { cacheConfig } from './cache';

const GRAPHQL_PATH = '/graphql';

/** codegen puts the manifest hash on each document it writes (web/src/gql/graphql.ts). */
function codegenHash(document: unknown): Promise<string | undefined> {
  const meta = (document as { __meta__?: { hash?: string } }).__meta__;
  return Promise.resolve(meta?.hash);
}

/** `idle`: no subscription open (the socket is lazy), `closed`: lost, retrying. */
export type SocketState = 'connected' | 'idle' | 'closed';

export interface DashboardClient {
  client: Client;
  /** Close the WebSocket (on sign-in/out a new client with the new credential replaces it). */
  dispose(): void;
}

export function createDashboardClient(
  credential: string | undefined,
  onSocket: (state: SocketState) => void,
): DashboardClient {
  const wsUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
  const ws = createWsClient({
    url: wsUrl,
    connectionParams: () => authConnectionParams(credential),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    on: {
      connected: () => onSocket('connected'),
      closed: (event) => onSocket((event as CloseEvent).code === 1000 ? 'idle' : 'closed'),
    },
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    // Yoga's CSRF prevention wants this header on GET; it is harmless on POST.
    fetchOptions: () => ({
      headers: { 'x-graphql-yoga-csrf': '1', ...authHeaders(credential) },
    }),
    preferGetMethod: false,
    exchanges: [
      cacheExchange(cacheConfig),
      persistedExchange({
        generateHash: (_query, document) => codegenHash(document),
        // The gateway runs a listed hash alone (PERSISTED_OPERATIONS off, allow or only); an
        // unlisted one answers PersistedQueryNotFound and the exchange then sends the text.
        enforcePersistedQueries: false,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: false,
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          // graphql-ws requires a query string: '' with a hash, which the gateway swaps for the
          // listed document.
          const payload = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({ unsubscribe: ws.subscribe(payload, sink) }),
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
