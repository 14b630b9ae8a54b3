import { readFileSync, readdirSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/certificate.js';
import { decodeInput } from '../../src/pki/decode-input.js';
import { nameToString } from '../../src/pki/name.js';
import { KEY_USAGE_BITS } from '../../src/pki/extensions.js';
import { verifyWith } from '../../src/pki/public-key.js';
import { GatewayError } from '../../src/errors.js';

const dir = new URL('../../trust/jlis/', import.meta.url);
const roots = readdirSync(dir).map((f) => ({ f, der: decodeInput(readFileSync(new URL(f, dir))) }));

describe('parseCertificate on the real J-LIS roots', () => {
  it.each(roots)('$f parses like node X509Certificate and self-verifies', ({ der }) => {
    const c = parseCertificate(der);
    const x = new X509Certificate(der);
    expect(c.serialHex.replace(/^0+/, '').toUpperCase()).toBe(x.serialNumber.replace(/^0+/, ''));
    expect(c.notAfter).toBe(new Date(x.validTo).getTime());
    expect(c.basicConstraints?.ca).toBe(true);
    expect(c.keyUsage).toBe(KEY_USAGE_BITS.keyCertSign | KEY_USAGE_BITS.cRLSign);
    expect(nameToString(c.subject)).toMatch(
      /^C=JP, O=JPKI, OU=JPKI for (digital signature|user authentication), OU=Japan Agency/,
    );
    expect(c.publicKey().bits).toBe(2048);
    expect(verifyWith(c.signatureAlgorithm, c.publicKey().key, c.tbs, c.signatureValue)).toBe(true);
  });

  it('rejects a certificate with one byte appended', () => {
    const der = roots[0]!.der;
    const longer = new Uint8Array(der.length + 1);
    longer.set(der);
    expect(() => parseCertificate(longer)).toThrowError(expect.objectContaining({ code: 'ERR_DER_TRAILING_DATA' }));
  });

  it('turns every truncation into a coded error', () => {
    const der = roots[0]!.der;
    for (let n = 0; n < der.length; n += 7) {
      try {
        parseCertificate(der.subarray(0, n));
        throw new Error('accepted a truncated certificate');
      } catch (e) {
        expect(e).toBeInstanceOf(GatewayError);
      }
    }
  });
});

describe('parseCertificate refuses malformed certificates with their own codes', async () => {
  const { buildCertificate, name, keyUsage, deriveRsaKey } = await import('../../src/sandbox/index.js');
  const { generateKeyPairSync } = await import('node:crypto');
  const key = deriveRsaKey('pki-negative-tests');
  const base = {
    serial: 0x01020304n,
    issuerName: name([
      ['C', 'JP'],
      ['CN', 'pki negative test CA'],
    ]),
    subjectName: name([
      ['C', 'JP'],
      ['CN', 'pki negative test leaf'],
    ]),
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    subjectPublicKey: key.publicKey,
    issuerPrivateKey: key.privateKey,
    extensions: [{ oid: '2.5.29.15', critical: true, value: keyUsage(['digitalSignature']) }],
  };
  const codeOf = (der: Uint8Array): string => {
    try {
      parseCertificate(der).publicKey();
      return 'ACCEPTED';
    } catch (e) {
      return e instanceof GatewayError ? e.code : 'NOT A GatewayError';
    }
  };

  it('accepts the well-formed base certificate', () => {
    expect(codeOf(buildCertificate(base).der)).toBe('ACCEPTED');
  });
  it('ERR_CERT_VERSION for a v2 certificate', () => {
    expect(codeOf(buildCertificate({ ...base, version: 2 }).der)).toBe('ERR_CERT_VERSION');
  });
  it('ERR_CERT_DUPLICATE_EXTENSION when an extension repeats', () => {
    expect(codeOf(buildCertificate({ ...base, extensions: [...base.extensions, ...base.extensions] }).der)).toBe(
      'ERR_CERT_DUPLICATE_EXTENSION',
    );
  });
  it('ERR_CERT_SIGNATURE_ALG_MISMATCH when TBS and outer algorithms differ', () => {
    expect(codeOf(buildCertificate({ ...base, tbsSignatureAlgorithmOverride: 'sha384WithRSA' }).der)).toBe(
      'ERR_CERT_SIGNATURE_ALG_MISMATCH',
    );
  });
  it('ERR_KEY_TOO_WEAK for RSA-1024 and ERR_KEY_MALFORMED for an even exponent', () => {
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(codeOf(buildCertificate({ ...base, subjectPublicKey: weak.publicKey }).der)).toBe('ERR_KEY_TOO_WEAK');
    // An RSA public key with e = 65536 (even) cannot be a valid RSA key.
    const jwk = key.publicKey.export({ format: 'jwk' });
    const spki = Buffer.from(key.publicKey.export({ type: 'spki', format: 'der' }));
    const e = Buffer.from(jwk.e!, 'base64url');
    const at = spki.lastIndexOf(e);
    spki[at + e.length - 1] = spki[at + e.length - 1]! - 1; // 010001 → 010000
    const der = new Uint8Array(buildCertificate(base).der);
    const original = Buffer.from(key.publicKey.export({ type: 'spki', format: 'der' }));
    const pos = Buffer.from(der).indexOf(original);
    der.set(spki, pos);
    expect(codeOf(der)).toBe('ERR_KEY_MALFORMED');
  });
});

describe('outer tags are checked, not only lengths', () => {
  it('refuses a certificate whose outer SEQUENCE is re-tagged as a SET', () => {
    const der = new Uint8Array(roots[0]!.der);
    der[0] = 0x31;
    expect(() => parseCertificate(der)).toThrowError(expect.objectContaining({ code: 'ERR_DER_STRUCTURE' }));
  });
});

describe('issuer names are parsed once, as copies', () => {
  it('a certificate in a Node Buffer: the cached issuer owns its bytes and later writes do not reach it', () => {
    // A root with one character of its issuer name changed: a name no other test has parsed.
    const der = Uint8Array.from(roots[0]!.der);
    const issuerDer = parseCertificate(roots[0]!.der).issuer.der;
    const at = Buffer.from(der).indexOf(Buffer.from(issuerDer));
    der[at + issuerDer.length - 1] = 0x5a; // last character of the last RDN value → 'Z'
    const big = Buffer.alloc(der.length + 4096); // the certificate inside a larger Buffer
    big.set(der, 1024);
    const inBuffer = big.subarray(1024, 1024 + der.length);
    const a = parseCertificate(inBuffer);
    expect(a.issuer.der.buffer).not.toBe(big.buffer);
    expect(a.issuer.der.buffer.byteLength).toBe(a.issuer.der.byteLength);
    const before = nameToString(a.issuer);
    big.fill(0x41); // the caller reuses its buffer
    const b = parseCertificate(Uint8Array.from(der));
    expect(b.issuer).toBe(a.issuer); // the same cached object for the same bytes
    expect(nameToString(b.issuer)).toBe(before);
    expect(Object.isFrozen(b.issuer)).toBe(true);
  });
});
