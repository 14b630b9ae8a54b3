/**
 * Writes a card's text application (券面事項入力補助AP) exactly as the verifier expects a real
 * card's (jpki-reference §3; the choices the reference leaves open are documented in
 * src/identity/my-number/checks/): EF0001 My Number, EF0002 basic four, EF0003 integrity
 * record, EF0007 card key. EF0004 is the CV certificate from cv-ca.ts. Written independently of
 * the parser on purpose, so the round-trip tests compare two implementations of one layout.
 */
import { createHash, sign, type KeyObject } from 'node:crypto';
import { concat, tlv } from '../pki/der-write.js';
import type { SandboxCvCa } from './cv-ca.js';

export interface TextApBasicFour {
  readonly name: string;
  readonly address: string;
  /** 'YYYY-MM-DD', 00 for unknown parts. */
  readonly birthDate: string;
  /** ISO 5218 digit: 0 unknown, 1 male, 2 female, 9 not applicable. */
  readonly sexCode: '0' | '1' | '2' | '9';
}

export interface SandboxTextAp {
  readonly ef0001: Uint8Array;
  readonly ef0002: Uint8Array;
  readonly ef0003: Uint8Array;
  readonly ef0004: Uint8Array;
  readonly ef0007: Uint8Array;
}

const enc = new TextEncoder();

/** `90 03 010001 91 82 0100 <modulus>`: an RSA-2048 key with e = 65537, as in EF0004's body. */
export function encodeRsaKeyField(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const n = Buffer.from(jwk.n ?? '', 'base64url');
  if (jwk.kty !== 'RSA' || jwk.e !== 'AQAB' || n.length !== 256)
    throw new TypeError('text-AP keys are RSA-2048 with e = 65537');
  return concat(Uint8Array.of(0x90, 0x03, 0x01, 0x00, 0x01, 0x91, 0x82, 0x01, 0x00), n);
}

/** `FF 10 0C` + 12 ASCII digits + 2 filler bytes (FF FF: erased memory), 17 bytes. */
export function encodeEf0001(myNumber: string, filler: Uint8Array = Uint8Array.of(0xff, 0xff)): Uint8Array {
  if (!/^[0-9]{12}$/.test(myNumber) || filler.length !== 2)
    throw new TypeError('EF0001 needs 12 digits and 2 filler bytes');
  return concat(tlv(0xff10, enc.encode(myNumber)), filler);
}

/** `FF 20 L { DF21 offsets ; DF22 name ; DF23 address ; DF24 YYYYMMDD ; DF25 sex }`. */
export function encodeEf0002(b: TextApBasicFour): Uint8Array {
  const fields = [
    tlv(0xdf22, enc.encode(b.name)),
    tlv(0xdf23, enc.encode(b.address)),
    tlv(0xdf24, enc.encode(b.birthDate.replace(/-/g, ''))),
    tlv(0xdf25, enc.encode(b.sexCode)),
  ];
  const rest = concat(...fields);
  // The outer header's size depends on the total, which depends on nothing but the lengths.
  const inner = 11 + rest.length; // DF21 08 + 8 offset bytes
  const header = tlv(0xff20, new Uint8Array(inner)).length - inner;
  const offsets = new Uint8Array(8);
  let pos = header + 11;
  fields.forEach((f, i) => {
    offsets[2 * i] = pos >> 8;
    offsets[2 * i + 1] = pos & 0xff;
    pos += f.length;
  });
  return tlv(0xff20, concat(tlv(0xdf21, offsets), rest));
}

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** The DF31-TLV ‖ DF32-TLV pair: SHA-256(EF0001) and SHA-256(EF0002 from DF22 on). */
export function integrityHashes(ef0001: Uint8Array, ef0002: Uint8Array): Uint8Array {
  const df22 = 2 + (ef0002[2]! < 0x80 ? 1 : 1 + (ef0002[2]! & 0x7f)) + 11; // FF20 L, then DF21 08 <8>
  return concat(tlv(0xdf31, sha256(ef0001)), tlv(0xdf32, sha256(ef0002.subarray(df22))));
}

/** `FF 30 { DF31 ; DF32 ; DF33 = signature over DF31-TLV ‖ DF32-TLV }`. */
export function encodeEf0003(ef0001: Uint8Array, ef0002: Uint8Array, signerKey: KeyObject): Uint8Array {
  const hashes = integrityHashes(ef0001, ef0002);
  return tlv(0xff30, concat(hashes, tlv(0xdf33, sign('sha256', hashes, signerKey))));
}

/** `FF 50 { DF51 key ; DF52 = signature over DF51-TLV ‖ DF31-TLV ‖ DF32-TLV }` (binds the key to this card). */
export function encodeEf0007(
  cardKey: KeyObject,
  ef0001: Uint8Array,
  ef0002: Uint8Array,
  signerKey: KeyObject,
): Uint8Array {
  const df51 = tlv(0xdf51, encodeRsaKeyField(cardKey));
  return tlv(
    0xff50,
    concat(df51, tlv(0xdf52, sign('sha256', concat(df51, integrityHashes(ef0001, ef0002)), signerKey))),
  );
}

/** The five files of one card, signed by the sandbox's text-AP signer. */
export function buildTextAp(
  myNumber: string,
  basicFour: TextApBasicFour,
  cardPublicKey: KeyObject,
  cvCa: SandboxCvCa,
): SandboxTextAp {
  const ef0001 = encodeEf0001(myNumber);
  const ef0002 = encodeEf0002(basicFour);
  const key = cvCa.signer.privateKey;
  return Object.freeze({
    ef0001,
    ef0002,
    ef0003: encodeEf0003(ef0001, ef0002, key),
    ef0004: cvCa.signer.ef0004.slice(),
    ef0007: encodeEf0007(cardPublicKey, ef0001, ef0002, key),
  });
}
