import { createMemoryIdempotencyStore } from '../../../src/storage/memory/memory-idempotency-store.js';
import { createMemoryRateLimiter } from '../../../src/storage/memory/memory-rate-limiter.js';
import { idempotencyStoreContract } from '../contract/idempotency-store.contract.js';
import { manualClock } from '../contract/manual-clock.js';
import { rateLimiterContract } from '../contract/rate-limiter.contract.js';

rateLimiterContract('memory', async () => {
  const clock = manualClock();
  return { limiter: createMemoryRateLimiter(clock), clock };
});

idempotencyStoreContract('memory', async () => {
  const clock = manualClock();
  return {
    store: createMemoryIdempotencyStore(clock),
    pass: async (ms) => clock.advance(ms),
  };
});
