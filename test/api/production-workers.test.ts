/**
 * Production mode end to end through startServer: configured trust anchors (the sandbox
 * roots, written as files), a CRL drop directory read by the CRL manager on the main thread,
 * and verification on two worker threads that ask that manager for every certificate. A card
 * on the CRL is REVOKED, one that is not passes, a card from a partition without a CRL is
 * INDETERMINATE — never a "good" without a verified CRL.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/certificate.js';
import { signCms } from '../../src/sandbox/cms.js';
import { crlFor } from '../../src/sandbox/crl-publisher.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { hashApiKey } from '../../src/tenants/api-key.js';
import { CHIYODA, SHINJUKU, dropCrl, pki, root } from '../revocation/manager/fixtures.js';

const API_KEY = 'sk_test_production_workers_0123456789abcdef0123';
const HOUR = 3_600_000;
const content = new TextEncoder().encode('住宅ローン契約書 (production workers test)');
const card = (where = CHIYODA) =>
  pki.issueSigningCertificate({ prefecture: where.prefecture, municipality: where.municipality });
const good = card();
const revokedCard = card();
const elsewhere = card(SHINJUKU);

let server: RunningServer;
const lines: string[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gw-production-'));
  const now = Date.now();
  await dropCrl(
    join(dir, 'crl'),
    'signing/tokyo-to/chiyoda-ku.crl',
    crlFor({
      partition: CHIYODA,
      issuer: root,
      crlNumber: 1,
      thisUpdate: new Date(now - HOUR),
      nextUpdate: new Date(now + 24 * HOUR),
      entries: [
        {
          serial: BigInt(`0x${parseCertificate(revokedCard.der).serialHex}`),
          revokedAt: new Date(now - 2 * HOUR),
          reason: 'keyCompromise',
        },
      ],
    }),
  );
  const anchors = await Promise.all(
    pki.signingRoots.map(async (r, i) => {
      const path = join(dir, `root-${i}.der`);
      await writeFile(path, r.der);
      return path;
    }),
  );
  await writeFile(
    join(dir, 'tenants.json'),
    JSON.stringify({
      tenants: [
        {
          id: 'example-bank',
          name: 'Example Bank',
          apiKeySha256: hashApiKey(API_KEY).toString('hex'),
          scopes: ['verify'],
          origins: ['https://bank.example'],
          webhookSecret: 'whsec_test_0123456789abcdef0123456789abcdef',
        },
      ],
    }),
  );
  server = await startServer(
    {
      GATEWAY_MODE: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      GATEWAY_PUBLIC_URL: 'https://gateway.example',
      GATEWAY_TENANTS_FILE: join(dir, 'tenants.json'),
      GATEWAY_VAULT_KEYS: JSON.stringify([{ id: 'k1', key: Buffer.alloc(32, 7).toString('base64') }]),
      GATEWAY_TRUST_ANCHORS: anchors.join(','),
      GATEWAY_EVIDENCE_DIR: join(dir, 'evidence'),
      GATEWAY_CRL_DIR: join(dir, 'crl'),
      GATEWAY_CRL_PARTITIONS: 'signing/tokyo-to/chiyoda-ku',
      GATEWAY_VERIFY_WORKERS: '2',
    },
    { print: (l) => lines.push(l) },
  );
}, 60_000);

afterAll(() => server?.stop());

/** The public URL is the load balancer's; requests go to the address the server bound. */
const boundUrl = (): string => /\(bound to (http:\/\/[^)]+)\)/.exec(lines.join('\n'))![1]!;

async function validate(c: { der: Uint8Array; privateKey: Parameters<typeof signCms>[0]['privateKey'] }) {
  const signature = signCms({ content, certificate: c.der, privateKey: c.privateKey });
  const res = await fetch(`${boundUrl()}/v1/validations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      signature: Buffer.from(signature).toString('base64'),
      content: Buffer.from(content).toString('base64'),
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    indication: string;
    subIndication: string | null;
    errors: { code: string }[];
    revocation: { status: string; source: string; reason?: string };
  };
}

describe('production mode, verification on worker threads, CRLs from the main thread’s manager', () => {
  it('starts with two verifier workers', () => {
    expect(lines.join('\n')).toContain('production mode listening');
    expect(lines.join('\n')).toContain('verification: 2 worker thread(s)');
  });

  it('a card not on the CRL passes with revocation good from the CRL', async () => {
    const r = await validate(good);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation).toMatchObject({ status: 'good', source: 'crl' });
  });

  it('a card on the CRL is REVOKED, on every worker', async () => {
    const reports = await Promise.all([1, 2, 3, 4].map(() => validate(revokedCard)));
    for (const r of reports) {
      expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
      expect(r.revocation).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    }
  });

  it('a card whose partition has no CRL is INDETERMINATE, not good', async () => {
    const r = await validate(elsewhere);
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.revocation.status).not.toBe('good');
  });
});
