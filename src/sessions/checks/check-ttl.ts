import { GatewayError } from '../../errors.js';
import type { SessionLimits } from '../limits.js';

// Issue 5: a session lives 10 minutes unless the RP asks for another bounded lifetime.
export function checkTtl(value: unknown, limits: SessionLimits): number {
  if (value === undefined) return limits.defaultTtlSeconds;
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < limits.minTtlSeconds ||
    value > limits.maxTtlSeconds
  )
    throw new GatewayError(
      'ERR_SESSION_INPUT',
      `ttlSeconds must be an integer ${limits.minTtlSeconds}–${limits.maxTtlSeconds}`,
    );
  return value;
}
