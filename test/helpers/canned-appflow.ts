/**
 * A canned AppFlow endpoint on a real HTTP port, for wire-layer tests that need a response the
 * emulator cannot give (every member of every output shape, members of a scratch model): it
 * answers each request with the next queued answer and records what it received.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface CannedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function startCannedAppflow() {
  const answers: CannedAnswer[] = [];
  const received: CannedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = answers.shift() ?? { status: 500, body: { message: 'no canned answer' } };
      res.writeHead(answer.status ?? 200, {
        'content-type': 'application/json',
        'x-amzn-requestid': 'canned',
        ...answer.headers,
      });
      res.end(JSON.stringify(answer.body));
    });
  });
  // Longer than a client's idle keep-alive socket may wait between calls (no reset races).
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answer: (a: CannedAnswer) => answers.push(a),
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
