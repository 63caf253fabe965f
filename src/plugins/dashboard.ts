/**
 * Serves the dashboard (web/, built by `npm run build` into dist/web) at `/`: `index.html`
 * with `cache-control: no-cache` (a new build is picked up at once) and `/assets/*` with
 * content-hashed names as `immutable`. Gzip when the browser accepts it. Everything the page
 * loads comes from here (no CDN); its Content-Security-Policy keeps it that way. GraphiQL stays
 * at /graphql. DASHBOARD=false turns it off (src/config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { fromRoot } from '../paths.js';

/** Where `npm run build` writes the dashboard. */
export const DEFAULT_DASHBOARD_DIR = fromRoot('dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const INDEX_HEADERS = {
  'cache-control': 'no-cache',
  // The page talks to this origin only (HTTP and WebSocket); uPlot and React style through the
  // CSSOM, which style-src does not restrict.
  'content-security-policy':
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};
const ASSET_HEADERS = { 'cache-control': 'public, max-age=31536000, immutable' };

interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

function load(dir: string): Map<string, StaticFile> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, StaticFile>();
  const add = (path: string, file: string, headers: Record<string, string>) => {
    const body = new Uint8Array(readFileSync(file));
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip =
      type.startsWith('text/') || type.startsWith('application/json')
        ? new Uint8Array(gzipSync(body))
        : undefined;
    files.set(path, { body, gzip, headers: { 'content-type': type, ...headers } });
  };
  add('/', join(dir, 'index.html'), INDEX_HEADERS);
  const assets = join(dir, 'assets');
  if (existsSync(assets)) {
    for (const name of readdirSync(assets))
      add(`/assets/${name}`, join(assets, name), ASSET_HEADERS);
  }
  return files;
}

export interface DashboardOptions {
  /** The built dashboard (index.html and assets/). */
  dir?: string;
}

export function useDashboard(options: DashboardOptions = {}): Plugin {
  const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
  // Read once; until the dashboard is built, `/` says how to build it (and looks again).
  let files: Map<string, StaticFile> | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname === '/index.html' ? '/' : url.pathname;
      if (path !== '/' && !path.startsWith('/assets/')) return;
      files ??= load(dir);
      const file = files?.get(path);
      if (!file) {
        endResponse(
          new fetchAPI.Response(
            files
              ? 'Not found'
              : 'The dashboard is not built: run `npm run build`. GraphiQL is at /graphql.',
            { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } },
          ),
        );
        return;
      }
      const gzip = file.gzip && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const body = gzip ? file.gzip! : file.body;
      const headers: Record<string, string> = {
        ...file.headers,
        'content-length': String(body.byteLength),
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }),
      );
    },
  };
}
