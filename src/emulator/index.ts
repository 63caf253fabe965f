/**
 * The AppFlow emulator's public API: `startEmulator(opts)` starts an HTTP server speaking
 * AppFlow's rest-json protocol (see README.md in this folder).
 */
export { type Violation, validateShape } from '../model/validate.js';
export { AwsError } from './exceptions.js';
export { builtInSeed, type SeedDocument } from './seed-data.js';
export {
  createEmulator,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from './server.js';
export { startEmulatorThread, type ThreadEmulatorOptions } from './thread.js';
