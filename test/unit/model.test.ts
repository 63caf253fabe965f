import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildManifest, readManifest } from '../../src/model/manifest.js';
import {
  docText,
  enumValues,
  MODEL_PATH,
  maxPageSize,
  model,
  PAGINATORS_PATH,
  paginators,
} from '../../src/model/model.js';

const shared = new URL('../../../shared/reference/appflow/', import.meta.url);

describe('the vendored AppFlow model', () => {
  // Counts come from the manifest `npm run model:update` writes, never pinned here.
  it('matches its manifest (operations, shapes, sensitive members, paginators, connector types)', () => {
    expect(buildManifest(model, paginators)).toEqual(readManifest());
  });

  it('reads paginators in botocore paginators-1.json format, for operations the model has', () => {
    const file = JSON.parse(readFileSync(PAGINATORS_PATH, 'utf8'));
    expect(Object.keys(file)).toEqual(['pagination']);
    for (const [op, p] of Object.entries(paginators)) {
      expect(model.operations[op], op).toBeDefined();
      const output = model.shapes[model.operations[op]!.output!.shape]!;
      for (const key of [p.result_key].flat()) expect(output.members![key], key).toBeDefined();
      expect(output.members![p.output_token]).toBeDefined();
    }
  });

  it.runIf(existsSync(new URL('service-2.json', shared)))(
    'is byte-identical to shared/reference',
    () => {
      expect(readFileSync(MODEL_PATH, 'utf8')).toBe(
        readFileSync(new URL('service-2.json', shared), 'utf8'),
      );
      // shared/ has the five paginators as a hand note; ours is botocore's file format.
      expect(paginators).toEqual(
        JSON.parse(readFileSync(new URL('paginators.json', shared), 'utf8')).pagination,
      );
    },
  );

  it('turns documentation HTML into text', () => {
    expect(docText('<p> A <code>flow</code> &amp; its runs. </p><p>Second.</p>')).toBe(
      'A flow & its runs.\n\nSecond.',
    );
    expect(docText(undefined)).toBeUndefined();
  });

  it('reads enums and page sizes from the model', () => {
    expect(enumValues('ExecutionStatus')).toEqual([
      'InProgress',
      'Successful',
      'Error',
      'CancelStarted',
      'Canceled',
    ]);
    expect(maxPageSize('ListFlows')).toBe(100);
  });
});
