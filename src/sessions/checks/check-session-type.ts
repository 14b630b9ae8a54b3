import { GatewayError } from '../../errors.js';
import type { SessionType } from '../types.js';

// Contract §5: a session is an identity verification or a document signing.
export function checkSessionType(value: unknown): SessionType {
  if (value !== 'identity' && value !== 'signing')
    throw new GatewayError('ERR_SESSION_INPUT', 'type must be identity or signing');
  return value;
}
