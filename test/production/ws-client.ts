/** A raw graphql-transport-ws client: every frame and the close code are visible to the test. */
import WebSocket from 'ws';

export interface RawSocket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  send(message: unknown): void;
  /** The next message matching `pred` (already received or arriving within `ms`). */
  next(
    pred: (m: Record<string, unknown>) => boolean,
    ms?: number,
  ): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function rawSocket(
  url: string,
  protocol = 'graphql-transport-ws',
): Promise<RawSocket> {
  const ws = new WebSocket(url, protocol);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    for (const w of waiters) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    closed,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next(pred, ms = 10_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < messages.length; seen++) {
            if (pred(messages[seen]!)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(messages[seen]!);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(messages)}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => ws.close(),
  };
}

/** Open, init with these connectionParams and wait for the ack. */
export async function initSocket(url: string, payload?: Record<string, unknown>) {
  const s = await rawSocket(url);
  s.send({ type: 'connection_init', payload });
  await s.next((m) => m.type === 'connection_ack');
  return s;
}
