// Signed webhooks (contract §5): outbox port + memory/Redis adapters, the delivery worker.
export { backoffDelay, type BackoffPolicy } from './backoff.js';
export { checkWebhookUrl } from './check-webhook-url.js';
export {
  DEFAULT_WEBHOOK_SETTINGS,
  createWebhookDispatcher,
  type DispatcherOptions,
  type RoundResult,
  type WebhookDeliverySettings,
  type WebhookDispatcher,
} from './create-webhook-dispatcher.js';
export { EVENT_ID, eventId } from './event-id.js';
export { createMemoryOutbox, type MemoryOutboxOptions } from './memory/memory-outbox.js';
export { postWebhook, type PostResult, type PostWebhook, type PostWebhookOptions } from './post-webhook.js';
export { createRedisOutbox, type RedisOutboxOptions } from './redis/redis-outbox.js';
export { sessionWebhookEvent } from './session-event.js';
export { SIGNATURE_HEADER, signatureHeader, verifyWebhookSignature, type SignatureCheck } from './sign-webhook.js';
export * from './types.js';
export { listDeadLetters, redriveDeadLetter, type DeadLetterDeps } from './dead-letters.js';
