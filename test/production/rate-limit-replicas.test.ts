/**
 * With REDIS_URL the per-viewer AppFlow budget is shared by every replica: two gateways do not
 * allow twice the budget.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl)
  console.warn('\n*** REDIS_URL is not set: the shared rate-limit test is SKIPPED ***\n');

describe.runIf(redisUrl)('rate limit across replicas', () => {
  let emulator: TestEmulator;
  let a: Gateway;
  let b: Gateway;
  // A key of this run's own: its budget cannot meet another run's.
  const apiKey = randomBytes(16).toString('hex');

  beforeAll(async () => {
    emulator = await startTestEmulator({ seed: true });
    const config = loadConfig(
      {
        API_KEYS: `${createHash('sha256').update(apiKey).digest('hex')}:read`,
        LOG_LEVEL: 'silent',
        REDIS_URL: redisUrl!,
        RATE_LIMIT_PER_MINUTE: '3',
      },
      { appflowEndpoint: emulator.url, embeddedEmulator: false },
    );
    a = await createGateway(config);
    b = await createGateway(config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await emulator?.close();
  });

  /** One query, one AppFlow call (ListFlows). */
  async function flows(gateway: Gateway) {
    const res = await gateway.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ flows(first: 1) { edges { cursor } } }' }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] },
    };
  }

  it('refuses the fourth call of the minute whichever replica gets it', async () => {
    await emulator.control.clearRequests();
    const answers = [await flows(a), await flows(b), await flows(a), await flows(b)];
    expect(answers.slice(0, 3).map((r) => r.body.errors)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(answers[3]!.status).toBe(429);
    expect(answers[3]!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await emulator.control.requests()).byOperation.ListFlows).toBe(3);
  });
});
