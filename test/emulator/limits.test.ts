import {
  DescribeConnectorsCommand,
  ListConnectorsCommand,
  ListFlowsCommand,
} from '@aws-sdk/client-appflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/emulator/limits.js';
import { model } from '../../src/model/model.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { errorOf } from './fixtures.js';

describe('RateLimiter (token buckets on an injected clock)', () => {
  it('lets a burst through, then one request per 1/rate seconds', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.set({ operation: 'ListFlows', ratePerSecond: 2, burst: 3 });
    for (let i = 0; i < 3; i++) limiter.take('ListFlows');
    expect(() => limiter.take('ListFlows')).toThrow('Rate exceeded');
    now += 499;
    expect(() => limiter.take('ListFlows')).toThrow();
    now += 1;
    limiter.take('ListFlows');
    expect(() => limiter.take('ListFlows')).toThrow();
    now += 10_000; // never more than the burst
    for (let i = 0; i < 3; i++) limiter.take('ListFlows');
    expect(() => limiter.take('ListFlows')).toThrow();
    limiter.take('DescribeFlow'); // no rule: never throttled
  });

  it('a * rule gives every other operation a bucket of its own; reset goes back to the start', () => {
    const now = 0;
    const limiter = new RateLimiter(() => now, [{ operation: '*', ratePerSecond: 1, burst: 1 }]);
    limiter.set({ operation: 'StartFlow', ratePerSecond: 1, burst: 2 });
    limiter.take('ListFlows');
    limiter.take('DescribeFlow');
    expect(() => limiter.take('ListFlows')).toThrow();
    limiter.take('StartFlow');
    limiter.take('StartFlow');
    expect(() => limiter.take('StartFlow')).toThrow();
    limiter.reset();
    limiter.take('StartFlow');
    expect(() => limiter.take('StartFlow')).toThrow();
    limiter.clear();
    for (let i = 0; i < 10; i++) limiter.take('StartFlow');
  });
});

describe('rate limits and latency through the SDK', () => {
  let t: TestEmulator;
  const T0 = Date.UTC(2025, 0, 1);
  beforeAll(async () => {
    t = await startTestEmulator({ now: () => T0 });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset();
  });

  it('an empty bucket answers 429 ThrottlingException; the clock refills it; counters show it', async () => {
    await t.control.call('POST', '/limits', { operation: 'ListFlows', ratePerSecond: 1, burst: 2 });
    await t.client.send(new ListFlowsCommand({}));
    await t.client.send(new ListFlowsCommand({}));
    const err = await errorOf(t.client.send(new ListFlowsCommand({})));
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata?.httpStatusCode).toBe(429);
    expect(err.message).toBe('Rate exceeded');
    await t.client.send(new ListConnectorsCommand({})); // other operations: no rule
    await t.control.advance(1);
    await t.client.send(new ListFlowsCommand({}));
    const requests = (await t.control.call('GET', '/requests')) as {
      total: number;
      byOperation: Record<string, number>;
      throttled: { total: number; byOperation: Record<string, number> };
    };
    expect(requests.byOperation.ListFlows).toBe(4);
    expect(requests.throttled).toEqual({ total: 1, byOperation: { ListFlows: 1 } });
    const listed = (await t.control.call('GET', '/limits')) as { limits: unknown[] };
    expect(listed.limits).toEqual([
      { operation: 'ListFlows', ratePerSecond: 1, burst: 2, tokens: { ListFlows: 0 } },
    ]);
    await t.control.call('DELETE', '/limits');
    for (let i = 0; i < 5; i++) await t.client.send(new ListFlowsCommand({}));
  });

  it('throttle faults count as throttled too', async () => {
    await t.control.faults({ operation: 'DescribeConnectors', type: 'throttle', count: 1 });
    await errorOf(t.client.send(new DescribeConnectorsCommand({})));
    const requests = (await t.control.call('GET', '/requests')) as {
      throttled: { byOperation: Record<string, number> };
    };
    expect(requests.throttled.byOperation).toEqual({ DescribeConnectors: 1 });
  });

  it('refuses rules that make no sense', async () => {
    for (const body of [
      { operation: 'NoSuchOperation', ratePerSecond: 1 },
      { operation: '*', ratePerSecond: 0 },
      { operation: '*', ratePerSecond: 1, burst: 0.5 },
      { preset: 'azure' },
    ]) {
      await expect(t.control.call('POST', '/limits', body)).rejects.toThrow(/400/);
    }
  });

  it('the aws preset: a labelled plausible default for every operation', async () => {
    const { limits } = (await t.control.call('POST', '/limits', { preset: 'aws' })) as {
      limits: { operation: string; ratePerSecond: number; burst: number }[];
    };
    expect(limits.map((l) => l.operation).sort()).toEqual(Object.keys(model.operations).sort());
    expect(limits.find((l) => l.operation === 'ListFlows')).toMatchObject({
      ratePerSecond: 10,
      burst: 20,
    });
    expect(limits.find((l) => l.operation === 'CreateFlow')).toMatchObject({
      ratePerSecond: 2,
      burst: 5,
    });
    for (let i = 0; i < 20; i++) await t.client.send(new ListFlowsCommand({}));
    expect((await errorOf(t.client.send(new ListFlowsCommand({})))).name).toBe(
      'ThrottlingException',
    );
  });

  it('latency: a base latency with jitter, and latency faults with jitter', async () => {
    await t.control.call('POST', '/latency', { latencyMs: 120, jitterMs: 20 });
    let started = Date.now();
    await t.client.send(new ListFlowsCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(await t.control.call('GET', '/latency')).toEqual({ latencyMs: 120, jitterMs: 20 });
    await t.control.call('POST', '/latency', { latencyMs: 0 });
    await t.control.faults({
      operation: 'ListFlows',
      type: 'latency',
      latencyMs: 150,
      jitterMs: 30,
      count: 1,
    });
    started = Date.now();
    await t.client.send(new ListFlowsCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    await expect(t.control.call('POST', '/latency', { latencyMs: -1 })).rejects.toThrow(/400/);
  });
});

describe('EmulatorOptions', () => {
  it('limits and latency from the options hold from the start and after a reset', async () => {
    const t = await startTestEmulator({
      now: () => Date.UTC(2025, 0, 1),
      limits: [{ operation: '*', ratePerSecond: 1, burst: 1 }],
      latencyMs: 60,
    });
    try {
      await t.client.send(new ListFlowsCommand({}));
      expect((await errorOf(t.client.send(new ListFlowsCommand({})))).name).toBe(
        'ThrottlingException',
      );
      await t.control.reset();
      const started = Date.now();
      await t.client.send(new ListFlowsCommand({}));
      expect(Date.now() - started).toBeGreaterThanOrEqual(50);
      expect((await errorOf(t.client.send(new ListFlowsCommand({})))).name).toBe(
        'ThrottlingException',
      );
    } finally {
      await t.close();
    }
    const aws = await startTestEmulator({ limits: 'aws' });
    try {
      const { limits } = (await aws.control.call('GET', '/limits')) as { limits: unknown[] };
      expect(limits).toHaveLength(Object.keys(model.operations).length);
    } finally {
      await aws.close();
    }
  });
});
