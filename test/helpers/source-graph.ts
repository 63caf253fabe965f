/**
 * The source tree as a graph of relative imports (type-only ones included), for the layout
 * tests: no import cycles, file sizes, which layer imports which.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Every .ts file below `dir`, relative to it, `/`-separated. */
export function tsFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const path = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) return tsFiles(dir, path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's relative imports and re-exports, as paths relative to `dir`. */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of tsFiles(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    const deps = [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((m) =>
      join(f, '..', m[1]!).split('\\').join('/').replace(/\.js$/, '.ts'),
    );
    graph.set(f, deps);
  }
  return graph;
}

/** Every import cycle of the graph, as `a -> b -> a`. */
export function importCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (f: string, path: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
      return;
    }
    state.set(f, 'open');
    for (const d of graph.get(f) ?? []) visit(d, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of graph.keys()) visit(f, []);
  return cycles;
}

/** Files longer than `max` lines. */
export function longFiles(dir: string, max: number, skip: (f: string) => boolean = () => false) {
  return tsFiles(dir)
    .filter((f) => !skip(f))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8').split('\n').length] as const)
    .filter(([, n]) => n > max);
}
