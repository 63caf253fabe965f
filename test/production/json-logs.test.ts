/**
 * Issue #26 item 2, from an outsider's report: five 14-byte unauthenticated WebSocket frames
 * announcing a 2 MiB payload made graphql-ws print ~70 lines of stack traces on stderr
 * (`console.error` "Internal error emitted on a WebSocket socket"), and stdout carried a
 * plain-text banner and "SIGTERM: shutting down". A JSON log pipeline splits each of those into
 * one event per line. Here the real process gets the same frames and a SIGTERM, and every line
 * it writes, on stdout and stderr, must parse as JSON.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { API_KEYS } from './helpers.js';
import { startProcess } from './process.js';

/** A masked text frame header announcing `length` bytes (64-bit length form): 14 bytes. */
function oversizedFrameHeader(length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x81; // FIN + text
  header[1] = 0x80 | 127; // masked, 64-bit length follows
  header.writeBigUInt64BE(BigInt(length), 2);
  header.writeUInt32BE(0x12345678, 10); // masking key
  return header;
}

/** Upgrades a raw TCP connection to graphql-transport-ws, then sends the frame header only. */
function sendOversizedFrame(url: string): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        [
          `GET ${pathname} HTTP/1.1`,
          `Host: ${hostname}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Protocol: graphql-transport-ws',
          '',
          '',
        ].join('\r\n'),
      );
    });
    let upgraded = false;
    socket.on('data', (chunk) => {
      if (upgraded) {
        // The server's answer: a close frame (1009, message too big). Done.
        if (chunk[0] === 0x88) socket.destroy();
      } else if (chunk.toString('latin1').startsWith('HTTP/1.1 101')) {
        upgraded = true;
        const frame = oversizedFrameHeader(2 * 1024 * 1024);
        expect(frame.byteLength).toBe(14);
        socket.write(frame);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => (upgraded ? resolve() : reject(new Error('no upgrade'))));
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

describe('every line the process writes is JSON', () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: true });
  });
  afterAll(async () => {
    await emulator.close();
  });

  for (const level of ['info', 'silent']) {
    it(`LOG_LEVEL=${level}: oversized unauthenticated frames, then SIGTERM`, async () => {
      const p = startProcess({
        APPFLOW_ENDPOINT: emulator.url,
        PORT: '0',
        HOST: '127.0.0.1',
        API_KEYS,
        ALLOW_ANONYMOUS: 'false',
        LOG_LEVEL: level,
        SHUTDOWN_DELAY_MS: '0',
      });
      try {
        const url = await p.ready;
        const ws = url.replace(/^http/, 'ws');
        await Promise.all(Array.from({ length: 5 }, () => sendOversizedFrame(ws)));
        p.child.kill('SIGTERM');
        expect((await p.exited).code).toBe(0);
      } finally {
        if (p.child.exitCode === null) p.child.kill('SIGKILL');
      }
      const lines = { stdout: p.stdout().split('\n'), stderr: p.stderr().split('\n') };
      const notJson: string[] = [];
      const events: Record<string, unknown>[] = [];
      for (const [stream, all] of Object.entries(lines)) {
        for (const line of all.filter((l) => l !== '')) {
          try {
            events.push(JSON.parse(line));
          } catch {
            notJson.push(`${stream}: ${line}`);
          }
        }
      }
      expect(notJson).toEqual([]);
      // The start-up and shutdown lines are written whatever the level (the readiness contract).
      expect(events.some((e) => /ready at http/.test(String(e.msg)))).toBe(true);
      expect(events.some((e) => e.msg === 'SIGTERM: shutting down')).toBe(true);
      const socketErrors = events.filter((e) => e.ws === 'socket error');
      if (level === 'silent') {
        expect(socketErrors).toEqual([]);
      } else {
        // The five refused frames, one event each, with the reason and no stack trace.
        expect(socketErrors).toHaveLength(5);
        expect(JSON.stringify(socketErrors[0])).toMatch(/Max payload size exceeded/);
        expect(JSON.stringify(socketErrors)).not.toMatch(/\n\s+at /);
      }
    });
  }
});
