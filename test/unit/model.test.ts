import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  docText,
  enumValues,
  MODEL_PATH,
  maxPageSize,
  model,
  PAGINATORS_PATH,
} from '../../src/model/model.js';

const shared = new URL('../../../shared/reference/appflow/', import.meta.url);

describe('the vendored AppFlow model', () => {
  it('has the 25 operations and 417 shapes (botocore 1.43.107)', () => {
    expect(Object.keys(model.operations)).toHaveLength(25);
    expect(Object.keys(model.shapes)).toHaveLength(417);
  });

  it.runIf(existsSync(new URL('service-2.json', shared)))(
    'is byte-identical to shared/reference',
    () => {
      expect(readFileSync(MODEL_PATH, 'utf8')).toBe(
        readFileSync(new URL('service-2.json', shared), 'utf8'),
      );
      expect(readFileSync(PAGINATORS_PATH, 'utf8')).toBe(
        readFileSync(new URL('paginators.json', shared), 'utf8'),
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
