/**
 * Who is asking: an API key (configured by its sha256, never in plaintext) or a JWT (HS256
 * secret or a JWKS URL, through `jose`), on HTTP headers and on graphql-ws connectionParams.
 * No credential gives the anonymous viewer (every scope) when ALLOW_ANONYMOUS, and is refused
 * otherwise. A credential that is presented but wrong is refused outright (HTTP 401,
 * WebSocket 4403), never downgraded to anonymous.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import type { GatewayConfig } from '../config.js';
import { ANONYMOUS_ALL_SCOPES, type Viewer } from '../context.js';

export const KNOWN_SCOPES = ['read', 'write', 'admin'] as const;

/** A presented credential that is not valid. */
export class AuthenticationError extends GraphQLError {
  constructor(message = 'Invalid credentials.') {
    super(message, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      },
    });
  }
}

export interface Credentials {
  bearer?: string;
  apiKey?: string;
}

export interface Authenticator {
  /** The viewer for a set of credentials; throws AuthenticationError for bad ones. */
  authenticate(credentials: Credentials): Promise<Viewer>;
  /** Credentials from an HTTP request's `authorization` / `x-api-key` headers. */
  fromHeaders(headers: Headers | Record<string, string | string[] | undefined>): Credentials;
  /** Credentials from graphql-ws connectionParams (`authorization`, `x-api-key`, `apiKey`, `token`). */
  fromConnectionParams(params: Readonly<Record<string, unknown>> | undefined): Credentials;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function parseBearer(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) throw new AuthenticationError('The authorization header must be "Bearer <token>".');
  return match[1];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function header(
  headers: Headers | Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

function scopesFromClaims(payload: JWTPayload): Set<string> {
  const raw = payload.scope ?? payload.scp ?? payload.scopes;
  const list =
    typeof raw === 'string' ? raw.split(/[\s,]+/) : Array.isArray(raw) ? raw.map(String) : [];
  return new Set(list.filter((s) => (KNOWN_SCOPES as readonly string[]).includes(s)));
}

export function createAuthenticator(
  config: Pick<
    GatewayConfig,
    'apiKeys' | 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience' | 'allowAnonymous'
  >,
): Authenticator {
  const keys = config.apiKeys.map((k) => ({
    digest: Buffer.from(k.sha256, 'hex'),
    id: `apikey:${k.sha256.slice(0, 12)}`,
    scopes: k.scopes,
  }));
  let algorithms: string[] | undefined;
  if (config.jwtSecret) algorithms = ['HS256'];
  else if (config.jwksUrl) {
    algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
  }
  const jwksUrl = config.jwksUrl ? new URL(config.jwksUrl) : undefined;
  // jose is loaded with the first token, not at start-up: gateways without JWT auth never pay
  // for it. The key (and the JWKS cache) is made once.
  let jwt:
    | Promise<{ jwtVerify: typeof import('jose').jwtVerify; key: Uint8Array | JWTVerifyGetKey }>
    | undefined;
  const loadJwt = () =>
    (jwt ??= import('jose').then((jose) => ({
      jwtVerify: jose.jwtVerify,
      key: config.jwtSecret
        ? new TextEncoder().encode(config.jwtSecret)
        : jose.createRemoteJWKSet(jwksUrl!),
    })));

  const byApiKey = (key: string): Viewer => {
    const digest = createHash('sha256').update(key).digest();
    // Compare against every configured key in constant time per key.
    let found: (typeof keys)[number] | undefined;
    for (const k of keys) if (timingSafeEqual(k.digest, digest)) found = k;
    if (!found) throw new AuthenticationError('Unknown API key.');
    return { id: found.id, authenticated: true, scopes: new Set(found.scopes) };
  };

  const byJwt = async (token: string): Promise<Viewer> => {
    if (!algorithms) throw new AuthenticationError('JWT authentication is not configured.');
    const { jwtVerify, key } = await loadJwt();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: config.jwtIssuer,
        audience: config.jwtAudience,
      }));
    } catch (error) {
      // jose's codes say why (expired, bad signature, claim) without echoing the token.
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new AuthenticationError(`Invalid token (${code}).`);
    }
    // The subject is the viewer: its rate budget and idempotency scope. Tokens without one
    // would all share a single viewer, so they are refused rather than guessed at.
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new AuthenticationError('Invalid token: it has no subject (sub) claim.');
    }
    return {
      id: `jwt:${payload.sub}`,
      authenticated: true,
      scopes: scopesFromClaims(payload),
      ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
    };
  };

  return {
    async authenticate({ bearer, apiKey }) {
      if (apiKey) return byApiKey(apiKey);
      if (bearer) {
        // A JWT has three dot-separated parts; anything else in Bearer is taken as an API key.
        return bearer.split('.').length === 3 ? byJwt(bearer) : byApiKey(bearer);
      }
      if (config.allowAnonymous) return ANONYMOUS_ALL_SCOPES;
      // Refused outright: a 401 (or WebSocket 4403) tells the client what to fix, and nothing
      // (not even the schema) is served to an unknown caller.
      throw new AuthenticationError('Authentication required: send an API key or a bearer token.');
    },
    fromHeaders(headers) {
      return {
        bearer: parseBearer(header(headers, 'authorization')),
        apiKey: str(header(headers, 'x-api-key')),
      };
    },
    fromConnectionParams(params) {
      if (!params) return {};
      const authorization = str(params.authorization) ?? str(params.Authorization);
      return {
        bearer: authorization ? parseBearer(authorization) : str(params.token),
        apiKey: str(params['x-api-key']) ?? str(params.apiKey),
      };
    },
  };
}
