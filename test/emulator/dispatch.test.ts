import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/emulator/clock.js';
import { missingHandlers, operationHandlers, ownersOf } from '../../src/emulator/dispatch.js';
import { Store } from '../../src/emulator/store.js';
import { model } from '../../src/model/model.js';
import { importCycles, importGraph, longFiles, SRC } from '../helpers/source-graph.js';

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

const dir = join(SRC, 'emulator');

describe('emulator layout', () => {
  it('has no import cycle (every relative import, type-only ones included)', () => {
    expect(importCycles(importGraph(dir))).toEqual([]);
  });

  it('keeps every source file under about 450 lines', () => {
    expect(longFiles(dir, 460)).toEqual([]);
  });

  it('the emulator imports nothing of the gateway but src/model', () => {
    const outside = [...importGraph(dir).values()].flat().filter((d) => d.startsWith('..'));
    expect(outside.length).toBeGreaterThan(0);
    for (const d of outside) expect(d).toMatch(/^\.\.\/model\//);
  });
});
