/**
 * The revokedCertificates hot loop (RFC 5280 §5.1.2.6, §5.3): parses every complete entry in
 * a resident window and hands (serial, date, reason, invalidityDate) to a sink, without
 * allocating per entry. Facts that make the CRL unusable (indirect CRL, unknown critical entry
 * extensions, removeFromCRL) are counted here and judged by ingestCrl, so that the error
 * reported does not depend on where in the file they appear.
 */
import { GatewayError } from '../../errors.js';
import { readOid } from '../../pki/der-values.js';
import { VS, child, header, timeSeconds } from './crl-der.js';
import { isKnownReasonCode } from './reasons.js';

/** One entry: SEQUENCE + INTEGER(21) + GeneralizedTime + a handful of extensions. */
export const MAX_ENTRY_BYTES = 64 * 1024;
/** RFC 5280 §4.1.2.2: at most 20 octets, plus one for the sign byte of a positive serial. */
export const MAX_SERIAL_BYTES = 21;
const MAX_RECORDED_OIDS = 16;

export interface EntrySink {
  /** `invalidity` is 0 when absent; times are seconds since the epoch. */
  add(
    buf: Uint8Array,
    serialStart: number,
    serialLen: number,
    revokedAt: number,
    reason: number,
    invalidity: number,
  ): void;
}

export interface EntryFacts {
  count: number;
  certificateIssuer: number;
  removeFromCrl: number;
  unknownCritical: Set<string>;
}

export function newEntryFacts(): EntryFacts {
  return { count: 0, certificateIssuer: 0, removeFromCrl: 0, unknownCritical: new Set() };
}

/**
 * Parses entries from `p` while they are complete before `end` (resident end, ≤ listEnd).
 * Returns the offset of the first entry not yet parsed (== listEnd when the list is done).
 */
export function parseEntries(
  buf: Uint8Array,
  p: number,
  end: number,
  listEnd: number,
  v2: boolean,
  sink: EntrySink,
  facts: EntryFacts,
): number {
  while (p < end) {
    if (buf[p] !== 0x30) throw new GatewayError('ERR_DER_STRUCTURE', 'revoked entry is not a SEQUENCE');
    const h = header(buf, p, end);
    if (h < 0) {
      if (end >= listEnd) throw new GatewayError('ERR_DER_TRUNCATED', 'revoked entry header');
      return p;
    }
    const hl = h & 7;
    const len = (h - hl) / 8;
    if (len > MAX_ENTRY_BYTES) throw new GatewayError('ERR_CRL_MALFORMED', `revoked entry of ${len} bytes`);
    const ce = p + hl + len;
    if (ce > listEnd) throw new GatewayError('ERR_DER_TRUNCATED', 'revoked entry runs past the list');
    if (ce > end) return p;
    parseEntry(buf, p + hl, ce, v2, sink, facts);
    p = ce;
  }
  return p;
}

function parseEntry(buf: Uint8Array, q: number, ce: number, v2: boolean, sink: EntrySink, facts: EntryFacts): void {
  const serialEnd = child(buf, q, ce, 0x02, 'userCertificate');
  const ss = VS;
  const sl = serialEnd - ss;
  if (sl === 0) throw new GatewayError('ERR_DER_STRUCTURE', 'empty serial INTEGER');
  if (sl > 1) {
    const a = buf[ss]!;
    const b = buf[ss + 1]!;
    // X.690 §8.3.2: no redundant leading 00 / FF octet
    if ((a === 0 && b < 0x80) || (a === 0xff && b >= 0x80))
      throw new GatewayError('ERR_DER_NOT_CANONICAL', 'non-minimal serial');
  }
  if (sl > MAX_SERIAL_BYTES || (sl === MAX_SERIAL_BYTES && buf[ss] !== 0)) {
    throw new GatewayError('ERR_CRL_MALFORMED', `serial of ${sl} octets (RFC 5280 §4.1.2.2)`);
  }
  q = serialEnd;
  if (q >= ce) throw new GatewayError('ERR_DER_STRUCTURE', 'revocationDate: missing');
  const tag = buf[q]!;
  if (tag !== 0x17 && tag !== 0x18) throw new GatewayError('ERR_DER_STRUCTURE', 'revocationDate: not a Time');
  const te = child(buf, q, ce, tag, 'revocationDate');
  const revokedAt = timeSeconds(buf, tag, VS, te);
  if (revokedAt < 0 || revokedAt > 0xffffffff)
    throw new GatewayError('ERR_CRL_MALFORMED', 'revocationDate out of range');
  q = te;
  let reason = 0;
  let invalidity = 0;
  if (q < ce) {
    // RFC 5280 §5.1.2.1: entry extensions require a v2 CRL
    if (!v2) throw new GatewayError('ERR_CRL_MALFORMED', 'crlEntryExtensions in a v1 CRL');
    const xe = child(buf, q, ce, 0x30, 'crlEntryExtensions');
    let x = VS;
    if (x === xe) throw new GatewayError('ERR_DER_STRUCTURE', 'empty crlEntryExtensions');
    let seen = 0;
    let others: string[] | undefined;
    while (x < xe) {
      const ee = child(buf, x, xe, 0x30, 'Extension');
      const oe = child(buf, VS, ee, 0x06, 'extnID');
      const os = VS;
      let r = oe;
      let critical = false;
      if (r < ee && buf[r] === 0x01) {
        r = child(buf, r, ee, 0x01, 'critical');
        // X.690 §11.5 / §11.1: DEFAULT FALSE is omitted; TRUE is FF
        if (r - VS !== 1 || buf[VS] !== 0xff) throw new GatewayError('ERR_DER_NOT_CANONICAL', 'critical flag');
        critical = true;
      }
      const ve = child(buf, r, ee, 0x04, 'extnValue');
      const vs = VS;
      if (ve !== ee) throw new GatewayError('ERR_DER_STRUCTURE', 'Extension: extra element');
      const known = oe - os === 3 && buf[os] === 0x55 && buf[os + 1] === 0x1d ? buf[os + 2]! : 0;
      let bit = 0;
      if (known === 0x15) {
        // reasonCode ::= ENUMERATED, values 0..10 → exactly 0a 01 XX (RFC 5280 §5.3.1)
        bit = 1;
        if (ve - vs !== 3 || buf[vs] !== 0x0a || buf[vs + 1] !== 0x01)
          throw new GatewayError('ERR_CRL_MALFORMED', 'reasonCode encoding');
        reason = buf[vs + 2]!;
        if (!isKnownReasonCode(reason)) throw new GatewayError('ERR_CRL_MALFORMED', `reasonCode ${reason}`);
        if (reason === 8) facts.removeFromCrl++;
      } else if (known === 0x18) {
        // invalidityDate ::= GeneralizedTime (RFC 5280 §5.3.2)
        bit = 2;
        const ge = child(buf, vs, ve, 0x18, 'invalidityDate');
        if (ge !== ve) throw new GatewayError('ERR_DER_TRAILING_DATA', 'invalidityDate');
        invalidity = timeSeconds(buf, 0x18, VS, ge, true);
        if (invalidity < 1 || invalidity > 0xffffffff)
          throw new GatewayError('ERR_CRL_MALFORMED', 'invalidityDate out of range');
      } else if (known === 0x1d) {
        bit = 4; // certificateIssuer (RFC 5280 §5.3.3): only in indirect CRLs, which we refuse
        facts.certificateIssuer++;
      } else if (known === 0x17) {
        bit = 8; // holdInstructionCode: informational; JPKI never releases a hold
      } else {
        const oid = readOid(buf, { tag: 0x06, constructed: false, start: x, valueStart: os, end: oe });
        others ??= [];
        if (others.includes(oid)) throw new GatewayError('ERR_CRL_MALFORMED', `entry repeats extension ${oid}`);
        others.push(oid);
        if (critical && facts.unknownCritical.size < MAX_RECORDED_OIDS) facts.unknownCritical.add(oid);
      }
      // RFC 5280 §5.3: an extension appears at most once per entry
      if (seen & bit) throw new GatewayError('ERR_CRL_MALFORMED', 'entry repeats an extension');
      seen |= bit;
      x = ee;
    }
    q = xe;
  }
  if (q !== ce) throw new GatewayError('ERR_DER_STRUCTURE', 'revoked entry: extra element');
  facts.count++;
  sink.add(buf, ss, sl, revokedAt, reason, invalidity);
}
