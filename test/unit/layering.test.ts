/**
 * The road to AppFlow, checked: the schema never sees the SDK (type imports of its shapes
 * only), only the layers that own AppFlow calls import the SDK's commands, and the request
 * context carries services, never the raw client or the configuration.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppflowClient } from '@aws-sdk/client-appflow';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ANONYMOUS_ALL_SCOPES, createContext } from '../../src/context.js';
import { createGateway } from '../../src/yoga.js';
import { importCycles, importGraph, longFiles, SRC } from '../helpers/source-graph.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The names a file imports from the SDK as values (not `import type`, not `type X`). */
function sdkValueImports(text: string): string[] {
  const names: string[] = [];
  const imports = /import\s+(type\s+)?([^;]*?)\s+from\s+'@aws-sdk\/client-appflow'/g;
  for (const [, typeOnly, clause] of text.matchAll(imports)) {
    if (typeOnly) continue;
    const named = /\{([^}]*)\}/.exec(clause!);
    if (!named) {
      names.push(clause!.trim()); // a default or namespace import
      continue;
    }
    for (const specifier of named[1]!.split(',').map((s) => s.trim())) {
      if (specifier && !specifier.startsWith('type ')) names.push(specifier);
    }
  }
  return names;
}

/** Where AppFlow is called: the services, the client itself, the live poller, the readiness probe. */
const CALLERS = ['services/', 'appflow/', 'live/', 'plugins/health.ts', 'emulator/'];

describe('the source tree', () => {
  it('has no import cycle in src/ (every relative import, type-only ones included)', () => {
    const graph = importGraph(SRC);
    expect(graph.size).toBeGreaterThan(50);
    expect(importCycles(graph)).toEqual([]);
    // The check finds a cycle when there is one.
    expect(
      importCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toHaveLength(1);
  });

  it('keeps every hand-written source file under about 450 lines (src/gql is generated)', () => {
    expect(longFiles(SRC, 460, (f) => f.startsWith('gql/'))).toEqual([]);
  });
});

describe('the road to AppFlow', () => {
  const files = sourceFiles(SRC).map((path) => ({
    file: relative(SRC, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }));

  it('the test sees the SDK imports it is looking for', () => {
    const reader = files.find((f) => f.file === 'services/reader/flows.ts')!;
    expect(sdkValueImports(reader.text)).toContain('DescribeFlowCommand');
    expect(sdkValueImports("import { type A, B } from '@aws-sdk/client-appflow';")).toEqual(['B']);
    expect(sdkValueImports("import type { A } from '@aws-sdk/client-appflow';")).toEqual([]);
  });

  it('no file under src/schema imports anything but types from the SDK, nor the client type', () => {
    const offenders = files
      .filter((f) => f.file.startsWith('schema/'))
      .flatMap((f) => [
        ...sdkValueImports(f.text).map((name) => `${f.file}: ${name}`),
        ...(/\bAppflowClient\b/.test(f.text) ? [`${f.file}: AppflowClient`] : []),
        ...(/\.send\(/.test(f.text) ? [`${f.file}: .send(`] : []),
      ]);
    expect(offenders).toEqual([]);
  });

  it('only the layers that call AppFlow import its commands', () => {
    const offenders = files
      .filter((f) => !CALLERS.some((c) => f.file.startsWith(c)))
      .flatMap((f) =>
        sdkValueImports(f.text)
          .filter((name) => /Command$|^paginate/.test(name))
          .map((name) => `${f.file}: ${name}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the request context carries services, never the raw client or the configuration', async () => {
    const config = loadConfig(
      { ALLOW_ANONYMOUS: 'true', LOG_LEVEL: 'silent' },
      { appflowEndpoint: 'http://127.0.0.1:9', embeddedEmulator: false },
    );
    const gateway = await createGateway(config);
    try {
      const ctx = createContext(gateway.services, ANONYMOUS_ALL_SCOPES) as object;
      expect(Object.keys(ctx)).not.toContain('appflow');
      expect(Object.keys(ctx)).not.toContain('config');
      const clients = Object.entries(ctx).filter(([, v]) => v instanceof AppflowClient);
      expect(clients.map(([k]) => k)).toEqual([]);
      expect(Object.values(ctx)).not.toContain(config);
    } finally {
      await gateway.close();
    }
  });
});
