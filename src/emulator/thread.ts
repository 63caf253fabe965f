/**
 * The embedded emulator on a thread of its own (issue #24 item 9). Under `npm start` the
 * gateway starts an emulator when no APPFLOW_ENDPOINT is set; in the gateway's own process it
 * shared the event loop, so anything slow in it (a pathological pattern, a big seed, a stall
 * fault) froze the gateway too. `startEmulatorThread` runs it in a worker thread: its own event
 * loop and heap, the same HTTP interface, started in about the time of an in-process start
 * (the worker loads only the emulator), closed cleanly (`close` message, then the thread ends;
 * terminated if it does not within `closeTimeoutMs`).
 *
 * The worker's entry: dist/emulator-worker.mjs beside the bundle (`npm start`), or
 * emulator-worker.ts through tsx's loader (tsx, vitest).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ThreadMessage } from './emulator-worker.js';
import type { EmulatorOptions, RunningEmulator } from './server.js';

/** Options that cross to the thread: plain data only (no injected clock function). */
export type ThreadEmulatorOptions = Omit<EmulatorOptions, 'now'>;

function workerFor(options: ThreadEmulatorOptions): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // tsx's ESM API (its package's `import` condition; require.resolve gives the CJS file).
    const api = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const tsx = pathToFileURL(api).href;
    const entry = new URL('./emulator-worker.ts', here).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(code, { eval: true, workerData: options });
  }
  // The bundle: this module is dist/server.mjs or one of its chunks in dist/chunks/.
  const entry = ['./emulator-worker.mjs', '../emulator-worker.mjs']
    .map((p) => new URL(p, here))
    .find((u) => existsSync(fileURLToPath(u)));
  if (!entry) throw new Error(`emulator-worker.mjs not found beside ${here}`);
  return new Worker(entry, { workerData: options });
}

export function startEmulatorThread(
  options: ThreadEmulatorOptions,
  closeTimeoutMs = 5000,
): Promise<RunningEmulator> {
  const worker = workerFor(options);
  return new Promise((resolve, reject) => {
    const early = (error: Error) => reject(error);
    const exited = (code: number) => reject(new Error(`The emulator thread exited (${code})`));
    worker.once('error', early);
    worker.once('exit', exited);
    worker.once('message', (message: ThreadMessage) => {
      worker.off('error', early);
      worker.off('exit', exited);
      if (message.kind !== 'listening') {
        worker.terminate();
        reject(
          new Error(
            `The emulator thread failed: ${'message' in message ? message.message : message.kind}`,
          ),
        );
        return;
      }
      // A crash later is logged; the gateway then sees connection errors from AppFlow calls.
      worker.on('error', (error) => console.error('embedded emulator thread failed', error));
      let closing: Promise<void> | undefined;
      resolve({
        url: message.url,
        port: message.port,
        close: () => {
          closing ??= new Promise<void>((done) => {
            const timer = setTimeout(() => worker.terminate(), closeTimeoutMs);
            worker.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            worker.postMessage('close');
          });
          return closing;
        },
      });
    });
  });
}
