/**
 * The per-request context: the process-wide services, fresh DataLoaders, and the viewer.
 * AppFlow is reached through the services only (src/services): no client, no config here.
 */
import type { CursorCodec } from './appflow/pagination.js';
import type { LiveServices } from './live/index.js';
import { createLoaders, type Loaders } from './services/loaders.js';
import type { AppflowMutations } from './services/mutations/index.js';
import type { AppflowReader } from './services/reader/index.js';

export interface Viewer {
  /** Who is asking: `anonymous`, `apikey:<hash prefix>` or the JWT subject. */
  id: string;
  authenticated: boolean;
  scopes: Set<string>;
  /** When the credential expires (epoch ms; a JWT's `exp`): sockets close then. */
  expiresAt?: number;
}

/** Process-wide services shared by every request. */
export interface GatewayServices {
  /** Every AppFlow read, through the cross-request cache. */
  reader: AppflowReader;
  /** Every AppFlow write: the lifecycle operations. */
  mutations: AppflowMutations;
  cursors: CursorCodec;
  /** Live run status: event bus, shared pollers, subscription limits. */
  live: LiveServices;
}

export interface GatewayContext extends GatewayServices {
  loaders: Loaders;
  viewer: Viewer;
}

export const ANONYMOUS_ALL_SCOPES: Viewer = {
  id: 'anonymous',
  authenticated: false,
  scopes: new Set(['read', 'write', 'admin']),
};

export const NOBODY: Viewer = { id: 'anonymous', authenticated: false, scopes: new Set() };

export function createContext(services: GatewayServices, viewer: Viewer): GatewayContext {
  return { ...services, loaders: createLoaders(services.reader), viewer };
}
