/**
 * Webhook delivery over REAL HTTP to a receiver that verifies signatures and fails on
 * purpose: a signed delivery (contract §5 header, exact raw body), retries with exponential
 * backoff and full jitter on 500s and timeouts (same id and bytes each time), a dead letter
 * after the bounded attempts, redrive, and each delivery failure code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/webhooks/backoff.js';
import { createWebhookDispatcher, type WebhookDeliverySettings } from '../../src/webhooks/create-webhook-dispatcher.js';
import { createMemoryOutbox } from '../../src/webhooks/memory/memory-outbox.js';
import { postWebhook } from '../../src/webhooks/post-webhook.js';
import { signatureHeader, verifyWebhookSignature } from '../../src/webhooks/sign-webhook.js';
import type { DeadLetter } from '../../src/webhooks/types.js';
import { manualClock } from '../storage/contract/manual-clock.js';
import { SECRET, sessionEvent } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';

const SETTINGS: Partial<WebhookDeliverySettings> = {
  timeoutMs: 400,
  leaseMs: 5_000,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  maxAttempts: 4,
};

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver(SECRET);
});
afterAll(async () => {
  await rx?.close();
});

function setup(random = () => 0.5) {
  const clock = manualClock('2026-03-01T00:00:00Z');
  const outbox = createMemoryOutbox();
  const dead: DeadLetter[] = [];
  const dispatcher = createWebhookDispatcher({
    outbox,
    clock,
    secretOf: (t) => (t === 'acme' ? SECRET : undefined),
    settings: SETTINGS,
    random,
    onDeadLetter: (d) => dead.push(d),
  });
  return { clock, outbox, dispatcher, dead };
}

describe('webhook delivery (real HTTP receiver)', () => {
  it('delivers once, signed: t=<unix seconds>,v1=HMAC-SHA256(secret, "<t>.<raw body>")', async () => {
    rx.received.length = 0;
    const { clock, outbox, dispatcher } = setup();
    const ev = sessionEvent(rx.url, 1);
    expect(await outbox.enqueue(ev, clock.now().getTime())).toBe(true);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    const [got] = rx.received;
    expect(got!.check).toEqual({ ok: true, t: Math.floor(clock.now().getTime() / 1000) });
    expect(got!.rawBody).toBe(ev.body);
    expect(got!.signature).toBe(signatureHeader(SECRET, got!.check.ok ? got!.check.t : 0, ev.body));
    expect(Object.keys(got!.body).sort()).toEqual(['created', 'data', 'id', 'type']);
    expect(got!.body).toMatchObject({ id: ev.id, type: 'session.completed', data: { status: 'completed' } });
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(outbox.size).toBe(0);
  });

  it('retries a 500 and a timeout with backoff (full jitter), same id and bytes, then delivers', async () => {
    rx.received.length = 0;
    rx.script('500', 'timeout', 'ok');
    const { clock, outbox, dispatcher } = setup(() => 0.5);
    const ev = sessionEvent(rx.url, 2);
    await outbox.enqueue(ev, clock.now().getTime());
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // attempt 1 failed: next in 0.5 × 1000 ms — not before
    clock.advance(499);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    clock.advance(1);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 }); // the timeout
    clock.advance(999); // attempt 2 failed: 0.5 × 2000 ms
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    clock.advance(1);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(rx.received.map((r) => r.answer)).toEqual(['500', 'timeout', 'ok']);
    expect(new Set(rx.received.map((r) => r.rawBody))).toEqual(new Set([ev.body]));
    expect(rx.received.every((r) => r.check.ok)).toBe(true);
  });

  it('dead-letters after maxAttempts with the last error; redrive delivers it', async () => {
    rx.received.length = 0;
    rx.fallback = '500';
    const { clock, outbox, dispatcher, dead } = setup(() => 0);
    const ev = sessionEvent(rx.url, 3);
    await outbox.enqueue(ev, clock.now().getTime());
    try {
      const rounds = [];
      for (let i = 0; i < 4; i++) rounds.push(await dispatcher.runOnce());
      expect(rounds.at(-1)).toEqual({ delivered: 0, retried: 0, dead: 1 });
    } finally {
      rx.fallback = 'ok';
    }
    expect(rx.received).toHaveLength(4);
    const letters = await outbox.deadLetters('acme', 10);
    expect(letters).toEqual([
      expect.objectContaining({ attempts: 4, lastError: expect.objectContaining({ code: 'ERR_WEBHOOK_STATUS' }) }),
    ]);
    expect(dead).toHaveLength(1);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // dead stays dead
    expect(await outbox.deadLetters('other', 10)).toEqual([]);
    expect(await outbox.redrive('other', ev.id, clock.now().getTime())).toBe(false);
    expect(await outbox.redrive('acme', ev.id, clock.now().getTime())).toBe(true);
    expect(await outbox.redrive('acme', ev.id, clock.now().getTime())).toBe(false);
    expect(await dispatcher.runOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(await outbox.deadLetters('acme', 10)).toEqual([]);
  });

  it('an event enqueued twice (same id) is stored and delivered once', async () => {
    rx.received.length = 0;
    const { clock, outbox, dispatcher } = setup();
    const ev = sessionEvent(rx.url, 4);
    expect(await outbox.enqueue(ev, clock.now().getTime())).toBe(true);
    expect(await outbox.enqueue(ev, clock.now().getTime())).toBe(false);
    await dispatcher.runOnce();
    expect(await outbox.enqueue(ev, clock.now().getTime())).toBe(false); // also after delivery
    await dispatcher.runOnce();
    expect(rx.received).toHaveLength(1);
  });

  it('a tenant without a webhook secret cannot be signed for: retried, never sent unsigned', async () => {
    rx.received.length = 0;
    const { clock, outbox, dispatcher } = setup();
    await outbox.enqueue(sessionEvent(rx.url, 5, 'gone'), clock.now().getTime());
    expect(await dispatcher.runOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(rx.received).toHaveLength(0);
  });
});

describe('one attempt: each failure its own code', () => {
  const opts = { timeoutMs: 400, maxResponseBytes: 16 * 1024 };
  const post = (answer: Parameters<Receiver['script']>[0], url = rx.url) => {
    rx.script(answer);
    return postWebhook(url, '{}', {}, opts);
  };

  it('2xx → delivered', async () => {
    expect(await post('ok')).toEqual({ ok: true, status: 204 });
  });
  it('500 → ERR_WEBHOOK_STATUS', async () => {
    expect(await post('500')).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_STATUS', detail: 'HTTP 500' });
  });
  it('no answer in time → ERR_WEBHOOK_TIMEOUT', async () => {
    expect(await post('timeout')).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_TIMEOUT' });
  });
  it('a redirect is not followed → ERR_WEBHOOK_REDIRECT', async () => {
    const before = rx.received.length;
    expect(await post('redirect')).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_REDIRECT' });
    expect(rx.received.length).toBe(before + 1); // /moved was never requested
  });
  it('a response over the cap → ERR_WEBHOOK_RESPONSE_TOO_LARGE', async () => {
    expect(await post('big')).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_RESPONSE_TOO_LARGE' });
  });
  it('a dropped connection or a closed port → ERR_WEBHOOK_UNREACHABLE', async () => {
    expect(await post('drop')).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_UNREACHABLE' });
    const closed = await startReceiver(SECRET);
    const url = closed.url;
    await closed.close();
    expect(await postWebhook(url, '{}', {}, opts)).toMatchObject({ ok: false, code: 'ERR_WEBHOOK_UNREACHABLE' });
  });
});

describe('backoff and signatures', () => {
  it('full jitter: uniform below min(cap, base·2^(n−1))', () => {
    const p = { baseDelayMs: 1000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 30].map((n) => backoffDelay(p, n, () => 0.999999))).toEqual([
      999, 1999, 3999, 7999, 9999, 9999,
    ]);
    expect(backoffDelay(p, 3, () => 0)).toBe(0);
  });

  it('verifyWebhookSignature refuses a wrong secret, an edited body, a malformed header and an old t', () => {
    const body = '{"id":"evt_1"}';
    const h = signatureHeader(SECRET, 1_772_323_200, body);
    expect(verifyWebhookSignature(h, body, SECRET, 1_772_323_200)).toEqual({ ok: true, t: 1_772_323_200 });
    expect(verifyWebhookSignature(h, body, 'whsec_other', 1_772_323_200)).toMatchObject({ reason: 'mismatch' });
    expect(verifyWebhookSignature(h, `${body} `, SECRET, 1_772_323_200)).toMatchObject({ reason: 'mismatch' });
    expect(verifyWebhookSignature('v1=abc', body, SECRET, 1_772_323_200)).toMatchObject({ reason: 'malformed' });
    expect(verifyWebhookSignature(h, body, SECRET, 1_772_323_200 + 301)).toMatchObject({ reason: 'too-old' });
  });

  it('settings are checked: the lease must outlast the attempt timeout', () => {
    const outbox = createMemoryOutbox();
    const clock = manualClock();
    expect(() =>
      createWebhookDispatcher({ outbox, clock, secretOf: () => SECRET, settings: { timeoutMs: 5000, leaseMs: 5000 } }),
    ).toThrow(TypeError);
  });
});
