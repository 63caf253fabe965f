/** The real gateway process (`tsx src/server.ts`) for lifecycle and memory tests. */
import { spawn } from 'node:child_process';

export function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /ready at (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', check);
    exited.then(() => reject(new Error(`exited before ready: ${stdout}\n${stderr}`)));
  });
  return {
    child,
    exited,
    ready,
    output: () => stdout + stderr,
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** The process's resident set size in bytes, from its own /metrics (prom-client). */
export async function rssOf(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const m = /^process_resident_memory_bytes (\S+)/m.exec(text);
  if (!m) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(m[1]);
}
