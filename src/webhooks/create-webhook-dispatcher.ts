/**
 * createWebhookDispatcher: the outbox worker. Each round it leases due events (a lease per
 * event, so with several replicas each event is attempted by exactly one of them at a time),
 * signs each attempt (contract §5), posts it (post-webhook.ts), and then acks it, schedules the
 * next attempt (exponential backoff, full jitter) or — after `maxAttempts` — moves it to the
 * tenant's dead-letter list. Delivery is at least once: a worker that dies mid-attempt loses
 * its lease and the event is attempted again; receivers de-duplicate by the event id.
 * Time and randomness are injected; runOnce() drives it in tests, start() on timers.
 */
import type { Clock } from '../clock.js';
import { backoffDelay } from './backoff.js';
import { postWebhook as defaultPost, type PostWebhook } from './post-webhook.js';
import { SIGNATURE_HEADER, signatureHeader } from './sign-webhook.js';
import type { ClaimedEntry, DeadLetter, DeliveryError, WebhookOutbox } from './types.js';

export interface WebhookDeliverySettings {
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxResponseBytes: number;
  /** How long a claimed event stays with this worker; must exceed timeoutMs. */
  readonly leaseMs: number;
  /** Events claimed per round (and delivered concurrently). */
  readonly batch: number;
  readonly pollIntervalMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookDeliverySettings = Object.freeze({
  timeoutMs: 10_000,
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  maxResponseBytes: 64 * 1024,
  leaseMs: 30_000,
  batch: 16,
  pollIntervalMs: 1_000,
});

export interface DispatcherOptions {
  readonly outbox: WebhookOutbox;
  readonly clock: Clock;
  /** The tenant's current webhook secret (rotation takes effect on the next attempt). */
  readonly secretOf: (tenantId: string) => string | undefined;
  readonly settings?: Partial<WebhookDeliverySettings>;
  readonly random?: () => number;
  readonly post?: PostWebhook;
  /** After an event was moved to the dead-letter list (audit, metrics). Must not throw. */
  readonly onDeadLetter?: (dead: DeadLetter) => void;
  readonly onAttempt?: (outcome: 'delivered' | 'retry' | 'dead' | 'lease-lost', claimed: ClaimedEntry) => void;
  readonly log?: (level: 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface RoundResult {
  readonly delivered: number;
  readonly retried: number;
  readonly dead: number;
}

export interface WebhookDispatcher {
  readonly settings: WebhookDeliverySettings;
  /** One round: claim due events and attempt each once. */
  runOnce(): Promise<RoundResult>;
  start(): void;
  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void>;
}

export function createWebhookDispatcher(o: DispatcherOptions): WebhookDispatcher {
  const s: WebhookDeliverySettings = Object.freeze({ ...DEFAULT_WEBHOOK_SETTINGS, ...o.settings });
  if (s.leaseMs <= s.timeoutMs) throw new TypeError('webhook leaseMs must exceed timeoutMs');
  if (!(s.maxAttempts >= 1 && s.batch >= 1)) throw new TypeError('webhook maxAttempts and batch must be ≥ 1');
  const random = o.random ?? Math.random;
  const post = o.post ?? defaultPost;
  const log = o.log ?? (() => {});

  const attempt = async (c: ClaimedEntry): Promise<'delivered' | 'retry' | 'dead' | 'lease-lost'> => {
    const now = o.clock.now();
    const secret = o.secretOf(c.event.tenantId);
    const attempts = c.attempts + 1;
    const result = secret
      ? await post(
          c.event.url,
          c.event.body,
          {
            [SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(now.getTime() / 1000), c.event.body),
            'JPKI-Gateway-Event-Id': c.event.id,
            'user-agent': 'jpki-gateway-webhooks/1',
          },
          { timeoutMs: s.timeoutMs, maxResponseBytes: s.maxResponseBytes },
        )
      : ({ ok: false, code: 'ERR_WEBHOOK_UNREACHABLE', detail: 'the tenant has no webhook secret' } as const);
    const after = o.clock.now().getTime();
    if (result.ok) return (await o.outbox.ack(c)) ? 'delivered' : 'lease-lost';
    const error: DeliveryError = {
      code: result.code,
      detail: result.detail,
      at: new Date(after).toISOString(),
    };
    if (attempts >= s.maxAttempts) {
      if (!(await o.outbox.bury(c, attempts, error, after))) return 'lease-lost';
      o.onDeadLetter?.({ event: c.event, attempts, lastError: error, deadAt: error.at });
      return 'dead';
    }
    const next = after + backoffDelay(s, attempts, random);
    return (await o.outbox.retry(c, attempts, next, error)) ? 'retry' : 'lease-lost';
  };

  let inflight: Promise<RoundResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  const runOnce = async (): Promise<RoundResult> => {
    const claimed = await o.outbox.claim(o.clock.now().getTime(), s.leaseMs, s.batch);
    const outcomes = await Promise.all(
      claimed.map(async (c) => {
        try {
          const outcome = await attempt(c);
          o.onAttempt?.(outcome, c);
          return outcome;
        } catch (e) {
          // The outbox itself failed (Redis away): the lease runs out and the event is due again.
          log('error', 'webhook attempt could not be recorded', { eventId: c.event.id, error: String(e) });
          return 'lease-lost' as const;
        }
      }),
    );
    const count = (k: string): number => outcomes.filter((x) => x === k).length;
    return { delivered: count('delivered'), retried: count('retry'), dead: count('dead') };
  };

  const loop = (): void => {
    if (stopped) return;
    inflight = runOnce()
      .catch((e: unknown) => {
        log('warn', 'webhook outbox unavailable; retrying', { error: String(e) });
        return { delivered: 0, retried: 0, dead: 0 };
      })
      .then((r) => {
        inflight = undefined;
        if (stopped) return r;
        // A full batch means more may be due: go on at once instead of waiting a poll interval.
        const busy = r.delivered + r.retried + r.dead >= s.batch;
        timer = setTimeout(loop, busy ? 0 : s.pollIntervalMs);
        timer.unref();
        return r;
      });
  };

  return {
    settings: s,
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inflight;
    },
  };
}
