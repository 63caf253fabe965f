/**
 * Optional persistence (`dataDir`): the whole state as one JSON file, replaced atomically on
 * every acknowledged mutation before the response leaves (write a temp file, fsync it, rename
 * it over the old one, fsync the directory), so a kill -9 at any moment loses nothing that a
 * client saw acknowledged. Credentials are never written to disk.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { StoreState } from './store.js';

export class Persistence {
  readonly file: string;
  private readonly tmp: string;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'appflow-emulator-state.json');
    this.tmp = `${this.file}.${process.pid}.tmp`;
  }

  load(): StoreState | undefined {
    if (!existsSync(this.file)) return undefined;
    return JSON.parse(readFileSync(this.file, 'utf8')) as StoreState;
  }

  save(state: StoreState) {
    const data = JSON.stringify(state);
    const fd = openSync(this.tmp, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(this.tmp, this.file);
    // The rename itself is durable only once the directory entry is flushed.
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }
}
