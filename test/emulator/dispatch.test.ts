import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/emulator/clock.js';
import { missingHandlers, operationHandlers, ownersOf } from '../../src/emulator/dispatch.js';
import { Store } from '../../src/emulator/store.js';
import { model } from '../../src/model/model.js';

const store = () =>
  new Store({
    region: 'us-east-1',
    accountId: '123456789012',
    runSeconds: 5,
    timeScale: 1,
    clock: new Clock(),
  });

describe('dispatch by operation name', () => {
  it('every operation of the model has exactly one handler', () => {
    const s = store();
    expect(missingHandlers(s)).toEqual([]);
    const handlers = operationHandlers(s);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(model.operations).sort());
    for (const op of Object.keys(model.operations)) expect(ownersOf(s, op)).toHaveLength(1);
  });
});

const dir = join(import.meta.dirname, '../../src/emulator');
const files = (sub = ''): string[] =>
  readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(sub, e.name)) : e.name.endsWith('.ts') ? [join(sub, e.name)] : [],
  );

/** Each file's relative imports (type-only ones too), as paths relative to src/emulator. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const deps = [...text.matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map((m) =>
      join(f, '..', m[1]).replace(/\.js$/, '.ts'),
    );
    graph.set(f, deps);
  }
  return graph;
}

describe('emulator layout', () => {
  it('has no import cycle (every relative import, type-only ones included)', () => {
    const graph = importGraph();
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
    expect(cycles).toEqual([]);
  });

  it('keeps every source file under about 450 lines', () => {
    const long = files()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 460);
    expect(long).toEqual([]);
  });

  it('the emulator imports nothing of the gateway but src/model', () => {
    const outside = [...importGraph().values()].flat().filter((d) => d.startsWith('..'));
    expect(outside.length).toBeGreaterThan(0);
    for (const d of outside) expect(d).toMatch(/^\.\.\/model\//);
  });
});
