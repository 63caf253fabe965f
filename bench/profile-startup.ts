/**
 * Start-up profile: `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-startup.ts`
 * loads and starts the gateway with its embedded emulator, exactly as `src/server.ts` does, then
 * exits so the profile is written. Summarise with `npx tsx bench/cpuprofile-summary.ts DIR/*.cpuprofile`.
 */
const started = performance.now();
const { loadConfig } = await import('../src/config.js');
const { startServer } = await import('../src/server.js');
const loaded = performance.now();
const running = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
console.log(
  `imports ${(loaded - started).toFixed(0)} ms, startServer ${(performance.now() - loaded).toFixed(0)} ms, ready at ${running.url}`,
);
await running.close();
process.exit(0);
