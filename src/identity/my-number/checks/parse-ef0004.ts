import type { KeyObject } from 'node:crypto';
import { GatewayError } from '../../../errors.js';
import { checkSize, expectTlv, expectWholeFile } from '../ber-tlv.js';
import { readRsaKeyField } from '../rsa-key-field.js';

const CODE = 'ERR_CARD_EF0004_MALFORMED';
export const MAX_EF0004_BYTES = 1024;
export const CV_BODY_LENGTH = 297;
export const KEY_ID_LENGTH = 16;

export interface ParsedEf0004 {
  /** The 297-byte 5F4E value: what 5F37 signs. */
  readonly body: Uint8Array;
  readonly signature: Uint8Array;
  /** Lower-case hex of the issuer (CV CA) key id, to look up in the configured keys. */
  readonly issuerKeyId: string;
  readonly subjectKeyId: string;
  /** The certified key; trusted only once the CV certificate's signature verified. */
  readonly unverifiedKey: KeyObject;
}

/**
 * jpki-reference §3 EF0004 (card-verifiable certificate): `7F21 { 5F4E body 297 B ; 5F37
 * signature 256 B }`, body = issuer key id (16) ‖ subject key id (16) ‖ RSA key
 * `90 03 010001 91 82 0100 <modulus>`. The signature covers the body's 297 value bytes (the
 * reference's "over its 5F4E body"; the 5F4E header is fixed by the strict length check).
 */
export function parseEf0004(raw: Uint8Array): ParsedEf0004 {
  checkSize(raw, MAX_EF0004_BYTES, 'EF0004');
  const outer = expectWholeFile(raw, 0x7f21, CODE, 'EF0004');
  const body = expectTlv(raw, outer.valueStart, outer.end, 0x5f4e, CODE, 'EF0004', CV_BODY_LENGTH);
  const sig = expectTlv(raw, body.end, outer.end, 0x5f37, CODE, 'EF0004', 256);
  if (sig.end !== outer.end) throw new GatewayError(CODE, 'EF0004: unexpected element after 5F37');
  const bodyBytes = raw.subarray(body.valueStart, body.end);
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  return {
    body: bodyBytes,
    signature: raw.subarray(sig.valueStart, sig.end),
    issuerKeyId: hex(bodyBytes.subarray(0, KEY_ID_LENGTH)),
    subjectKeyId: hex(bodyBytes.subarray(KEY_ID_LENGTH, 2 * KEY_ID_LENGTH)),
    unverifiedKey: readRsaKeyField(bodyBytes.subarray(2 * KEY_ID_LENGTH), CODE, 'EF0004'),
  };
}
