/**
 * The per-request context: the process-wide services, fresh DataLoaders, and the viewer.
 */
import type { AppflowClient } from '@aws-sdk/client-appflow';
import type { CursorCodec } from './appflow/pagination.js';
import type { GatewayConfig } from './config.js';
import type { LiveServices } from './live/index.js';
import type { AppflowReader } from './services/appflow-reader.js';
import { createLoaders, type Loaders } from './services/loaders.js';

export interface Viewer {
  /** Who is asking: `anonymous`, `apikey:<hash prefix>` or the JWT subject. */
  id: string;
  authenticated: boolean;
  scopes: Set<string>;
}

/** Process-wide services shared by every request. */
export interface GatewayServices {
  config: GatewayConfig;
  appflow: AppflowClient;
  reader: AppflowReader;
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
