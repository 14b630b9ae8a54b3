import { GatewayError } from '../../errors.js';

// Webhooks (contract §5) leave the gateway: https only (http on a loopback host for local
// development), no credentials in the URL, bounded length.
export function checkWebhookUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 2048)
    throw new GatewayError('ERR_SESSION_INPUT', 'webhookUrl must be a URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GatewayError('ERR_SESSION_INPUT', 'webhookUrl is not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.username || url.password)
    throw new GatewayError('ERR_SESSION_INPUT', 'webhookUrl must be https without credentials');
  return url.href;
}
