/**
 * Summarise a V8 .cpuprofile: self time by package (or src/ file) and the top functions.
 * `npx tsx bench/cpuprofile-summary.ts FILE.cpuprofile [top=25]`
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-summary.ts FILE.cpuprofile [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
// A glob may also match a worker thread's profile: only a number counts as `top`.
const top = /^\d+$/.test(topArg ?? '') ? Number(topArg) : 25;
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

function area(url: string): string {
  if (!url) return '(native/gc/idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1).replace(/\?.*$/, '');
  if (url.startsWith('node:')) return 'node:internal';
  return url.replace(/^file:\/\//, '');
}

const byArea = new Map<string, number>();
const byFn = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  total += us;
  const a = area(node.callFrame.url);
  byArea.set(a, (byArea.get(a) ?? 0) + us);
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${a}:${node.callFrame.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${(v / 1000).toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
  }
};
show('self time by package / file', byArea);
show('self time by function', byFn);
