/**
 * Routes derived from the model (moto's "urls"): each operation's `http.method` and
 * `http.requestUri`, with `{label}` segments bound to uri members of the input.
 */
import { model } from '../model/model.js';

export interface Route {
  operation: string;
  method: string;
  /** Literal segments, or `{name}` labels. */
  segments: string[];
}

export const routes: Route[] = Object.values(model.operations).map((op) => ({
  operation: op.name,
  method: op.http.method,
  segments: op.http.requestUri.split('?')[0].split('/').filter(Boolean),
}));

export interface RouteMatch {
  route: Route;
  labels: Record<string, string>;
}

/** Match a method and a path (still percent-encoded) to an operation. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const parts = pathname.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== parts.length) continue;
    const labels: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i];
      if (seg.startsWith('{') && seg.endsWith('}')) {
        try {
          labels[seg.slice(1, -1).replace(/\+$/, '')] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
          break;
        }
      } else if (seg !== parts[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, labels };
  }
  return undefined;
}
