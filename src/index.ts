/**
 * The package's library entry (`import { createGateway } from 'appflow-gateway'`): the gateway
 * as a Yoga instance to mount in your own server, the whole server with WebSockets, its
 * configuration, and the AppFlow emulator (also alone: `appflow-gateway/emulator`).
 */
export { ConfigError, type GatewayConfig, loadConfig } from './config.js';
export { type EmulatorOptions, type RunningEmulator, startEmulator } from './emulator/index.js';
export { type RunningGateway, startServer } from './server.js';
export { createGateway, type Gateway, type GatewayDeps } from './yoga.js';
