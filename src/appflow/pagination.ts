/**
 * Relay connections over AppFlow's `nextToken` pagination.
 *
 * A cursor is the AppFlow token of the page an item came from plus its offset in that page,
 * signed (HMAC-SHA256) and stamped with an expiry, so a client cannot forge or replay it
 * against another list. A tampered, foreign or expired cursor is a `BAD_CURSOR` error.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';

/** The page size of a connection whose `first` is not given. */
export const DEFAULT_FIRST = 20;

export interface CursorPosition {
  /** AppFlow nextToken of the page (undefined = first page). */
  token?: string;
  /** Items of that page already consumed. */
  skip: number;
}

export class CursorCodec {
  private readonly secret: Buffer;
  constructor(
    secret: string | undefined,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  encode(scope: string, position: CursorPosition): string {
    const payload = Buffer.from(
      JSON.stringify({
        c: scope,
        t: position.token,
        s: position.skip,
        e: Math.floor(this.now() / 1000) + this.ttlSeconds,
      }),
    ).toString('base64url');
    return `${payload}.${this.sign(`${payload}`)}`;
  }

  decode(scope: string, cursor: string): CursorPosition {
    const [payload, signature, extra] = cursor.split('.');
    const bad = (why: string) =>
      new GraphQLError(`Invalid cursor: ${why}. Start again from the first page.`, {
        extensions: { code: 'BAD_CURSOR' },
      });
    if (!payload || !signature || extra !== undefined) throw bad('malformed');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw bad('signature does not match');
    }
    let body: { c: string; t?: string; s: number; e: number };
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw bad('malformed');
    }
    if (body.c !== scope) throw bad('it belongs to another list');
    if (body.e * 1000 < this.now()) throw bad('expired');
    if (!Number.isInteger(body.s) || body.s < 0) throw bad('malformed');
    return { token: body.t, skip: body.s };
  }
}

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export interface TokenConnectionOptions<T> {
  args: ConnectionArgs;
  codec: CursorCodec;
  /** Identifies the list (and its filter), so a cursor cannot be used on another. */
  scope: string;
  /** Fetch one AppFlow page. */
  fetchPage: (token: string | undefined, maxResults: number) => Promise<Page<T>>;
  /** Keep only matching items (filters AppFlow cannot apply). */
  filter?: (item: T) => boolean | Promise<boolean>;
  /** AppFlow's maxResults upper bound for this operation. */
  maxPageSize: number;
  defaultFirst?: number;
  maxFirst?: number;
  /** Bound on pages scanned in one request when a filter discards items. */
  maxPages?: number;
  /**
   * Called with each page's items that became edges, as soon as that page is back (before the
   * next page is fetched): their follow-up calls can start while the list goes on.
   */
  onPage?: (nodes: T[]) => void;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Forward pagination over a nextToken API, with optional filtering. */
export async function resolveTokenConnection<T>(
  opts: TokenConnectionOptions<T>,
): Promise<Connection<T>> {
  const { args, codec, scope, maxPageSize } = opts;
  if (args.last != null || args.before != null) {
    throw badInput('AppFlow lists page forward only: use first and after.');
  }
  const maxFirst = opts.maxFirst ?? 100;
  const first = args.first ?? opts.defaultFirst ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 0 || first > maxFirst) {
    throw badInput(`first must be between 0 and ${maxFirst}.`);
  }
  const start: CursorPosition = args.after ? codec.decode(scope, args.after) : { skip: 0 };
  const edges: Connection<T>['edges'] = [];
  let token = start.token;
  let skip = start.skip;
  let hasNextPage = false;
  let end: CursorPosition = start;
  const maxPages = opts.maxPages ?? 50;

  for (let pages = 0; first > 0; pages++) {
    if (pages >= maxPages) {
      // Scanned enough for one request; the client continues from here.
      hasNextPage = true;
      end = { token, skip };
      break;
    }
    const want = opts.filter ? maxPageSize : Math.min(maxPageSize, skip + first - edges.length + 1);
    const page = await opts.fetchPage(token, Math.max(1, want));
    let index = skip;
    const pageStart = edges.length;
    for (; index < page.items.length && edges.length < first; index++) {
      const item = page.items[index]!;
      if (opts.filter && !(await opts.filter(item))) continue;
      const atPageEnd = index + 1 >= page.items.length && page.nextToken;
      const position = atPageEnd ? { token: page.nextToken, skip: 0 } : { token, skip: index + 1 };
      edges.push(lazyEdge(codec, scope, position, item));
      end = position;
    }
    if (opts.onPage && edges.length > pageStart) {
      opts.onPage(edges.slice(pageStart).map((e) => e.node));
    }
    if (edges.length >= first) {
      hasNextPage = index < page.items.length || Boolean(page.nextToken);
      break;
    }
    if (!page.nextToken) {
      end = { token, skip: page.items.length };
      hasNextPage = false;
      break;
    }
    token = page.nextToken;
    skip = 0;
    end = { token, skip };
  }

  const endCursor = () =>
    edges.length > 0 && edges.length === first
      ? edges[edges.length - 1]!.cursor
      : hasNextPage
        ? codec.encode(scope, end)
        : (edges[edges.length - 1]?.cursor ?? null);
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return endCursor();
      },
    },
  };
}

/**
 * An edge whose cursor is signed only when selected: an HMAC per row (and per nested list)
 * is a measurable share of a 100-row query that never asks for cursors.
 */
function lazyEdge<T>(
  codec: CursorCodec,
  scope: string,
  position: CursorPosition,
  node: T,
): { cursor: string; node: T } {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      cursor ??= codec.encode(scope, position);
      return cursor;
    },
  };
}
