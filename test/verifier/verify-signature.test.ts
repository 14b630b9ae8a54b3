import { describe, expect, it } from 'vitest';
import { createVerifier, fixedClock } from '../../src/index.js';
import { signCms } from '../../src/sandbox/cms.js';
import { DAY, T0, sandbox, signingCrl } from './fixtures.js';
import { createHash, sign as nodeSign } from 'node:crypto';

const content = new TextEncoder().encode('口座開設の申込みに同意します (sandbox statement)');

function setup() {
  const pki = sandbox();
  const leaf = pki.issueSigningCertificate({ serial: 0x1a2b3c4d });
  const roots = [...pki.signingRoots, ...pki.authenticationRoots].map((r) => r.der);
  const signature = signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey, signingTime: T0 });
  return { pki, leaf, roots, signature };
}

describe('verifySignature on sandbox material', () => {
  it('passes a detached JPKI CMS with a current CRL and returns the identity', async () => {
    const { roots, signature, leaf } = setup();
    const v = createVerifier({ trustAnchors: roots, crls: [signingCrl()], clock: fixedClock(T0) });
    const r = await v.verifySignature({ signature, content });
    expect(r.errors).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.subIndication).toBeNull();
    expect(r.revocation).toMatchObject({ status: 'good', source: 'crl', crlNumber: '7' });
    expect(r.signer?.certificate.serialNumber).toBe('1a2b3c4d');
    expect(r.signer?.identity).toMatchObject({ name: leaf.identity.name, sex: 'female' });
    expect(r.signingTime).toBe(T0.toISOString());
  });

  it('reports REVOKED with the JPKI meaning when the CRL lists the leaf', async () => {
    const { roots, signature } = setup();
    const crl = signingCrl([
      { serial: 0x1a2b3c4d, revokedAt: new Date(T0.getTime() - DAY), reason: 'affiliationChanged' },
    ]);
    const r = await createVerifier({ trustAnchors: roots, crls: [crl], clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('REVOKED');
    expect(r.errors[0]?.code).toBe('ERR_REVOKED');
    expect(r.revocation).toMatchObject({ status: 'revoked', reason: 'affiliationChanged' });
    expect(r.revocation.reasonMeaning).toMatch(/re-verify/);
    expect(r.signer?.identity).toBeNull();
  });

  it('says REVOKED_NO_POE when revoked after the validation time', async () => {
    const { roots, signature } = setup();
    const crl = signingCrl(
      [{ serial: 0x1a2b3c4d, revokedAt: new Date(T0.getTime() + DAY / 4), reason: 'keyCompromise' }],
      {
        thisUpdate: new Date(T0.getTime() + DAY / 3),
        nextUpdate: new Date(T0.getTime() + DAY),
      },
    );
    const r = await createVerifier({ trustAnchors: roots, crls: [crl], clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('REVOKED_NO_POE');
  });

  it('is INDETERMINATE / TRY_LATER without revocation data, and with a stale CRL', async () => {
    const { roots, signature } = setup();
    const none = await createVerifier({ trustAnchors: roots, clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect([none.indication, none.subIndication, none.errors[0]?.code]).toEqual([
      'INDETERMINATE',
      'TRY_LATER',
      'ERR_REVOCATION_UNAVAILABLE',
    ]);
    const stale = signingCrl([], {
      thisUpdate: new Date(T0.getTime() - 3 * DAY),
      nextUpdate: new Date(T0.getTime() - 2 * DAY),
    });
    const r = await createVerifier({ trustAnchors: roots, crls: [stale], clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect([r.indication, r.subIndication, r.errors[0]?.code]).toEqual(['INDETERMINATE', 'TRY_LATER', 'ERR_CRL_STALE']);
  });

  it('refuses a CRL signed by another generation root with the same name (binding by key)', async () => {
    const { roots, signature } = setup();
    const forged = signingCrl([], { generation: '2019' });
    const r = await createVerifier({ trustAnchors: roots, crls: [forged], clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.errors[0]?.code).toMatch(/^ERR_CRL_|ERR_REVOCATION_UNAVAILABLE/);
  });

  it('reports not_checked with a warning for the named opt-out', async () => {
    const { roots, signature } = setup();
    const r = await createVerifier({ trustAnchors: roots, revocation: 'none', clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.revocation).toMatchObject({ status: 'not_checked', source: 'none' });
    expect(r.warnings.map((w) => w.code)).toContain('WARN_REVOCATION_NOT_CHECKED');
  });

  it('fails HASH_FAILURE on other content and SIGNED_DATA_NOT_FOUND without it', async () => {
    const { roots, signature } = setup();
    const v = createVerifier({ trustAnchors: roots, crls: [signingCrl()], clock: fixedClock(T0) });
    const other = await v.verifySignature({ signature, content: new TextEncoder().encode('something else') });
    expect([other.indication, other.subIndication]).toEqual(['TOTAL_FAILED', 'HASH_FAILURE']);
    const missing = await v.verifySignature({ signature });
    expect([missing.indication, missing.subIndication]).toEqual(['INDETERMINATE', 'SIGNED_DATA_NOT_FOUND']);
  });

  it('does not pass sandbox material against the bundled production roots', async () => {
    const { signature } = setup();
    const r = await createVerifier({ crls: [signingCrl()], clock: fixedClock(T0) }).verifySignature({
      signature,
      content,
    });
    expect(r.indication).not.toBe('TOTAL_PASSED');
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('verifies the raw mode (signature value + certificate + digest)', async () => {
    const { roots, leaf } = setup();
    const digest = createHash('sha256').update(content).digest();
    const signatureValue = nodeSign('sha256', content, leaf.privateKey);
    const v = createVerifier({ trustAnchors: roots, crls: [signingCrl()], clock: fixedClock(T0) });
    const ok = await v.verifySignature({ signatureValue, certificate: leaf.der, digest, digestAlgorithm: 'SHA-256' });
    expect(ok.indication).toBe('TOTAL_PASSED');
    const bad = await v.verifySignature({
      signatureValue,
      certificate: leaf.der,
      digest: createHash('sha256').update('x').digest(),
      digestAlgorithm: 'SHA-256',
    });
    expect([bad.indication, bad.subIndication]).toEqual(['TOTAL_FAILED', 'SIG_CRYPTO_FAILURE']);
    expect(bad.signer?.certificate.serialNumber).toBe('1a2b3c4d');
  });

  it('never passes garbage, and reports FORMAT_FAILURE', async () => {
    const { roots } = setup();
    const v = createVerifier({ trustAnchors: roots, clock: fixedClock(T0) });
    const r = await v.verifySignature({ signature: new Uint8Array([0x30, 0x80, 0, 0]) });
    expect([r.indication, r.subIndication]).toEqual(['TOTAL_FAILED', 'FORMAT_FAILURE']);
  });

  it('throws TypeError only for caller bugs', async () => {
    const v = createVerifier({ trustAnchors: setup().roots });
    await expect(v.verifySignature({ signature: 'abc' as unknown as Uint8Array })).rejects.toThrow(TypeError);
    await expect(
      createVerifier().verifyCertificate({ certificate: new Uint8Array(1), profile: 'generic' }),
    ).rejects.toThrow(TypeError);
  });

  it("does not modify the caller's bytes: the same Buffer verifies twice", async () => {
    const { roots, signature } = setup();
    const v = createVerifier({ trustAnchors: roots, revocation: 'none', clock: fixedClock(T0) });
    const pooled = Buffer.concat([Buffer.from('prefix'), Buffer.from(signature)]).subarray(6);
    const before = Buffer.from(pooled);
    expect((await v.verifySignature({ signature: pooled, content })).indication).toBe('TOTAL_PASSED');
    expect((await v.verifySignature({ signature: pooled, content })).indication).toBe('TOTAL_PASSED');
    expect(pooled.equals(before)).toBe(true);
  });
});
