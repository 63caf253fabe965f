#!/usr/bin/env node
/**
 * The package's command (`bin` in package.json, bundled as dist/server.mjs, which `npm start`
 * runs too): `appflow-gateway` starts the gateway, configured by environment variables
 * (docs/operations.md); `appflow-gateway emulator [options]` starts only the AppFlow emulator.
 * Each loads its own code on demand: the emulator alone never loads the gateway.
 */
const USAGE = `Usage:
  appflow-gateway                 Start the GraphQL gateway (configured by environment variables)
  appflow-gateway emulator [...]  Start only the AppFlow emulator (appflow-gateway emulator --help)
  appflow-gateway --help          This help
`;

const [command, ...rest] = process.argv.slice(2);
if (command === undefined || command === 'serve') {
  const { main } = await import('./server.js');
  await main();
} else if (command === 'emulator') {
  const { runEmulatorCli } = await import('./emulator/main.js');
  runEmulatorCli(rest, 'appflow-gateway emulator');
} else if (command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(USAGE);
} else {
  process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
  process.exitCode = 2;
}
