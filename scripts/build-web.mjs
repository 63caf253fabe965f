/**
 * The dashboard (web/) as static files: esbuild bundles web/src/main.tsx into
 * `<outdir>/assets/main-[hash].js` and `.css` (content-hashed names, served as immutable) and
 * writes `<outdir>/index.html` pointing at them (served no-cache). Called by scripts/build.mjs;
 * `node scripts/build-web.mjs [--outdir DIR]` builds only the dashboard (tests do).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function buildWeb(outdir = 'dist/web') {
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: ['web/src/main.tsx'],
    outdir: join(outdir, 'assets'),
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs);
  const js = outputs.find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  if (!js) throw new Error('esbuild wrote no dashboard script');
  const html = readFileSync('web/index.html', 'utf8')
    .replace(
      '<!-- styles -->',
      css ? `<link rel="stylesheet" href="/assets/${basename(css)}" />` : '',
    )
    .replace('<!-- scripts -->', `<script type="module" src="/assets/${basename(js)}"></script>`);
  writeFileSync(join(outdir, 'index.html'), html);
  const bytes = result.metafile.outputs[js].bytes;
  console.log(
    `${outdir}: ${basename(js)} ${(bytes / 1e3).toFixed(0)} KB (minified) in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return { outdir, js, css };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--outdir');
  await buildWeb(i > 0 ? process.argv[i + 1] : undefined);
}
