/**
 * The documentation pages whose examples the suite runs as written: the front page (README.md)
 * and the docs/ pages it links to. Tests find an example by its name or heading, whichever page
 * it is on, so moving an example between these pages keeps it tested.
 */
import { readFileSync } from 'node:fs';

/** Pages with runnable examples, relative to the repo root. */
export const EXAMPLE_PAGES = [
  'README.md',
  'docs/examples.md',
  'docs/live-status.md',
  'docs/clients.md',
] as const;

export function readPage(page: string): string {
  return readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8');
}

/** Every example page, concatenated in the order above. */
export function readExamplePages(): string {
  return EXAMPLE_PAGES.map(readPage).join('\n');
}

/**
 * The text of a section of a page: from its heading line to the next heading of the same or a
 * higher level (or the end of the page).
 */
export function section(page: string, heading: string): string {
  const text = readPage(page);
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`${page} has no heading "${heading}"`);
  const level = heading.match(/^#+/)![0].length;
  const rest = text.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return text.slice(start, next < 0 ? undefined : start + heading.length + 1 + next);
}
