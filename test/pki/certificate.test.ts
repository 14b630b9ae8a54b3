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
