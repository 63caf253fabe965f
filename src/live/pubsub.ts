/**
 * The event bus of live run status. Listeners always listen in process (Yoga's `createPubSub`);
 * with Redis, every listened topic is also SUBSCRIBEd on the shared subscriber connection and
 * what arrives there is handed to the local listeners, so one poller's events reach subscribers
 * on every replica. A publish goes through Redis while Redis is available, and straight to the
 * local listeners while it is not (or when the PUBLISH fails): a replica cut off from Redis
 * keeps delivering its own poller's events. Payloads are plain JSON either way (dates as ISO
 * strings), so code behaves the same with and without Redis.
 *
 * Not @graphql-yoga/redis-event-target: it publishes without handling a failed PUBLISH (an
 * unhandled rejection while Redis is down) and has no local path to fall back to.
 */
import { createPubSub } from 'graphql-yoga';
import type { RedisConnections } from '../redis.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Listener = (payload: Json) => void;

export interface EventBus {
  /** Events reach the other replicas right now (Redis configured and available). */
  readonly shared: boolean;
  publish(topic: string, payload: Json): void;
  /** Listen to a topic until the returned function is called. */
  listen(topic: string, listener: Listener): () => void;
  close(): Promise<void>;
}

/** Plain JSON copy of a value (Dates become ISO strings, undefined members disappear). */
export function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

export function createEventBus(redis?: RedisConnections): EventBus {
  const local = createPubSub<Record<string, [Json]>>();
  /** Local listeners per topic: the Redis subscription lives while there is one. */
  const listening = new Map<string, number>();
  const stops = new Set<() => void>();
  const subscriber = redis?.subscriber;
  const forward = (topic: string, message: string) => {
    if (!listening.has(topic)) return;
    try {
      local.publish(topic, JSON.parse(message) as Json);
    } catch {
      // Not ours (not JSON): ignore.
    }
  };
  subscriber?.on('message', forward);
  // Queued while Redis is down and replayed by ioredis when it returns; never a crash.
  const subscribe = (topic: string) => void subscriber?.subscribe(topic).catch(() => {});
  const unsubscribe = (topic: string) => void subscriber?.unsubscribe(topic).catch(() => {});

  return {
    get shared() {
      return Boolean(redis?.available);
    },
    publish(topic, payload) {
      if (!redis || !this.shared) {
        local.publish(topic, payload);
        return;
      }
      const message = JSON.stringify(payload);
      redis.call((r) => r.publish(topic, message)).catch(() => local.publish(topic, payload));
    },
    listen(topic, listener) {
      const iterator = local.subscribe(topic)[Symbol.asyncIterator]();
      let stopped = false;
      // The first next() starts the underlying Repeater, which adds the event listener at
      // once: events published after listen() returns are not missed (in memory; Redis adds
      // its SUBSCRIBE round trip).
      const pump = async () => {
        for (;;) {
          const result = await iterator.next();
          if (result.done || stopped) return;
          try {
            listener(result.value);
          } catch {
            // A failing listener must not stop the others or the pump.
          }
        }
      };
      void pump();
      const count = listening.get(topic) ?? 0;
      listening.set(topic, count + 1);
      if (count === 0) subscribe(topic);
      const stop = () => {
        if (stopped) return;
        stopped = true;
        stops.delete(stop);
        void iterator.return?.();
        const left = (listening.get(topic) ?? 1) - 1;
        if (left > 0) listening.set(topic, left);
        else {
          listening.delete(topic);
          unsubscribe(topic);
        }
      };
      stops.add(stop);
      return stop;
    },
    async close() {
      for (const stop of [...stops]) stop();
      subscriber?.off('message', forward);
    },
  };
}
