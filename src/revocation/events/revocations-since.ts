/**
 * revocationsSince: the `crl.revocations` event of an accepted CRL update — the serials the new
 * CRL lists that the previous one did not (a merge walk of both sorted indexes, O(n + m)).
 * JPKI never releases a revocation (certificateHold is final, jpki-reference §5), so serials
 * only present in the old CRL are not events; a certificate whose entry left because it
 * expired is not "un-revoked" either.
 */
import { toHex } from '../../pki/der-values.js';
import type { LoadedCrl } from '../partitions/loaded-crl.js';
import type { CrlRevocationsEvent } from './types.js';

export function revocationsSince(previous: LoadedCrl, next: LoadedCrl): CrlRevocationsEvent {
  const serials = next.index.addedSince(previous.index).map((e) => ({
    serial: toHex(e.serial),
    reason: e.reason,
    revokedAt: e.revokedAt,
    ...(e.invalidityDate ? { invalidityDate: e.invalidityDate } : {}),
  }));
  return {
    type: 'crl.revocations',
    partition: next.watermark.partition,
    crlNumber: next.watermark.crlNumber,
    thisUpdate: next.watermark.thisUpdate,
    previousCrlNumber: previous.watermark.crlNumber,
    previousThisUpdate: previous.watermark.thisUpdate,
    serials,
  };
}
