/**
 * Gateway request profile: starts an emulator (seeded with 100 flows) and a gateway under
 * `--cpu-prof`, sends `COUNT` requests of one scenario query, stops the gateway so V8 writes the
 * profile to DIR. `npx tsx bench/profile-gateway.ts list|dashboard|typename DIR [COUNT]`, then
 * `npx tsx bench/cpuprofile-summary.ts DIR/<file>.cpuprofile`.
 */

import { load, postJson, startChild } from './lib.js';
import { DASHBOARD_FLOWS } from './run.js';
import { DASHBOARD_QUERY, LIST_QUERY, TYPENAME_QUERY } from './scenarios.js';

const [which = 'list', dir = '/tmp/appflow-gateway-profile', countArg] = process.argv.slice(2);
const query = { list: LIST_QUERY, dashboard: DASHBOARD_QUERY, typename: TYPENAME_QUERY }[which];
if (!query) throw new Error(`unknown query ${which}`);
const emulator = await startChild('emulator');
await postJson(`${emulator.url}/_emulator/seed`, {
  generate: { flows: DASHBOARD_FLOWS, profiles: 10, executionsPerFlow: 6 },
});
const gateway = await startChild('gateway', { EMULATOR_URL: emulator.url }, [
  '--cpu-prof',
  `--cpu-prof-dir=${dir}`,
]);
const r = await load({
  url: gateway.url,
  body: JSON.stringify({ query }),
  amount: Number(countArg ?? 1000),
  connections: 1,
});
console.log(`${r.requests} requests, ${r.requestsPerSec.toFixed(0)} req/s, p50 ${r.p50} ms`);
await gateway.stop();
await emulator.stop();
