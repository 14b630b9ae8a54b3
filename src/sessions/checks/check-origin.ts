import { GatewayError } from '../../errors.js';
import type { TenantContext } from '../types.js';

// RFC 6454 §6.2: an origin is scheme://host[:port] and nothing else; the widget runs only on
// an origin the tenant registered (https, or http on a loopback host for development).
export function checkOrigin(value: unknown, tenant: TenantContext): string {
  if (typeof value !== 'string' || value.length > 255)
    throw new GatewayError('ERR_SESSION_INPUT', 'origin must be a string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GatewayError('ERR_SESSION_INPUT', 'origin is not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.origin !== value || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)))
    throw new GatewayError('ERR_SESSION_INPUT', 'origin must be exactly https://host[:port]');
  if (!tenant.origins.includes(url.origin)) throw new GatewayError('ERR_SESSION_ORIGIN_NOT_ALLOWED', url.origin);
  return url.origin;
}
