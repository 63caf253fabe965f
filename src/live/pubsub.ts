/**
 * The event bus of live run status: Yoga's `createPubSub`, in memory for one replica or over
 * Redis (`@graphql-yoga/redis-event-target` + ioredis) when REDIS_URL is set, so that one
 * poller's events reach subscribers on every replica. Payloads are plain JSON in both modes
 * (dates as ISO strings), so code behaves the same with and without Redis.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { newRedis } from '../redis.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Listener = (payload: Json) => void;

export interface EventBus {
  /** `memory` or `redis`. */
  readonly mode: 'memory' | 'redis';
  publish(topic: string, payload: Json): void;
  /** Listen to a topic until the returned function is called. */
  listen(topic: string, listener: Listener): () => void;
  /** The Redis connection for commands (locks, interest, snapshots), when in Redis mode. */
  readonly redis?: Redis;
  close(): Promise<void>;
}

/** Plain JSON copy of a value (Dates become ISO strings, undefined members disappear). */
export function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

export function createEventBus(redisUrl?: string): EventBus {
  if (!redisUrl) return busOver(createPubSub<Record<string, [Json]>>(), 'memory');
  const options = { maxRetriesPerRequest: null, lazyConnect: false, enableAutoPipelining: true };
  const publishClient = newRedis(redisUrl, options);
  const subscribeClient = newRedis(redisUrl, { ...options, enableAutoPipelining: false });
  // A Redis outage must not crash the process: ioredis reconnects by itself, and events
  // resume when it does (subscribers stay connected meanwhile).
  for (const client of [publishClient, subscribeClient]) client.on('error', () => {});
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return busOver(createPubSub<Record<string, [Json]>>({ eventTarget }), 'redis', publishClient, [
    publishClient,
    subscribeClient,
  ]);
}

function busOver(
  pubsub: ReturnType<typeof createPubSub<Record<string, [Json]>>>,
  mode: 'memory' | 'redis',
  redis?: Redis,
  clients: Redis[] = [],
): EventBus {
  const stops = new Set<() => void>();
  return {
    mode,
    redis,
    publish(topic, payload) {
      pubsub.publish(topic, payload);
    },
    listen(topic, listener) {
      const iterator = pubsub.subscribe(topic)[Symbol.asyncIterator]();
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
      const stop = () => {
        if (stopped) return;
        stopped = true;
        stops.delete(stop);
        void iterator.return?.();
      };
      stops.add(stop);
      return stop;
    },
    async close() {
      for (const stop of [...stops]) stop();
      await Promise.all(
        clients.map((c) =>
          c.quit().then(
            () => undefined,
            () => c.disconnect(),
          ),
        ),
      );
    },
  };
}
