/**
 * What every check of validateFlow shares: the request being checked, the reader (every
 * catalog read goes through its cache), problems with their input path, code and hints.
 */
import { suggestionList } from 'graphql/jsutils/suggestionList.js';
import type { FieldError, Path } from '../mutations/prevalidate.js';
import type { AppflowReader } from '../reader/index.js';

export type Obj = Record<string, unknown>;
export type { FieldError, Path };

export interface CheckContext {
  reader: AppflowReader;
  /** The AWS-shaped CreateFlow/UpdateFlow request. */
  request: Obj;
  /** Milliseconds since the epoch: schedule times are checked against it. */
  now: number;
}

export const problem = (
  path: Path,
  code: string,
  message: string,
  suggestions: string[] = [],
): FieldError => ({ path: ['input', ...path], code, message, suggestions });

/** "Did you mean" hints: graphql-js's own suggestion list (lexical distance), at most 3. */
export function didYouMean(input: string, options: readonly string[]): string[] {
  return suggestionList(input, options as string[]).slice(0, 3);
}

/** `Did you mean "a" or "b"?` or nothing. */
export function hint(suggestions: string[]): string {
  if (!suggestions.length) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const last = quoted.pop();
  return ` Did you mean ${quoted.length ? `${quoted.join(', ')} or ` : ''}${last}?`;
}

export const asObj = (v: unknown): Obj | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;

export const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The single member set in a connector union value, if exactly one is. */
export function memberOf(value: unknown): string | undefined {
  const o = asObj(value);
  if (!o) return undefined;
  const keys = Object.keys(o).filter((k) => o[k] != null);
  return keys.length === 1 ? keys[0] : undefined;
}
