import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors.js';
import { children, cursor, parseDer, readTlv } from '../../src/pki/der.js';
import {
  readBitString,
  readBoolean,
  readIntegerBytes,
  readNamedBits,
  readOid,
  readString,
  readTime,
} from '../../src/pki/der-values.js';
import { decodeInput } from '../../src/pki/decode-input.js';

const b = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof GatewayError) return e.code;
    throw e;
  }
  return 'ACCEPTED';
};

describe('strict DER reader', () => {
  it('reads nested structures', () => {
    const buf = b('30 06 02 01 05 04 01 ff');
    const root = parseDer(buf);
    expect(children(buf, root).map((c) => c.tag)).toEqual([0x02, 0x04]);
  });

  it.each([
    ['indefinite length (BER)', '30 80 02 01 05 00 00', 'ERR_DER_LENGTH'],
    ['non-minimal long length', '04 81 01 ff', 'ERR_DER_LENGTH'],
    ['leading zero length byte', '04 82 00 01 ff', 'ERR_DER_LENGTH'],
    ['5-byte length', '04 85 01 00 00 00 00', 'ERR_DER_LENGTH'],
    ['truncated value', '04 05 01 02', 'ERR_DER_TRUNCATED'],
    ['empty input', '', 'ERR_DER_TRUNCATED'],
    ['trailing data', '05 00 00', 'ERR_DER_TRAILING_DATA'],
    ['child overruns parent', '30 03 04 05 00', 'ERR_DER_TRUNCATED'],
    ['constructed OCTET STRING (BER)', '24 03 04 01 ff', 'ERR_DER_NOT_CANONICAL'],
    ['high tag form for a low number', '1f 05 00', 'ERR_DER_TAG'],
    ['non-minimal high tag', '1f 80 21 00', 'ERR_DER_TAG'],
  ])('rejects %s', (_what, hex, expected) => {
    expect(code(() => parseDer(b(hex)))).toBe(expected);
  });

  it('enforces the depth limit', () => {
    let v = b('05 00');
    for (let i = 0; i < 40; i++) v = Uint8Array.from([0x30, v.length, ...v]);
    expect(code(() => parseDer(v.subarray(0, Math.min(v.length, 200))))).not.toBe('ACCEPTED');
    let deep = b('05 00');
    for (let i = 0; i < 40; i++) {
      const len = deep.length;
      deep = Uint8Array.from([0x30, ...(len < 128 ? [len] : [0x81, len]), ...deep]);
    }
    expect(code(() => parseDer(deep, 32))).toBe('ERR_DER_TOO_DEEP');
  });

  it('reads high tag numbers (CV certificates use 7F21)', () => {
    const t = readTlv(b('7f 21 02 5f 4e'), 0);
    expect(t.tag).toBe(0x7f21);
    expect(t.end).toBe(5);
  });

  it.each([
    [
      'non-minimal INTEGER',
      () => readIntegerBytes(b('02 02 00 05'), readTlv(b('02 02 00 05'), 0)),
      'ERR_DER_NOT_CANONICAL',
    ],
    ['empty INTEGER', () => readIntegerBytes(b('02 00'), readTlv(b('02 00'), 0)), 'ERR_DER_STRUCTURE'],
    ['BOOLEAN 01', () => readBoolean(b('01 01 01'), readTlv(b('01 01 01'), 0)), 'ERR_DER_NOT_CANONICAL'],
    [
      'non-minimal OID arc',
      () => readOid(b('06 03 2a 80 01'), readTlv(b('06 03 2a 80 01'), 0)),
      'ERR_DER_NOT_CANONICAL',
    ],
    [
      'BIT STRING padding bits set',
      () => readBitString(b('03 02 01 01'), readTlv(b('03 02 01 01'), 0), false),
      'ERR_DER_NOT_CANONICAL',
    ],
    [
      'named bits with trailing zero',
      () => readNamedBits(b('03 02 00 80'), readTlv(b('03 02 00 80'), 0)),
      'ERR_DER_NOT_CANONICAL',
    ],
    [
      'UTCTime without seconds',
      () => readTime(b('17 0b 3235303130313030303030'), readTlv(b('17 0b 3235303130313030303030'), 0)),
      'ERR_DER_NOT_CANONICAL',
    ],
    [
      'UTCTime not Zulu',
      () => readTime(b('17 0d 32353031303130303030303031'), readTlv(b('17 0d 32353031303130303030303031'), 0)),
      'ERR_DER_NOT_CANONICAL',
    ],
    [
      'impossible date',
      () => readTime(b('17 0d 3235303233303030303030305a'), readTlv(b('17 0d 3235303233303030303030305a'), 0)),
      'ERR_DER_STRUCTURE',
    ],
    ['invalid UTF-8', () => readString(b('0c 02 c3 28'), readTlv(b('0c 02 c3 28'), 0)), 'ERR_DER_STRUCTURE'],
  ])('value decoder rejects %s', (_what, f, expected) => {
    expect(code(f)).toBe(expected);
  });

  it('decodes times per RFC 5280 (UTCTime 50-99 → 19xx)', () => {
    const t = b('17 0d 3439313233313233353935395a');
    expect(new Date(readTime(t, readTlv(t, 0))).toISOString()).toBe('2049-12-31T23:59:59.000Z');
    const u = b('17 0d 3530303130313030303030305a');
    expect(new Date(readTime(u, readTlv(u, 0))).toISOString()).toBe('1950-01-01T00:00:00.000Z');
  });

  it('the allocation-free tree check agrees with the readTlv reference on every input', () => {
    // The reference: the straightforward recursive check with readTlv at every node.
    const primitiveOnly = new Set([1, 2, 3, 4, 5, 6, 0x0a, 0x0c, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1c, 0x1e]);
    const check = (buf: Uint8Array, node: ReturnType<typeof readTlv>, depthLeft: number): void => {
      if (!node.constructed) return;
      if (depthLeft <= 0) throw new GatewayError('ERR_DER_TOO_DEEP');
      if (node.tag < 0x100 && primitiveOnly.has(node.tag & ~0x20)) throw new GatewayError('ERR_DER_NOT_CANONICAL');
      for (let pos = node.valueStart; pos < node.end;) {
        const child = readTlv(buf, pos, node.end);
        check(buf, child, depthLeft - 1);
        pos = child.end;
      }
    };
    const reference = (buf: Uint8Array, depth: number): string =>
      code(() => {
        const root = readTlv(buf, 0, buf.length);
        if (root.end !== buf.length) throw new GatewayError('ERR_DER_TRAILING_DATA');
        check(buf, root, depth);
      });
    // Valid nested DER to mutate: a real certificate-shaped tree plus high tags and long lengths.
    const seed = b(
      '30 82 01 0a 30 0a 06 03 55 04 03 0c 03 61 62 63 a0 05 02 03 01 00 01 7f 21 03 04 01 00 24 04 04 02 41 42',
    );
    const padded = Uint8Array.from([
      ...seed.subarray(0, 4),
      ...seed.subarray(4),
      ...new Uint8Array(0x10a - (seed.length - 4)),
    ]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc
            .array(fc.tuple(fc.nat(padded.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 })
            .map((edits) => {
              const m = padded.slice();
              for (const [i, v] of edits) m[i] = v;
              return m;
            }),
        ),
        fc.integer({ min: 1, max: 6 }),
        (bytes, depth) => {
          expect(code(() => parseDer(bytes, depth))).toBe(reference(bytes, depth));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('never throws anything but GatewayError and never hangs on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const c = code(() => parseDer(bytes));
        expect(typeof c).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('DerCursor over input parseDer has not checked', () => {
  it('peekTag() and optional() still check the header of the element they look at', () => {
    // SEQUENCE { INTEGER 1, NULL with an indefinite (BER) length }: the cursor is built
    // directly, as peekCrlHeader does on a CRL's first bytes.
    const buf = b('30 06 02 01 01 05 80 00');
    const c = cursor(buf, readTlv(buf, 0));
    c.next(0x02);
    expect(code(() => c.peekTag())).toBe('ERR_DER_LENGTH');
    expect(code(() => c.optional(0x30))).toBe('ERR_DER_LENGTH');
    const ok = b('30 05 02 01 01 05 00');
    const d = cursor(ok, readTlv(ok, 0));
    d.next(0x02);
    expect(d.peekTag()).toBe(0x05);
    expect(d.optional(0x30)).toBeUndefined();
    expect(d.optional(0x05)).toMatchObject({ tag: 0x05, start: 5, end: 7 });
  });
});

describe('decodeInput', () => {
  it('accepts DER, PEM and base64 alike', () => {
    const der = b('30 03 02 01 05');
    const b64 = Buffer.from(der).toString('base64');
    const pem = `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
    expect(decodeInput(der)).toEqual(der);
    expect(Buffer.from(decodeInput(Buffer.from(pem)))).toEqual(Buffer.from(der));
    expect(Buffer.from(decodeInput(Buffer.from(b64)))).toEqual(Buffer.from(der));
  });
  it.each([
    ['garbage text', 'hello, world!', 'ERR_INPUT_ENCODING'],
    ['unterminated PEM', '-----BEGIN CERTIFICATE-----\nAAAA', 'ERR_INPUT_ENCODING'],
    ['empty', '', 'ERR_INPUT_ENCODING'],
  ])('rejects %s', (_w, text, expected) => {
    expect(code(() => decodeInput(Buffer.from(text)))).toBe(expected);
  });
  it('rejects oversized input', () => {
    expect(code(() => decodeInput(new Uint8Array(100), 10))).toBe('ERR_INPUT_TOO_LARGE');
  });
});

describe('OID arcs', () => {
  it('reads 128-bit arcs of 2.25.<UUID> OIDs exactly', async () => {
    const { oid } = await import('../../src/pki/der-write.js');
    const dotted = '2.25.329800735698586629295641978511506172918';
    const der = oid(dotted);
    expect(readOid(der, readTlv(der, 0))).toBe(dotted);
  });
});
