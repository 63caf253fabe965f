/**
 * Files the gateway reads at run time (the AppFlow model, persisted documents, GraphiQL's example
 * operations) are found from the package root, so the same code works from src/ (tsx, vitest)
 * and from the bundle in dist/ (`npm start`), whose modules sit at a different depth.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The directory holding the gateway's package.json. */
export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** An absolute path from package-root-relative parts. */
export function fromRoot(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
