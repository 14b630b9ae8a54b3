/**
 * Two gateway PROCESSES sharing one real redis-server (test/support/redis.ts, never 6379):
 * whatever is single-use and consumed on one replica is refused on the other.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type Redis } from '../../../src/storage/redis/create-redis.js';
import { ORIGIN, card, cardSign, certB64 } from '../../sessions/fixtures.js';
import { skipRedisSuites, startRedis, type TestRedis } from '../../support/redis.js';
import { KEYS, call } from './support.js';
import { widgetSigns } from './widget.js';

const skip = skipRedisSuites();
const SCRIPT = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));
const identity = { type: 'identity', purpose: '口座開設', origin: ORIGIN };

interface Replica {
  readonly url: string;
  readonly child: ChildProcess;
}

async function spawnReplica(redisUrl: string): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { ...process.env, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('gateway process did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`gateway process exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^LISTENING (\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return { url, child };
}

async function stopReplica(r: Replica | undefined): Promise<void> {
  if (!r || r.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    r.child.once('exit', () => resolve());
    r.child.kill('SIGTERM'); // this child, by its own handle
  });
}

describe.skipIf(skip)('two gateway processes sharing one redis-server', () => {
  let redis: TestRedis;
  let inspect: Redis;
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([spawnReplica(redis.url), spawnReplica(redis.url)]);
    inspect = await connectRedis({ url: redis.url, keyPrefix: 'jpki-two:' });
  });
  afterAll(async () => {
    inspect?.disconnect();
    await Promise.all([stopReplica(a), stopReplica(b)]);
    await redis?.stop();
  });

  it('created on A, shown and prepared on B, completed on A; the same token or signature on B is refused', async () => {
    const c = card('valid');
    const created = await call(a.url, 'POST', '/v1/sessions', KEYS.brokerage, {
      type: 'signing',
      purpose: '契約',
      origin: ORIGIN,
      document: { name: 'c.pdf', content: Buffer.from('contract').toString('base64') },
    });
    const token = created.json.clientToken as string;
    const run = await widgetSigns(b.url, token, c, { submitUrl: a.url });
    expect(run.view.status).toBe(200);
    expect(run.submitted.json).toEqual({ status: 'completed' });
    const again = await call(b.url, 'POST', '/v1/client/session/signature', token, run.body);
    expect(again).toMatchObject({ status: 401, json: { code: 'ERR_UNAUTHORIZED' } });
    expect((await call(b.url, 'GET', `/v1/sessions/${created.json.id}`, KEYS.brokerage)).json.status).toBe('completed');

    // the signature value, used on A, in a fresh session prepared on B
    const second = await call(b.url, 'POST', '/v1/sessions', KEYS.brokerage, {
      type: 'signing',
      purpose: '契約',
      origin: ORIGIN,
      document: { name: 'c.pdf', content: Buffer.from('contract').toString('base64') },
    });
    const t2 = second.json.clientToken as string;
    await call(b.url, 'POST', '/v1/client/session/data-to-sign', t2, { certificate: certB64(c.signing.der) });
    const replay = await call(b.url, 'POST', '/v1/client/session/signature', t2, {
      signatureValue: run.body.signatureValue,
    });
    expect(replay).toMatchObject({ status: 409, json: { code: 'ERR_REPLAY' } });
  });

  it('one submission sent to A and B at the same time: exactly one is processed', async () => {
    const c = card('valid');
    for (let round = 0; round < 3; round++) {
      const created = await call(a.url, 'POST', '/v1/sessions', KEYS.brokerage, identity);
      const token = created.json.clientToken as string;
      const dts = await call(a.url, 'POST', '/v1/client/session/data-to-sign', token, {
        certificate: certB64(c.signing.der),
      });
      const body = { signatureValue: cardSign(c, dts.json.digestInfo as string) };
      const answers = await Promise.all(
        [a, b].map((r) => call(r.url, 'POST', '/v1/client/session/signature', token, body)),
      );
      expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
      for (const x of answers.filter((x) => x.status !== 200))
        expect(['ERR_REPLAY', 'ERR_UNAUTHORIZED']).toContain(x.json.code);
    }
  });

  it('the card challenge and the statement nonce consumed on B are gone for A; the My Number is read once across both', async () => {
    const c = card('valid');
    const created = await call(a.url, 'POST', '/v1/sessions', KEYS.brokerage, {
      ...identity,
      include: ['basic4', 'my_number'],
    });
    const id = created.json.id as string;
    expect(await inspect.exists(`t:brokerage:card-challenge:${id}`, `t:brokerage:nonce:${id}`)).toBe(2);
    const run = await widgetSigns(a.url, created.json.clientToken as string, c, { submitUrl: b.url });
    expect(run.submitted.json).toEqual({ status: 'completed' });
    expect(await inspect.exists(`t:brokerage:card-challenge:${id}`, `t:brokerage:nonce:${id}`)).toBe(0);

    // the card's answer to that (consumed) challenge, replayed into a new session on A: refused
    const next = await call(a.url, 'POST', '/v1/sessions', KEYS.brokerage, {
      ...identity,
      include: ['basic4', 'my_number'],
    });
    const t2 = next.json.clientToken as string;
    const dts = await call(a.url, 'POST', '/v1/client/session/data-to-sign', t2, {
      certificate: certB64(c.signing.der),
    });
    const replayed = await call(a.url, 'POST', '/v1/client/session/signature', t2, {
      signatureValue: cardSign(c, dts.json.digestInfo as string),
      cardData: run.body.cardData,
    });
    expect(replayed.json).toEqual({ status: 'failed', hint: 'card_data_invalid' });
    const failed = await call(b.url, 'GET', `/v1/sessions/${next.json.id}`, KEYS.brokerage);
    expect((failed.json.errors as { code: string }[]).map((e) => e.code)).toContain(
      'ERR_CARD_CHALLENGE_SIGNATURE_INVALID',
    );

    expect((await call(b.url, 'GET', `/v1/sessions/${id}/my-number`, KEYS.brokerage)).json).toEqual({
      myNumber: c.myNumber,
    });
    expect((await call(a.url, 'GET', `/v1/sessions/${id}/my-number`, KEYS.brokerage)).status).toBe(410);
  });
});
