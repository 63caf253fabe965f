/**
 * `npm run build` (always builds) and `npm start` (prestart: `--if-changed`, builds only when
 * the sources differ from the last build's stamp): bundles src/server.ts into dist/server.mjs and the dashboard (web/) into
 * dist/web (scripts/build-web.mjs), which `npm start` runs with plain
 * node (no TypeScript loader, one file instead of ~950 modules: start-up in a fraction of the
 * time). `--analyze` prints the largest inputs. Runtime files (the AppFlow model, persisted
 * documents, GraphiQL's examples, dist/web) are read from the package root (src/paths.ts), so
 * dist/ stays beside them: in the checkout, or in the installed package (package.json `files`).
 * `--types` also writes the library's declarations (tsc -p tsconfig.build.json: dist/types).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// `--outdir DIR` (tests build into their own folder under dist/; it must stay inside the
// package, where the bundle finds package.json, model/ and node_modules/).
const argOutdir = process.argv.indexOf('--outdir');
const outdir = argOutdir > 0 ? process.argv[argOutdir + 1] : 'dist';

/**
 * What the bundle is made from: a hash of the contents (not mtimes, which a checkout or a copy
 * changes) of src/, web/, model/, the lock file and these scripts. `npm start` (prestart:
 * `--if-changed`) rebuilds only when it differs from the hash stamped beside the last build.
 */
function sourcesHash() {
  const hash = createHash('sha256');
  const add = (path) => hash.update(path).update('\0').update(readFileSync(path)).update('\0');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) add(path);
    }
  };
  for (const dir of ['src', 'web', 'model']) walk(dir);
  for (const file of [
    'package.json',
    'package-lock.json',
    'scripts/build.mjs',
    'scripts/build-web.mjs',
  ]) {
    if (existsSync(file)) add(file);
  }
  return hash.digest('hex');
}

const stampFile = join(outdir, '.build-stamp');
const fullBuild = !process.argv.includes('--no-web');
const sources = fullBuild ? sourcesHash() : undefined;
if (process.argv.includes('--if-changed') && fullBuild) {
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (stamp === sources && existsSync(join(outdir, 'server.mjs'))) {
    console.log(`${outdir}/ is up to date with src/, web/ and model/ (npm run build rebuilds)`);
    process.exit(0);
  }
}

const { build } = await import('esbuild');
const { buildWeb } = await import('./build-web.mjs');
const started = performance.now();
const result = await build({
  // dist/server.mjs: the command (src/cli.ts: `npm start`, the package's bin); dist/index.mjs
  // and dist/emulator.mjs: the library entries (package.json `exports`).
  entryPoints: {
    server: 'src/cli.ts',
    index: 'src/index.ts',
    emulator: 'src/emulator/index.ts',
    // The embedded emulator's worker thread (src/emulator/thread.ts) loads it beside the bundle.
    'emulator-worker': 'src/emulator/emulator-worker.ts',
  },
  // Modules that start themselves when run directly (tsx src/server.ts) do not in the bundle.
  define: { __APPFLOW_BUNDLE__: 'true' },
  // Code split at dynamic imports (the embedded emulator, OpenTelemetry, jose): a deployment
  // loads those chunks only when it uses them.
  outdir,
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
  // Packages bundled from CommonJS call require() for node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  external: [
    // ws' optional native speed-ups: loaded with try/catch when installed.
    'bufferutil',
    'utf-8-validate',
    // pino starts transports in worker threads by file name: they must stay real modules.
    'pino-pretty',
    'thread-stream',
    // GraphiQL's inlined assets (~9 MB): imported on the first GraphiQL page only.
    '@graphql-yoga/render-graphiql',
  ],
});
const entry = `${outdir.replace(/\/$/, '')}/server.mjs`;
if (!result.metafile.outputs[entry]) throw new Error(`esbuild wrote no ${entry}`);
// The entries and their shared chunks (code split), source maps left out.
const code = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const codeBytes = code.reduce((n, [, o]) => n + o.bytes, 0);
console.log(
  `${entry} (+ library entries and chunks): ${(codeBytes / 1e6).toFixed(1)} MB from ${Object.keys(result.metafile.inputs).length} modules in ${(performance.now() - started).toFixed(0)} ms`,
);
// The dashboard beside the server bundle: dist/web (which the gateway serves by default), or
// <outdir>/web for a test's own build.
if (fullBuild) {
  await buildWeb(argOutdir > 0 ? `${outdir.replace(/\/$/, '')}/web` : 'dist/web');
  // Written last: a build stopped halfway leaves the old stamp, so the next start rebuilds.
  writeFileSync(stampFile, `${sources}\n`);
}
if (process.argv.includes('--types')) {
  const { execFileSync } = await import('node:child_process');
  const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', join(outdir, 'types')],
    {
      stdio: 'inherit',
    },
  );
  console.log(`${outdir}/types: declarations for index and emulator`);
}
if (process.argv.includes('--analyze')) {
  const byPackage = new Map();
  const inputs = code.flatMap(([, o]) => Object.entries(o.inputs));
  for (const [file, { bytesInOutput }] of inputs) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = m ? m[1] : file.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(v / 1e3).toFixed(0).padStart(8)} KB  ${k}`);
  }
}
