/** The real gateway process (`tsx src/server.ts`) for lifecycle and memory tests. */
import { spawn } from 'node:child_process';

export function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, NODE_ENV: '', LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
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

/** The process's metrics URL, from its start line (METRICS_PORT, its own listener). */
export function metricsUrlOf(output: string): string {
  // The start line: a JSON log line (stdout is not a terminal here) with `metricsUrl`.
  const m =
    /"metricsUrl":"(http:\/\/[^"]+)"/.exec(output) ??
    /metrics at (http:\/\/\S+?)[.;]?(?:\s|$)/.exec(output);
  if (!m) throw new Error(`no metrics URL in the start line: ${output}`);
  return m[1]!;
}

/** The process's resident set size in bytes, from its own /metrics (prom-client). */
export async function rssOf(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const m = /^process_resident_memory_bytes (\S+)/m.exec(text);
  if (!m) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(m[1]);
}
