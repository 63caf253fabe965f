/**
 * Client mistakes get a coded error, never a 500, a stack or an echo of the body (defects 2,
 * 10b, 13, 14 of the security review); stream reservations are authenticated, capped per
 * viewer, owned and expiring (defect 4); body limits hold before authentication (defect 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProdGateway, READ_KEY, startProdGateway, WRITE_KEY } from './helpers.js';

let g: ProdGateway;
beforeAll(async () => {
  g = await startProdGateway({
    NODE_ENV: 'production',
    MAX_BODY_BYTES: '65536',
    SSE_RESERVATIONS_PER_VIEWER: '2',
    SSE_RESERVATION_TTL_MS: '300',
  });
});
afterAll(() => g.close());

const auth = { 'x-api-key': READ_KEY };
type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function coded(res: Response): Promise<{ status: number; code?: unknown; text: string }> {
  const text = await res.text();
  let body: Body = {};
  try {
    // A JSON body, or (an SSE answer) the first `data:` line.
    const data = text.split('\n').find((l) => l.startsWith('data: {'));
    body = JSON.parse(data ? data.slice(6) : text);
  } catch {}
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, text };
}

describe('client input on HTTP', () => {
  it('GET with variables={x is a 400 BAD_REQUEST', async () => {
    const res = await g.fetch(
      `/graphql?query=${encodeURIComponent('{ __typename }')}&variables={x`,
      {
        headers: {
          ...auth,
          accept: 'application/graphql-response+json',
          'x-graphql-yoga-csrf': '1',
        },
      },
    );
    const r = await coded(res);
    expect(r.status).toBe(400);
    expect(r.code).toBe('BAD_REQUEST');
  });

  it('application/xml is a 415 with a coded body', async () => {
    const r = await coded(
      await g.fetch('/graphql', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/xml' },
        body: '<query/>',
      }),
    );
    expect(r.status).toBe(415);
    expect(r.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['/graphql', '/graphql/stream'])(
    'malformed JSON on %s is refused without echoing it',
    async (path) => {
      const secret = 'sk-live-VERY-SECRET-123';
      for (const headers of [auth, {}]) {
        const r = await coded(
          await g.fetch(path, {
            method: 'POST',
            headers: {
              ...headers,
              'content-type': 'application/json',
              accept: 'text/event-stream',
            },
            body: `{"query": "{ __typename }", "variables": {"token": "${secret}"`,
          }),
        );
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.code).toBeTruthy();
        expect(r.text).not.toContain(secret);
      }
    },
  );

  it('node(id: "garbage") and an unknown type name answer coded errors', async () => {
    for (const id of ['garbage', Buffer.from('Nope:x').toString('base64')]) {
      const r = await g.post({ query: `{ node(id: "${id}") { id } }` }, auth);
      expect(r.status).toBeLessThan(500);
      for (const e of r.body.errors ?? []) expect(e.extensions?.code).toBeTruthy();
    }
  });

  it.each([
    ['/graphql', 'application/json'],
    ['/graphql/stream', 'text/event-stream'],
  ])(
    '%s refuses a declared body over MAX_BODY_BYTES with 413 before auth',
    async (path, accept) => {
      const r = await coded(
        await g.fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept, 'content-length': '120000000' },
          body: 'x',
        }),
      );
      expect(r.status).toBe(413);
      expect(r.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    },
  );

  it('/graphql/stream stops reading a chunked body at the limit (413)', async () => {
    const chunk = new TextEncoder().encode(`{"query": "${' '.repeat(16_000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        if (sent > 10) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const r = await coded(
      await g.fetch('/graphql/stream', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', accept: 'text/event-stream' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(r.status).toBe(413);
    expect(r.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('/graphql/stream with a wrong key is a coded 401, and a request log line is written', async () => {
    const r = await coded(
      await g.fetch('/graphql/stream', {
        method: 'POST',
        headers: {
          'x-api-key': 'nope-nope-nope',
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    );
    expect(r.status).toBe(401);
    expect(r.code).toBe('UNAUTHENTICATED');
    expect(r.text).not.toMatch(/\/src\/|node_modules/);
    expect(g.logs.entries.some((e) => e.path === '/graphql/stream' && e.status === 401)).toBe(true);
  });
});

describe('stream reservations (PUT /graphql/stream)', () => {
  const put = (headers: Record<string, string>) =>
    g.fetch('/graphql/stream', { method: 'PUT', headers: { accept: 'text/plain', ...headers } });

  it('need credentials', async () => {
    expect((await coded(await put({}))).code).toBe('UNAUTHENTICATED');
  });

  it('are capped per viewer, expire, and are their owner`s only', async () => {
    const a = await put(auth);
    const b = await put(auth);
    expect([a.status, b.status]).toEqual([201, 201]);
    const token = await a.text();
    await b.text();
    const third = await coded(await put(auth));
    expect([third.status, third.code]).toEqual([429, 'TOO_MANY_STREAM_RESERVATIONS']);
    // Another viewer has its own budget, and cannot use this viewer's token.
    expect((await put({ 'x-api-key': WRITE_KEY })).status).toBe(201);
    const stolen = await coded(
      await g.fetch('/graphql/stream', {
        method: 'POST',
        headers: {
          'x-api-key': WRITE_KEY,
          'content-type': 'application/json',
          'x-graphql-event-stream-token': token,
        },
        body: JSON.stringify({ query: '{ __typename }', extensions: { operationId: '1' } }),
      }),
    );
    expect([stolen.status, stolen.code]).toEqual([404, 'STREAM_NOT_FOUND']);
    // Past the TTL nobody attached: gone, and the budget is back.
    await new Promise((r) => setTimeout(r, 500));
    const expired = await coded(
      await g.fetch(`/graphql/stream?token=${token}`, {
        headers: { ...auth, accept: 'text/event-stream' },
      }),
    );
    expect([expired.status, expired.code]).toEqual([404, 'STREAM_NOT_FOUND']);
    expect((await put(auth)).status).toBe(201);
  });
});
