import { checkSize, expectTlv, expectWholeFile } from '../ber-tlv.js';
import { GatewayError } from '../../../errors.js';

const CODE = 'ERR_CARD_EF0003_MALFORMED';
export const MAX_EF0003_BYTES = 1024;

export interface ParsedEf0003 {
  readonly raw: Uint8Array;
  /** DF31's value: SHA-256 of EF0001's 17 bytes. */
  readonly myNumberHash: Uint8Array;
  /** DF32's value: SHA-256 of EF0002 from DF22 to the end. */
  readonly basicFourHash: Uint8Array;
  /** DF31-TLV ‖ DF32-TLV exactly as stored: what DF33 signs. */
  readonly signedBytes: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * jpki-reference §3 EF0003 (integrity record): `FF 30 { DF31 32 B ; DF32 32 B ; DF33 256 B }`,
 * in that order and nothing else; the file is exactly that element.
 */
export function parseEf0003(raw: Uint8Array): ParsedEf0003 {
  checkSize(raw, MAX_EF0003_BYTES, 'EF0003');
  const outer = expectWholeFile(raw, 0xff30, CODE, 'EF0003');
  const df31 = expectTlv(raw, outer.valueStart, outer.end, 0xdf31, CODE, 'EF0003', 32);
  const df32 = expectTlv(raw, df31.end, outer.end, 0xdf32, CODE, 'EF0003', 32);
  const df33 = expectTlv(raw, df32.end, outer.end, 0xdf33, CODE, 'EF0003', 256);
  if (df33.end !== outer.end) throw new GatewayError(CODE, 'EF0003: unexpected element after DF33');
  return {
    raw,
    myNumberHash: raw.subarray(df31.valueStart, df31.end),
    basicFourHash: raw.subarray(df32.valueStart, df32.end),
    signedBytes: raw.subarray(df31.start, df32.end),
    signature: raw.subarray(df33.valueStart, df33.end),
  };
}
