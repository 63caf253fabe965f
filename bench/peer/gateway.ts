/**
 * The Mesh peer served by Hive Gateway in a process of its own, as `npx hive-gateway supergraph`
 * would serve it, started programmatically to pick a free port: prints `READY <url>` (the bench
 * harness's protocol, bench/lib.ts) and stops on SIGTERM.
 *
 * Environment: APPFLOW_ENDPOINT (the emulator), PEER_SUPERGRAPH (the composed supergraph),
 * PEER_RESPONSE_CACHE=1 for Hive Gateway's response cache (in memory, every response shared,
 * 60 s TTL, invalidated by mutations as the plugin does by default).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createGatewayRuntime,
  LocalForageCacheStorage,
  type LogLevel,
} from '@graphql-hive/gateway';

const supergraph = process.env.PEER_SUPERGRAPH ?? '../../.bench/peer/supergraph.graphql';
if (!process.env.APPFLOW_ENDPOINT) throw new Error('APPFLOW_ENDPOINT is not set');

const gateway = createGatewayRuntime({
  supergraph,
  logging: (process.env.PEER_LOG_LEVEL ?? 'error') as LogLevel,
  ...(process.env.PEER_RESPONSE_CACHE === '1'
    ? {
        // What the hive-gateway CLI uses when no cache is configured (in memory under Node).
        cache: new LocalForageCacheStorage(),
        responseCaching: { session: () => null, ttl: 60_000 },
      }
    : {}),
});

const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`READY http://127.0.0.1:${port}/graphql`);
});
process.once('SIGTERM', () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
});
