/**
 * CLI: `npm run emulator -- [options]` (or the package's `appflow-gateway emulator [options]`,
 * src/cli.ts) starts the AppFlow emulator and prints its URL.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseLimitsFlag } from './limits.js';
import { startEmulator } from './server.js';

const help = (
  command: string,
) => `AppFlow emulator: a local Amazon AppFlow API (rest-json) for development and tests.

Usage: ${command} [options]

Options:
  --port N            Port (env APPFLOW_EMULATOR_PORT, default 4599; 0 = any free port)
  --host H            Host to bind (default 127.0.0.1)
  --seed              Load the built-in example data
  --seed-file F       Load a seed JSON document
  --run-seconds N     How long a run takes, emulated seconds
                      (env APPFLOW_EMULATOR_RUN_SECONDS, default 5)
  --time-scale N      Emulated seconds per real second (env APPFLOW_EMULATOR_TIME_SCALE,
                      default 1; 60 = a rate(1 minute) schedule fires every second)
  --data-dir DIR      Keep state across restarts (env APPFLOW_EMULATOR_DATA_DIR)
  --region R          Region in ARNs (default us-east-1)
  --account-id ID     12-digit account in ARNs (default 123456789012)
  --latency-ms N      Every AWS request waits N ms (default 0)
  --latency-jitter-ms N
                      Plus or minus up to N ms, uniformly (default 0)
  --limits L          Token-bucket rate limits: 'aws' (a plausible preset: AWS publishes
                      no per-operation rates for AppFlow) or Operation:rate[:burst] entries,
                      comma-separated ('*:5:10,StartFlow:1'); throttled calls get 429
  --eventbridge-target URL
                      POST AppFlow's EventBridge events (run start/end, deactivation) to URL
  --eventbridge-header 'Name: value'
                      Send this header with every event (an API destination's secret)
  --quiet             Do not log requests
  --help              This help

Point the AWS CLI or SDK at it: aws appflow list-flows --endpoint-url http://127.0.0.1:4599
Control API: http://127.0.0.1:4599/_emulator/health (see src/emulator/README.md)
`;

function main(args: string[], command: string) {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'boolean' },
      'seed-file': { type: 'string' },
      'run-seconds': { type: 'string' },
      'time-scale': { type: 'string' },
      'data-dir': { type: 'string' },
      region: { type: 'string' },
      'account-id': { type: 'string' },
      quiet: { type: 'boolean' },
      'latency-ms': { type: 'string' },
      'latency-jitter-ms': { type: 'string' },
      limits: { type: 'string' },
      'eventbridge-target': { type: 'string' },
      'eventbridge-header': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(help(command));
    return;
  }
  const env = process.env;
  const number = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got ${v}`);
    return n;
  };
  const port = number(values.port ?? env.APPFLOW_EMULATOR_PORT, 'port') ?? 4599;
  startEmulator({
    port,
    host: values.host ?? '127.0.0.1',
    seed: values['seed-file'] ?? values.seed ?? false,
    runSeconds: number(values['run-seconds'] ?? env.APPFLOW_EMULATOR_RUN_SECONDS, 'run-seconds'),
    timeScale: number(values['time-scale'] ?? env.APPFLOW_EMULATOR_TIME_SCALE, 'time-scale'),
    dataDir: values['data-dir'] ?? (env.APPFLOW_EMULATOR_DATA_DIR || undefined),
    region: values.region,
    accountId: values['account-id'],
    quiet: values.quiet ?? false,
    latencyMs: number(values['latency-ms'], 'latency-ms'),
    latencyJitterMs: number(values['latency-jitter-ms'], 'latency-jitter-ms'),
    limits: values.limits === undefined ? undefined : parseLimitsFlag(values.limits),
    eventbridgeTarget: values['eventbridge-target'],
    eventbridgeHeader: values['eventbridge-header'],
  }).then(
    (emulator) => {
      console.log(`AppFlow emulator listening on ${emulator.url}`);
      let closing = false;
      const shutdown = (signal: string) => {
        if (closing) return;
        closing = true;
        console.log(`${signal}: shutting down`);
        emulator.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', () => shutdown('SIGINT'));
      process.on('SIGTERM', () => shutdown('SIGTERM'));
    },
    (err: Error) => {
      console.error(`Could not start the emulator: ${err.message}`);
      process.exit(1);
    },
  );
}

/** Starts the emulator from command-line arguments; exits 2 on a bad one. */
export function runEmulatorCli(
  args: string[] = process.argv.slice(2),
  command = 'npm run emulator --',
): void {
  try {
    main(args, command);
  } catch (err) {
    console.error((err as Error).message);
    console.error('Run with --help for usage.');
    process.exit(2);
  }
}

// Run directly (`tsx src/emulator/main.ts`); in the bundle src/cli.ts calls runEmulatorCli.
declare const __APPFLOW_BUNDLE__: boolean | undefined;
if (
  typeof __APPFLOW_BUNDLE__ === 'undefined' &&
  import.meta.url === pathToFileURL(process.argv[1] ?? '').href
) {
  runEmulatorCli();
}
