/**
 * Streams a national-scale synthetic CRL to disk: millions of 4-byte serials (jpki-reference
 * §1), reasons mostly affiliationChanged (every move revokes, §5), in revocation order. The
 * DER lengths must be known before the first byte is written, so every entry has a size fixed
 * by its reason (37 bytes with a reasonCode, 23 without) and the TBS length is computed up
 * front; the signer hashes the TBS as it is written. RSA only (the signature length is the
 * modulus length, known in advance).
 */
import { open } from 'node:fs/promises';
import { createSign, constants } from 'node:crypto';
import { bitString, concat } from '../pki/der-write.js';
import { algorithmIdentifier, tbsParts, type CrlHeaderOptions } from './crl.js';

export interface WriteCrlFileOptions extends CrlHeaderOptions {
  readonly count: number;
  /** 'shuffled' (default) spreads serials like revocation order does; 'ascending' is sorted. */
  readonly order?: 'shuffled' | 'ascending';
  /** First serial for 'ascending' (default 0x10000000); all serials stay 4 bytes. */
  readonly serialStart?: number;
  /** Revocation dates span this many days before thisUpdate (default 365). */
  readonly spanDays?: number;
}

const CHUNK = 4 << 20;
const ENTRY_WITH_REASON = 37;
const ENTRY_PLAIN = 23;

/** The i-th synthetic serial; a bijection on [0, 2^30) for 'shuffled', so never a duplicate. */
export function syntheticSerial(
  i: number,
  order: 'shuffled' | 'ascending' = 'shuffled',
  serialStart = 0x10000000,
): number {
  return order === 'ascending' ? serialStart + i : 0x40000000 + (Math.imul(i, 0x9e3779b1) & 0x3fffffff);
}

/** Reason code of the i-th entry: ~70% affiliationChanged, then renewals, returns, losses, holds. */
export function syntheticReason(i: number): number {
  const h = (Math.imul(i ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 100;
  return h < 70 ? 3 : h < 85 ? 4 : h < 93 ? 5 : h < 97 ? 1 : h < 99 ? 6 : 0;
}

function header(tag: number, len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(tag, len);
  const b: number[] = [];
  for (let v = len; v > 0; v = Math.floor(v / 256)) b.unshift(v % 256);
  return Uint8Array.of(tag, 0x80 | b.length, ...b);
}

/** Writes YYMMDDHHMMSSZ for `sec` at `o` (UTCTime, years 1950–2049). */
function putUtc(buf: Buffer, o: number, sec: number): void {
  const d = new Date(sec * 1000);
  const f = [
    d.getUTCFullYear() % 100,
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  for (let k = 0; k < 6; k++) {
    buf[o + 2 * k] = 0x30 + Math.floor(f[k]! / 10);
    buf[o + 2 * k + 1] = 0x30 + (f[k]! % 10);
  }
  buf[o + 12] = 0x5a;
}

export async function writeCrlFile(path: string, o: WriteCrlFileOptions): Promise<{ bytes: number; count: number }> {
  const { count } = o;
  const order = o.order ?? 'shuffled';
  const start = o.serialStart ?? 0x10000000;
  if (!Number.isInteger(count) || count < 1 || count > 2 ** 30) throw new TypeError('writeCrlFile: count out of range');
  if (order === 'ascending' && (start < 0x800000 || start + count - 1 > 0x7fffffff)) {
    throw new TypeError('writeCrlFile: serials must stay 4-byte positive INTEGERs');
  }
  const alg = o.signatureAlgorithm ?? 'sha256WithRSAEncryption';
  const hash = {
    sha256WithRSAEncryption: 'sha256',
    sha384WithRSAEncryption: 'sha384',
    sha512WithRSAEncryption: 'sha512',
    'rsassaPss-sha256': 'sha256',
    sha1WithRSAEncryption: 'sha1',
  }[alg as string];
  const bits = o.issuerPrivateKey.asymmetricKeyDetails?.modulusLength;
  if (!hash || o.issuerPrivateKey.asymmetricKeyType !== 'rsa' || !bits)
    throw new TypeError('writeCrlFile: RSA keys only');

  let entriesLen = 0;
  for (let i = 0; i < count; i++) entriesLen += syntheticReason(i) ? ENTRY_WITH_REASON : ENTRY_PLAIN;
  const { head, extensions } = tbsParts(o);
  const listHeader = header(0x30, entriesLen);
  const tbsLen = head.length + listHeader.length + entriesLen + extensions.length;
  const tbsHeader = header(0x30, tbsLen);
  const algDer = algorithmIdentifier(alg);
  const sigLen = Math.ceil(bits / 8);
  const sigHeader = header(0x03, sigLen + 1);
  const outerLen = tbsHeader.length + tbsLen + algDer.length + sigHeader.length + 1 + sigLen;

  const signer = createSign(hash);
  const fh = await open(path, 'w');
  const buf = Buffer.allocUnsafe(CHUNK);
  let n = 0;
  let written = 0;
  const flush = async (): Promise<void> => {
    await fh.write(buf, 0, n);
    written += n;
    n = 0;
  };
  const put = async (bytes: Uint8Array, signed: boolean): Promise<void> => {
    if (n + bytes.length > CHUNK) await flush();
    buf.set(bytes, n);
    if (signed) signer.update(bytes);
    n += bytes.length;
  };
  try {
    await put(header(0x30, outerLen), false);
    await put(concat(tbsHeader, head, listHeader), true);
    const t0 = Math.floor(o.thisUpdate.getTime() / 1000);
    const span = (o.spanDays ?? 365) * 86400;
    let unsigned = n; // entries are hashed per chunk, from here on
    for (let i = 0; i < count; i++) {
      if (n + ENTRY_WITH_REASON > CHUNK) {
        signer.update(buf.subarray(unsigned, n));
        await flush();
        unsigned = 0;
      }
      const reason = syntheticReason(i);
      const s = syntheticSerial(i, order, start);
      const e = n;
      buf[e] = 0x30;
      buf[e + 1] = reason ? ENTRY_WITH_REASON - 2 : ENTRY_PLAIN - 2;
      buf[e + 2] = 0x02;
      buf[e + 3] = 4;
      buf.writeUInt32BE(s, e + 4);
      buf[e + 8] = 0x17;
      buf[e + 9] = 13;
      putUtc(buf, e + 10, t0 - span + Math.floor((i / count) * span));
      if (reason) {
        // crlEntryExtensions { Extension { reasonCode, OCTET STRING { ENUMERATED reason } } }
        buf.set([0x30, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01, reason], e + 23);
      }
      n += reason ? ENTRY_WITH_REASON : ENTRY_PLAIN;
    }
    signer.update(buf.subarray(unsigned, n));
    await put(extensions, true);
    const key =
      alg === 'rsassaPss-sha256'
        ? { key: o.issuerPrivateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
        : o.issuerPrivateKey;
    await put(concat(algDer, bitString(signer.sign(key))), false);
    await flush();
  } finally {
    await fh.close();
  }
  if (written !== header(0x30, outerLen).length + outerLen)
    throw new Error('writeCrlFile: length bookkeeping is wrong');
  return { bytes: written, count };
}
