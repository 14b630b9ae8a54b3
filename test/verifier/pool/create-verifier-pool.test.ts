/**
 * createVerifierPool: the same answers as createVerifier, computed on worker threads. Real
 * workers (loaded through tsx from the sources), sandbox J-LIS material, and for revocation the
 * real CRL manager fed by the sandbox CRL publisher over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { GatewayError } from '../../../src/errors.js';
import { createVerifier } from '../../../src/index.js';
import { createCrlManager } from '../../../src/revocation/manager/create-crl-manager.js';
import type { CrlManager } from '../../../src/revocation/manager/types.js';
import { createHttpSource } from '../../../src/revocation/sources/create-http-source.js';
import { signCms } from '../../../src/sandbox/cms.js';
import { startSandboxCrlServer, type SandboxCrlServer } from '../../../src/sandbox/crl-publisher-server.js';
import {
  createVerifierPool,
  terminateWorkerForTest,
  type VerifierPool,
} from '../../../src/verifier/pool/create-verifier-pool.js';
import { compactInput } from '../../../src/verifier/pool/protocol.js';
import { VerifierUnavailableError } from '../../../src/verifier/pool/verifier-unavailable.js';
import type { CrlAnswerSource, CrlLookupAnswer } from '../../../src/revocation/manager/types.js';
import {
  CHIYODA,
  CHIYODA_ID,
  HOUR,
  mutableClock,
  pki as managerPki,
  rootCert,
  tempDir,
} from '../../revocation/manager/fixtures.js';
import { sandbox, signingCrl, T0 } from '../fixtures.js';

const content = new TextEncoder().encode('見本 loan contract — pool test');
const anchors = () => sandbox().signingRoots.map((r) => r.der);
const good = sandbox().issueSigningCertificate({ serial: 0x5001 });
const revokedLeaf = sandbox().issueSigningCertificate({ serial: 0x5002 });
const auth = sandbox().issueAuthenticationCertificate({ serial: 0x5003 });
const sign = (l: { der: Uint8Array; privateKey: Parameters<typeof signCms>[0]['privateKey'] }) =>
  signCms({ content, certificate: l.der, privateKey: l.privateKey, signingTime: T0 });
const crlWith = (serials: bigint[]) =>
  signingCrl(serials.map((serial) => ({ serial, revokedAt: new Date(T0.getTime() - HOUR), reason: 'keyCompromise' })));

describe('createVerifierPool', () => {
  let pool: VerifierPool;
  const clock = fixedClock(T0);
  const options = { trustAnchors: anchors(), crls: [crlWith([0x5002n])] };
  beforeAll(async () => {
    pool = createVerifierPool({ size: 2, verifier: options, clock });
    await pool.ready();
  });
  afterAll(() => pool.close());

  it('answers exactly what createVerifier answers: valid, revoked, tampered, wrong purpose, garbage', async () => {
    const local = createVerifier({ ...options, clock });
    const tampered = sign(good).slice();
    tampered[tampered.length - 10]! ^= 1;
    const inputs = [
      { signature: sign(good), content },
      { signature: sign(revokedLeaf), content },
      { signature: tampered, content },
      { signature: sign(auth), content },
      { signature: new Uint8Array([0x30, 0x80, 0, 0]) },
      { signature: sign(good), content: new TextEncoder().encode('another contract') },
    ];
    const reports = await Promise.all(inputs.map((i) => pool.verifySignature(i)));
    for (const [i, input] of inputs.entries()) expect(reports[i]).toEqual(await local.verifySignature(input));
    expect(reports.map((r) => r.indication)).toEqual([
      'TOTAL_PASSED',
      'TOTAL_FAILED',
      'TOTAL_FAILED',
      'INDETERMINATE', // an authentication certificate has no path in the signing trust store
      'TOTAL_FAILED',
      'TOTAL_FAILED',
    ]);
    expect(reports[1]!.subIndication).toBe('REVOKED');
    expect(reports[0]!.validationTime).toBe(T0.toISOString()); // the main thread's clock
    expect(await pool.verifyCertificate({ certificate: good.der })).toEqual(
      await local.verifyCertificate({ certificate: good.der }),
    );
  });

  it('spreads concurrent calls over its workers and settles every one', async () => {
    const calls = Array.from({ length: 40 }, () => pool.verifySignature({ signature: sign(good), content }));
    expect(
      pool
        .stats()
        .workers.map((w) => w.inFlight)
        .every((n) => n > 0),
    ).toBe(true);
    const reports = await Promise.all(calls);
    expect(reports.every((r) => r.indication === 'TOTAL_PASSED')).toBe(true);
    expect(pool.stats().workers.every((w) => w.inFlight === 0 && w.state === 'ready')).toBe(true);
  });

  it('verifies views into larger buffers (HTTP bodies decode into pooled Buffers)', async () => {
    const sig = sign(good);
    const big = new Uint8Array(sig.length + 1_000_000);
    big.set(sig, 500_000);
    const r = await pool.verifySignature({ signature: big.subarray(500_000, 500_000 + sig.length), content });
    expect(r.indication).toBe('TOTAL_PASSED');
    const pooled = Buffer.from(Buffer.from(sig).toString('base64'), 'base64');
    expect((await pool.verifySignature({ signature: pooled, content })).indication).toBe('TOTAL_PASSED');
  });

  it('caller bugs throw TypeError as in-thread; input that cannot cross threads too', async () => {
    await expect(pool.verifySignature({ signature: sign(good), content, profile: 'bogus' as never })).rejects.toThrow(
      TypeError,
    );
    await expect(pool.verifySignature(null as never)).rejects.toThrow(TypeError);
    await expect(pool.verifySignature({ signature: sign(good), content, extra: () => 1 } as never)).rejects.toThrow(
      /cannot be sent to a worker/,
    );
  });

  it('configure(): new CRLs apply to every later call', async () => {
    const before = await pool.verifySignature({ signature: sign(good), content });
    expect(before.indication).toBe('TOTAL_PASSED');
    pool.configure({ ...options, crls: [crlWith([0x5001n, 0x5002n])] });
    const after = await Promise.all([1, 2, 3, 4].map(() => pool.verifySignature({ signature: sign(good), content })));
    expect(after.map((r) => r.subIndication)).toEqual(['REVOKED', 'REVOKED', 'REVOKED', 'REVOKED']);
    expect(() => pool.configure({ trustAnchors: [new Uint8Array([1, 2, 3])] })).toThrow(TypeError);
    pool.configure(options);
  });

  it('a worker that dies fails its calls (never a report) and is replaced', async () => {
    const sig = sign(good);
    const inFlight = Array.from({ length: 200 }, () => pool.verifySignature({ signature: sig, content }));
    await terminateWorkerForTest(pool, 0);
    const settled = await Promise.allSettled(inFlight);
    for (const s of settled) {
      if (s.status === 'rejected') {
        expect(s.reason).toBeInstanceOf(VerifierUnavailableError);
        expect(String(s.reason)).toMatch(/verifier worker stopped/);
      } else expect(s.value.indication).toBe('TOTAL_PASSED');
    }
    expect(settled.some((s) => s.status === 'rejected')).toBe(true);
    expect(pool.stats().restarts).toBe(1);
    const again = await Promise.all([1, 2, 3, 4].map(() => pool.verifySignature({ signature: sign(good), content })));
    expect(again.every((r) => r.indication === 'TOTAL_PASSED')).toBe(true);
    expect(pool.stats().workers.every((w) => w.state === 'ready')).toBe(true);
  });

  it('refuses calls beyond maxQueuePerWorker as busy (retryable), never queueing without bound', async () => {
    const small = createVerifierPool({ size: 1, verifier: options, clock, maxQueuePerWorker: 3 });
    try {
      await small.ready();
      const sig = sign(good);
      const settled = await Promise.allSettled(
        Array.from({ length: 10 }, () => small.verifySignature({ signature: sig, content })),
      );
      const refused = settled.filter((s) => s.status === 'rejected');
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
      expect(refused).toHaveLength(7);
      for (const r of refused) {
        expect(r.reason).toBeInstanceOf(VerifierUnavailableError);
        expect((r.reason as VerifierUnavailableError).reason).toBe('busy');
      }
      expect((await small.verifySignature({ signature: sig, content })).indication).toBe('TOTAL_PASSED');
    } finally {
      await small.close();
    }
  });

  it('rejects bad sizes and bad options at creation, like createVerifier', () => {
    for (const size of [0, -1, 1.5, 65, Number.NaN]) {
      expect(() => createVerifierPool({ size, verifier: options })).toThrow(TypeError);
    }
    expect(() => createVerifierPool({ size: 1, verifier: { trustAnchors: [] } })).toThrow(TypeError);
    expect(() => createVerifierPool({ size: 1, verifier: options, maxQueuePerWorker: 0 })).toThrow(TypeError);
    expect(() => createVerifierPool({ size: 1, verifier: options, callTimeoutMs: -1 })).toThrow(TypeError);
  });

  it('after close(), calls fail instead of hanging; closing before start fails ready()', async () => {
    const p = createVerifierPool({ size: 1, verifier: options, clock });
    await p.ready();
    await p.close();
    await expect(p.verifySignature({ signature: sign(good), content })).rejects.toThrow(/closed/);
    const early = createVerifierPool({ size: 1, verifier: options, clock });
    await early.close();
    await expect(early.ready()).rejects.toThrow(/closed/);
  });
});

describe('createVerifierPool: card data (the My Number crosses threads as a MyNumber)', () => {
  it('verifyCardData answers a MyNumber with the same digits as in-thread; failures as they are', async () => {
    const { bundle, cvCa, genuine, verifier: local } = await import('../../identity/my-number/fixtures.js');
    const { MyNumber } = await import('../../../src/index.js');
    const pool = createVerifierPool({ size: 1, verifier: { cvCaKeys: cvCa.cvCaKeys() } });
    try {
      await pool.ready();
      const [here, there] = await Promise.all([local.verifyCardData(bundle()), pool.verifyCardData(bundle())]);
      expect(here.status).toBe('verified');
      expect(there.status).toBe('verified');
      if (here.status !== 'verified' || there.status !== 'verified') return;
      expect(there.myNumber).toBeInstanceOf(MyNumber);
      expect(there.myNumber.reveal()).toBe(genuine.myNumber);
      expect(there.myNumber.equals(here.myNumber)).toBe(true);
      expect(JSON.stringify(there)).not.toContain(genuine.myNumber); // still redacted
      expect({ ...there, myNumber: null }).toEqual({ ...here, myNumber: null });
      const tampered = bundle(genuine, { challenge: new Uint8Array(32) });
      expect(await pool.verifyCardData(tampered)).toEqual(await local.verifyCardData(tampered));
    } finally {
      await pool.close();
    }
  });
});

describe('compactInput (what crosses to a worker)', () => {
  it('copies every byte array to exactly its bytes, nested too; other values pass as they are', () => {
    const backing = new Uint8Array(64 * 1024).fill(0x42);
    const view = backing.subarray(100, 110);
    const pooled = Buffer.from('c2VjcmV0', 'base64'); // 6 bytes inside Node's shared 8 KiB pool
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const at = new Date(T0);
    const out = compactInput({
      signature: view,
      content: pooled,
      intermediates: [view],
      textAp: { ef0001: view },
      at,
      profile: 'jpki-signing',
    }) as Record<string, unknown>;
    const bytes = (v: unknown): Uint8Array => v as Uint8Array;
    for (const v of [
      out.signature,
      out.content,
      (out.intermediates as unknown[])[0],
      (out.textAp as Record<string, unknown>).ef0001,
    ]) {
      expect(bytes(v).buffer.byteLength).toBe(bytes(v).byteLength);
    }
    expect([...bytes(out.signature)]).toEqual([...view]);
    expect(Buffer.from(bytes(out.content)).toString()).toBe('secret');
    expect(out.at).toBe(at);
    expect(out.profile).toBe('jpki-signing');
    const whole = new Uint8Array(8);
    expect(compactInput({ signature: whole })).toEqual({ signature: whole });
  });
});

describe('createVerifierPool: CRL lookups on the main thread, failures and timeouts', () => {
  const crlSig = () => sign(good);
  const pending: { serial: string; resolve: (a: CrlLookupAnswer) => void }[] = [];
  const slowManager: CrlAnswerSource = {
    peek: () => undefined,
    lookup: (cert) => new Promise((resolve) => pending.push({ serial: cert.serialHex, resolve })),
  };
  const watermark = {
    partition: 'signing/tokyo-to/chiyoda-ku',
    thisUpdate: new Date(T0.getTime() - HOUR),
    nextUpdate: new Date(T0.getTime() + HOUR),
    crlNumber: 1n,
    source: 'test',
    fetchedAt: T0,
    entries: 1,
    via: 'source' as const,
  };
  const until = async (ok: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(ok()).toBe(true);
  };

  it("an answer for a worker that died never reaches its replacement's lookups", async () => {
    const pool = createVerifierPool({
      size: 1,
      verifier: { trustAnchors: anchors() },
      clock: fixedClock(T0),
      crlManager: slowManager,
    });
    try {
      await pool.ready();
      const first = pool.verifySignature({ signature: crlSig(), content });
      await until(() => pending.length === 1);
      await terminateWorkerForTest(pool, 0);
      await expect(first).rejects.toThrow(/verifier worker stopped/);
      const second = pool.verifySignature({ signature: sign(revokedLeaf), content });
      await until(() => pending.length === 2);
      // The dead worker's lookup is answered "good" first: it must go nowhere.
      pending[0]!.resolve({ status: 'good', watermark });
      pending[1]!.resolve({
        status: 'revoked',
        reason: 'keyCompromise',
        revokedAt: new Date(T0.getTime() - HOUR),
        watermark,
      });
      const r = await second;
      expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    } finally {
      pending.length = 0;
      await pool.close();
    }
  });

  it('a call unanswered past callTimeoutMs fails and its stuck worker is replaced', async () => {
    const pool = createVerifierPool({
      size: 1,
      verifier: { trustAnchors: anchors() },
      clock: fixedClock(T0),
      crlManager: slowManager,
      callTimeoutMs: 200,
    });
    try {
      await pool.ready();
      await expect(pool.verifySignature({ signature: crlSig(), content })).rejects.toThrow(/timed out after 200 ms/);
      expect(pool.stats().restarts).toBe(1);
      await until(() => pool.stats().workers[0]!.state === 'ready');
    } finally {
      pending.length = 0;
      await pool.close();
    }
  });

  it('an idle pool does not keep the process alive; an awaited call does', async () => {
    const script = `
      import { createVerifierPool } from ${JSON.stringify(new URL('../../../src/verifier/pool/create-verifier-pool.ts', import.meta.url).href)};
      import { createVerifier } from ${JSON.stringify(new URL('../../../src/index.ts', import.meta.url).href)};
      const pool = createVerifierPool({ size: 1, verifier: { revocation: 'none' } });
      await pool.ready();
      const r = await pool.verifySignature({ signature: new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]) });
      console.log('report', r.indication);
      // no close(): the process must still exit on its own
    `;
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../../..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 30_000);
      child.once('exit', (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    expect(out).toContain('report TOTAL_FAILED');
    expect(code).toBe(0);
  }, 40_000);
});

describe('createVerifierPool with the main thread’s CRL manager', () => {
  const clock = mutableClock();
  let server: SandboxCrlServer;
  let manager: CrlManager;
  let pool: VerifierPool;
  const leaf = managerPki.issueSigningCertificate({
    prefecture: CHIYODA.prefecture,
    municipality: CHIYODA.municipality,
  });
  const signature = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey });
  beforeAll(async () => {
    server = await startSandboxCrlServer({ pki: managerPki, clock, partitions: [CHIYODA] });
    manager = createCrlManager({
      clock,
      sources: [createHttpSource({ urlTemplate: server.urlTemplate, timeoutMs: 2000, tmpDir: await tempDir() })],
      issuers: [rootCert],
      graceMs: 0,
      schedule: false,
    });
    await manager.start();
    pool = createVerifierPool({
      size: 1,
      verifier: { trustAnchors: managerPki.signingRoots.map((r) => r.der) },
      clock,
      crlManager: manager,
    });
    await pool.ready();
  });
  afterAll(async () => {
    await pool.close();
    await manager.close();
    await server.close();
  });

  it('good from the loaded partition, then REVOKED once the manager refreshed', async () => {
    const r = await pool.verifySignature({ signature, content });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation).toMatchObject({ status: 'good', source: 'crl' });
    clock.advance(HOUR);
    server.revoke(leaf.der, 'affiliationChanged', clock.now());
    clock.advance(1000);
    expect(await manager.refresh(CHIYODA_ID)).toEqual(['updated']);
    const after = await pool.verifySignature({ signature, content, at: clock.now() });
    expect([after.indication, after.subIndication]).toEqual(['TOTAL_FAILED', 'REVOKED']);
    expect(after.revocation).toMatchObject({ status: 'revoked', reason: 'affiliationChanged' });
  });

  it("the manager's coded failures reach the worker's report (no stale good)", async () => {
    server.setFault('500');
    clock.advance(3 * 24 * HOUR);
    const other = managerPki.issueSigningCertificate({
      prefecture: CHIYODA.prefecture,
      municipality: CHIYODA.municipality,
    });
    const sig = signCms({ content, certificate: other.der, privateKey: other.privateKey });
    const r = await pool.verifySignature({ signature: sig, content, at: clock.now() });
    expect([r.indication, r.subIndication]).toEqual(['INDETERMINATE', 'TRY_LATER']);
    expect(r.errors[0]?.code).toMatch(/^(ERR_CRL_STALE|ERR_REVOCATION_UNAVAILABLE|ERR_CRL_FETCH_FAILED)$/);
    server.setFault('none');
  });

  it('errors keep their class across the thread boundary', async () => {
    const { deserializeError, serializeError } = await import('../../../src/verifier/pool/protocol.js');
    const e = deserializeError(serializeError(new GatewayError('ERR_CRL_STALE', 'partition x')));
    expect(e).toBeInstanceOf(GatewayError);
    expect((e as GatewayError).code).toBe('ERR_CRL_STALE');
    expect(deserializeError(serializeError(new TypeError('t')))).toBeInstanceOf(TypeError);
    expect(deserializeError({ kind: 'gateway', code: 'NOT_A_CODE' as never, message: 'm' })).not.toBeInstanceOf(
      GatewayError,
    );
  });
});
