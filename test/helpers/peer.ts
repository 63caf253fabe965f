/**
 * The heavy tools of bench/peer/ (Hive Gateway, federation composition), installed apart from
 * the project's own dependencies (`npm ci --prefix bench/peer`). Tests that need them import
 * them from there, and say loudly when they are not installed (the test is then skipped).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const PEER = new URL('../../bench/peer/', import.meta.url);

export function peerOrSkip(testName: string): boolean {
  const present = existsSync(new URL('node_modules/', PEER));
  if (!present) {
    console.warn(
      `\n!!! SKIPPING the ${testName} test: bench/peer/node_modules is missing. ` +
        'Run `npm ci --prefix bench/peer`. !!!\n',
    );
  }
  return present;
}

/** A package installed in bench/peer/ (its CommonJS build: resolved from there, not from here). */
export function requirePeer<T>(name: string): T {
  return createRequire(new URL('package.json', PEER))(name) as T;
}
