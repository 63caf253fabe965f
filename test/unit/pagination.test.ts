import { describe, expect, it } from 'vitest';
import {
  type Connection,
  CursorCodec,
  type Page,
  resolveTokenConnection,
} from '../../src/appflow/pagination.js';

/** A nextToken API over 0..n-1 whose pages never exceed `pageSize` (like AppFlow's maxResults). */
function tokenApi(n: number, pageSize = 100) {
  const calls: { token?: string; max: number }[] = [];
  const fetchPage = async (token: string | undefined, max: number): Promise<Page<number>> => {
    calls.push({ token, max });
    const start = token ? Number(token.slice(1)) : 0;
    const size = Math.min(max, pageSize);
    const items = Array.from(
      { length: Math.max(0, Math.min(size, n - start)) },
      (_, i) => start + i,
    );
    const next = start + items.length;
    return { items, nextToken: next < n ? `t${next}` : undefined };
  };
  return { fetchPage, calls };
}

async function walk(codec: CursorCodec, n: number, first: number, filter?: (x: number) => boolean) {
  const api = tokenApi(n, 7);
  const seen: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: Connection<number> = await resolveTokenConnection({
      args: { first, after },
      codec,
      scope: 'numbers',
      maxPageSize: 7,
      fetchPage: api.fetchPage,
      filter,
    });
    seen.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { seen, calls: api.calls };
}

describe('cursors', () => {
  const codec = new CursorCodec('secret', 60);

  it('round-trips a position', () => {
    expect(codec.decode('flows', codec.encode('flows', { token: 'abc', skip: 3 }))).toEqual({
      token: 'abc',
      skip: 3,
    });
  });

  it('rejects tampered, foreign, malformed and expired cursors with BAD_CURSOR', () => {
    const cursor = codec.encode('flows', { token: 'abc', skip: 3 });
    const [payload, sig] = cursor.split('.');
    const forged = `${Buffer.from(JSON.stringify({ c: 'flows', t: 'zzz', s: 0, e: 9e9 })).toString('base64url')}.${sig}`;
    for (const bad of [forged, `${payload}.x${sig}`, 'garbage', `${cursor}.more`]) {
      expect(() => codec.decode('flows', bad)).toThrowError(
        expect.objectContaining({ extensions: { code: 'BAD_CURSOR' } }),
      );
    }
    expect(() => codec.decode('profiles', cursor)).toThrow(/another list/);
    let now = 0;
    const clocked = new CursorCodec('secret', 60, () => now);
    const old = clocked.encode('flows', { skip: 1 });
    now = 61_000;
    expect(() => clocked.decode('flows', old)).toThrow(/expired/);
    // Another secret (another deployment) cannot read it either.
    expect(() => new CursorCodec('other', 60).decode('flows', cursor)).toThrow(/signature/);
  });
});

describe('resolveTokenConnection', () => {
  const codec = new CursorCodec('secret', 60);

  it('walks every item exactly once across AppFlow pages, for any page size', async () => {
    for (const first of [1, 3, 7, 10, 25]) {
      const { seen } = await walk(codec, 23, first);
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => i));
    }
  });

  it('filters without losing or repeating items', async () => {
    const { seen } = await walk(codec, 40, 4, (x) => x % 3 === 0);
    expect(seen).toEqual(Array.from({ length: 14 }, (_, i) => i * 3));
  });

  it('asks AppFlow for no more than it needs', async () => {
    const api = tokenApi(50, 100);
    await resolveTokenConnection({
      args: { first: 5 },
      codec,
      scope: 's',
      maxPageSize: 100,
      fetchPage: api.fetchPage,
    });
    expect(api.calls).toEqual([{ token: undefined, max: 6 }]);
  });

  it('refuses backward pagination and out-of-range sizes with BAD_USER_INPUT', async () => {
    const api = tokenApi(5);
    for (const args of [{ last: 2 }, { before: 'x' }, { first: -1 }, { first: 1000 }]) {
      await expect(
        resolveTokenConnection({
          args,
          codec,
          scope: 's',
          maxPageSize: 100,
          fetchPage: api.fetchPage,
        }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
  });
});
