import { GatewayError } from '../errors.js';

// Webhooks leave the gateway (contract §5): https only (http only to a loopback host, for
// local development and tests), no credentials in the URL, bounded length.
export function checkWebhookUrl(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048)
    throw new GatewayError('ERR_WEBHOOK_URL', 'webhookUrl must be a URL of at most 2048 characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GatewayError('ERR_WEBHOOK_URL', 'webhookUrl is not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) || url.username || url.password)
    throw new GatewayError('ERR_WEBHOOK_URL');
  return url.href;
}
