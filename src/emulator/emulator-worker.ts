/**
 * The emulator in a worker thread (issue #24 item 9): the entry point of the thread that
 * `startEmulatorThread` (thread.ts) starts. It runs the emulator on its own event loop and
 * tells the parent its URL; a `close` message closes it. Bundled as its own entry
 * (dist/emulator-worker.mjs, scripts/build.mjs) so `npm start` needs no TypeScript loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type EmulatorOptions, startEmulator } from './server.js';

export type ThreadMessage =
  | { kind: 'listening'; url: string; port: number }
  | { kind: 'failed'; message: string }
  | { kind: 'closed' };

const port = parentPort;
if (!port) throw new Error('emulator-worker.ts runs as a worker thread only');

startEmulator(workerData as EmulatorOptions).then(
  (emulator) => {
    port.on('message', (message) => {
      if (message === 'close') {
        emulator.close().finally(() => {
          port.postMessage({ kind: 'closed' } satisfies ThreadMessage);
          port.close();
        });
      }
    });
    port.postMessage({
      kind: 'listening',
      url: emulator.url,
      port: emulator.port,
    } satisfies ThreadMessage);
  },
  (error: Error) => {
    port.postMessage({ kind: 'failed', message: error.message } satisfies ThreadMessage);
    port.close();
  },
);
