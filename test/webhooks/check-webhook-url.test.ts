import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../../src/webhooks/check-webhook-url.js';
import { codeOf } from '../sessions/fixtures.js';

const code = (v: unknown) => codeOf(Promise.resolve().then(() => checkWebhookUrl(v)));

describe('checkWebhookUrl', () => {
  it('accepts https, and http only on a loopback host', () => {
    expect(checkWebhookUrl('https://rp.example.jp/hooks')).toBe('https://rp.example.jp/hooks');
    expect(checkWebhookUrl('http://127.0.0.1:9000/h')).toBe('http://127.0.0.1:9000/h');
  });
  it.each([
    ['plain http to a remote host', 'http://rp.example.jp/hooks'],
    ['credentials in the URL', 'https://user:pw@rp.example.jp/hooks'],
    ['another scheme', 'ftp://rp.example.jp/hooks'],
    ['not a URL', 'rp.example.jp'],
    ['too long', `https://rp.example.jp/${'a'.repeat(2048)}`],
    ['not a string', 42],
  ])('refuses %s with ERR_WEBHOOK_URL', async (_what, value) => {
    expect(await code(value)).toBe('ERR_WEBHOOK_URL');
  });
});
