/**
 * `POST /events/appflow`: AppFlow's EventBridge events, as an API destination delivers them,
 * into the live state (src/live/events.ts). Beside /graphql like /ready and /metrics
 * (health.ts): answered in `onRequest`, never reaching GraphQL, so none of the GraphQL
 * pipeline (API keys, persisted operations, cost) applies; its own gate does instead:
 *
 * - the shared secret an EventBridge connection with API-key authorization sends, in a
 *   configurable header, compared in constant time; refused (401) without it;
 * - a size limit (413), from content-length before anything is read and while reading;
 * - one JSON event of source `aws.appflow` (400 otherwise);
 * - every refusal is a coded JSON error and changes nothing. A replayed event id is accepted
 *   (200, so EventBridge does not retry it) and changes nothing twice.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { EventIntake } from '../live/events.js';
import { readUpTo } from './pipeline.js';

export const EVENTS_PATH = '/events/appflow';

export interface AppflowEventsOptions {
  intake: EventIntake;
  secret: string;
  /** Lower-case header name. */
  secretHeader: string;
  maxBodyBytes: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Equal secrets, in a time that does not depend on where they differ (nor on their lengths). */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

export function useAppflowEvents(options: AppflowEventsOptions): Plugin {
  const { intake, secret, secretHeader, maxBodyBytes } = options;
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== EVENTS_PATH) return;
      const answer = (status: number, body: Record<string, unknown>) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      const refuse = (status: number, code: string, message: string) =>
        answer(status, { error: { code, message } });
      if (request.method !== 'POST') {
        return refuse(405, 'METHOD_NOT_ALLOWED', `${EVENTS_PATH} accepts POST only.`);
      }
      if (!secretMatches(request.headers.get(secretHeader), secret)) {
        return refuse(401, 'EVENT_UNAUTHENTICATED', `A valid ${secretHeader} header is required.`);
      }
      const length = request.headers.get('content-length');
      if (length !== null && (!/^\d+$/.test(length) || Number(length) > maxBodyBytes)) {
        return refuse(413, 'EVENT_TOO_LARGE', `An event is at most ${maxBodyBytes} bytes.`);
      }
      const text = await readUpTo(request, maxBodyBytes);
      if (text === null) {
        return refuse(413, 'EVENT_TOO_LARGE', `An event is at most ${maxBodyBytes} bytes.`);
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return refuse(400, 'EVENT_MALFORMED', 'The body is not valid JSON.');
      }
      const outcome = await intake.accept(body);
      if (!outcome.accepted) return refuse(400, outcome.refusal.code, outcome.refusal.message);
      return answer(200, { ok: true, duplicate: outcome.duplicate, changes: outcome.changes });
    },
  };
}
