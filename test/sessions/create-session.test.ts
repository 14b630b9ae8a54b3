import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CreateSessionRequest } from '../../src/sessions/types.js';
import { ORIGIN, TENANT, codeOf, harness } from './fixtures.js';

const identity: CreateSessionRequest = { type: 'identity', purpose: '口座開設', origin: ORIGIN };
const signing: CreateSessionRequest = {
  type: 'signing',
  purpose: '金銭消費貸借契約',
  origin: ORIGIN,
  document: {
    name: 'loan.pdf',
    content: Buffer.from('%PDF-1.7 contract').toString('base64'),
    mediaType: 'application/pdf',
  },
};

describe('createSession', () => {
  it('answers pending, 10 minutes by default, a widget URL under GATEWAY_PUBLIC_URL and a ct_ token', async () => {
    const h = harness();
    const s = await h.service.create(TENANT, identity);
    expect(s).toMatchObject({ type: 'identity', status: 'pending', expiresAt: '2026-03-01T00:10:00.000Z' });
    expect(s.id).toMatch(/^ses_[A-Za-z0-9]{22}$/);
    expect(s.widgetUrl).toBe(`https://gateway.example.jp/widget/#${s.id}`);
    expect(s.clientToken).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
  });

  it('keeps the client token only as its SHA-256', async () => {
    const h = harness();
    const s = await h.service.create(TENANT, identity);
    const stored = await h.stores.sessions.get(TENANT.id, s.id);
    const json = JSON.stringify(stored);
    expect(json).not.toContain(s.clientToken);
    expect(stored!.record.clientTokenHash).toBe(createHash('sha256').update(s.clientToken).digest('hex'));
  });

  it('identity sessions carry the statement; my_number adds a 32-byte card challenge; defaults include basic4', async () => {
    const h = harness();
    const a = await h.service.clientSession((await h.service.create(TENANT, identity)).clientToken);
    expect(a.statement).toContain('Purpose / 目的: 口座開設');
    expect(a.shares).toEqual(['basic4']);
    expect(a.cardChallenge).toBeUndefined();
    const b = await h.service.clientSession(
      (await h.service.create(TENANT, { ...identity, include: ['my_number', 'basic4'] })).clientToken,
    );
    expect(b.shares).toEqual(['basic4', 'my_number']);
    expect(Buffer.from(b.cardChallenge!, 'base64')).toHaveLength(32);
    expect(b.statement).not.toBe(a.statement); // fresh nonce
  });

  it('signing sessions keep the document digest (and content when given)', async () => {
    const h = harness();
    const v = await h.service.clientSession((await h.service.create(TENANT, signing)).clientToken);
    expect(v.document).toEqual({
      name: 'loan.pdf',
      mediaType: 'application/pdf',
      digest: createHash('sha256').update('%PDF-1.7 contract').digest('base64'),
      size: 17,
      content: signing.document!.content,
    });
    expect(v.statement).toBeUndefined();
  });

  it('ttlSeconds is bounded 60–3600', async () => {
    const h = harness();
    expect((await h.service.create(TENANT, { ...identity, ttlSeconds: 60 })).expiresAt).toBe(
      '2026-03-01T00:01:00.000Z',
    );
    for (const ttlSeconds of [59, 3601, 1.5, '600' as unknown as number])
      expect(await codeOf(h.service.create(TENANT, { ...identity, ttlSeconds }))).toBe('ERR_SESSION_INPUT');
  });

  it('ERR_SESSION_INPUT for every malformed field', async () => {
    const h = harness();
    const bad: unknown[] = [
      null,
      { ...identity, type: 'login' },
      { ...identity, purpose: '' },
      { ...identity, purpose: 'x'.repeat(501) },
      { ...identity, purpose: '口座開設\nNonce / ノンス: forged' },
      { ...identity, purpose: 'abc\u202Edef' }, // bidi override (Trojan Source)
      { ...identity, purpose: ' padded' },
      { ...identity, origin: 'https://www.example-securities.co.jp/path' },
      { ...identity, origin: 'http://www.example-securities.co.jp' },
      { ...identity, origin: 'not a url' },
      { ...identity, include: [] },
      { ...identity, include: ['basic4', 'basic4'] },
      { ...identity, include: ['photo'] },
      { ...identity, document: signing.document },
      { ...signing, document: undefined },
      { ...signing, document: { name: 'x.pdf' } },
      { ...signing, document: { name: 'x.pdf', content: 'AAAA', digest: 'A'.repeat(43) + '=' } },
      { ...signing, document: { name: 'x.pdf', digest: Buffer.alloc(20).toString('base64') } },
      { ...signing, document: { name: 'x.pdf', content: 'not base64!' } },
      { ...signing, document: { name: 'x.pdf', content: Buffer.alloc(1024 * 1024 + 1).toString('base64') } },
      { ...signing, document: { ...signing.document, mediaType: 'pdf' } },
      { ...signing, document: { ...signing.document, name: 'a\u0000b' } },
      { ...identity, webhookUrl: 'http://rp.example/hook' },
      { ...identity, webhookUrl: 'https://user:pw@rp.example/hook' },
      { ...identity, reference: 'x'.repeat(129) },
    ];
    for (const body of bad)
      expect(
        await codeOf(h.service.create(TENANT, body as CreateSessionRequest)),
        JSON.stringify(body)?.slice(0, 80),
      ).toBe('ERR_SESSION_INPUT');
  });

  it('ERR_SESSION_ORIGIN_NOT_ALLOWED for an origin the tenant did not register', async () => {
    const h = harness();
    expect(await codeOf(h.service.create(TENANT, { ...identity, origin: 'https://evil.example' }))).toBe(
      'ERR_SESSION_ORIGIN_NOT_ALLOWED',
    );
  });

  it('ERR_SESSION_SCOPE: identity needs identity, signing needs sign, my_number needs my_number', async () => {
    const h = harness();
    const only = (...s: string[]) => ({ ...TENANT, scopes: new Set(s) });
    expect(await codeOf(h.service.create(only('sign', 'my_number'), identity))).toBe('ERR_SESSION_SCOPE');
    expect(await codeOf(h.service.create(only('identity'), signing))).toBe('ERR_SESSION_SCOPE');
    expect(await codeOf(h.service.create(only('identity'), { ...identity, include: ['my_number'] }))).toBe(
      'ERR_SESSION_SCOPE',
    );
    await expect(h.service.create(only('identity'), identity)).resolves.toMatchObject({ status: 'pending' });
  });

  it('accepts loopback http origins for development and normalizes webhook URLs', async () => {
    const h = harness();
    const dev = { ...TENANT, origins: ['http://localhost:3000'] };
    await expect(
      h.service.create(dev, { ...identity, origin: 'http://localhost:3000', webhookUrl: 'http://127.0.0.1:9/h' }),
    ).resolves.toMatchObject({
      status: 'pending',
    });
  });
});
