/**
 * One bench server per process: `node --import tsx bench/serve.ts <kind>` prints
 * `READY <url>` once it listens on a free loopback port, and exits on SIGTERM.
 * Kinds: emulator, gateway (EMULATOR_URL), naive (EMULATOR_URL), raw (node:http JSON), yoga
 * (a plain graphql-yoga hello world, for reference).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const kind = process.argv[2];
const emulatorUrl = process.env.EMULATOR_URL ?? '';

async function listen(server: Server, path = ''): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

async function main(): Promise<{ url: string; close(): Promise<void> | void }> {
  switch (kind) {
    case 'emulator': {
      const { createEmulator } = await import('../src/emulator/index.js');
      const created = createEmulator({ port: 0, quiet: true });
      // BENCH_EMULATOR_KEEP_ALIVE_MS: how long idle sockets stay open (Node's default is 5 s,
      // under which a client reusing a socket just as it closes gets ECONNRESET).
      const keepAlive = Number(process.env.BENCH_EMULATOR_KEEP_ALIVE_MS ?? 0);
      if (keepAlive > 0) {
        created.server.keepAliveTimeout = keepAlive;
        created.server.headersTimeout = keepAlive + 5000;
      }
      const emu = await created.listen();
      return { url: emu.url, close: () => emu.close() };
    }
    case 'gateway': {
      const [{ startServer }, { loadConfig }] = await Promise.all([
        import('../src/server.js'),
        import('../src/config.js'),
      ]);
      const running = await startServer(
        loadConfig(
          // The dashboard query (100 flows x profiles, connectors, 5 runs) costs ~44k in
          // graphql-armor's cost model, above the default MAX_COST of 20000.
          // Logs at info as deployed (a JSON line per request, to this process' stdout, which
          // the bench drains); BENCH_LOG_LEVEL=warn measures without them.
          // BENCH_GATEWAY_ENV (JSON) adds settings of a scenario's own gateway (cache TTLs).
          {
            LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
            MAX_COST: '100000',
            ...(JSON.parse(process.env.BENCH_GATEWAY_ENV ?? '{}') as Record<string, string>),
          },
          {
            port: 0,
            host: '127.0.0.1',
            // Several gateways at once (ours, the naive one, replicas): no shared metrics port.
            metricsPort: 0,
            appflowEndpoint: emulatorUrl,
            embeddedEmulator: false,
            allowAnonymous: true,
          },
        ),
      );
      return { url: running.url.replace('localhost', '127.0.0.1'), close: () => running.close() };
    }
    case 'naive': {
      const { createNaiveGateway } = await import('./naive-gateway.js');
      const naive = createNaiveGateway(emulatorUrl);
      const server = createServer(naive.yoga);
      return { url: await listen(server, '/graphql'), close: () => void server.close() };
    }
    case 'yoga': {
      const yoga = createYoga({
        schema: createSchema({ typeDefs: 'type Query { hello: String }' }),
        logging: false,
      });
      const server = createServer(yoga);
      return { url: await listen(server, '/graphql'), close: () => void server.close() };
    }
    case 'raw': {
      // The floor: read the JSON body, answer JSON, nothing else.
      const body = JSON.stringify({ data: { __typename: 'Query' } });
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString() || '{}');
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        });
      });
      return { url: await listen(server, '/graphql'), close: () => void server.close() };
    }
    default:
      throw new Error(`unknown bench server kind "${kind}"`);
  }
}

main().then(
  (running) => {
    console.log(`READY ${running.url}`);
    process.once('SIGTERM', async () => {
      await running.close();
      process.exit(0);
    });
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
