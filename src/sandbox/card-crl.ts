/**
 * The current CRL of a sandbox card's signing CA for the card's municipality partition (its
 * issuingDistributionPoint names the same directoryName as the certificate's CRL DP,
 * jpki-reference §1), listing the card when its scenario revoked it. Like J-LIS: refreshed
 * daily, so by default thisUpdate = at − 1 h and nextUpdate = at + 24 h.
 */
import { createCrl, type CrlEntryInput } from './crl.js';
import type { SandboxCard } from './card.js';
import { crlDistributionPointName } from './jpki-names.js';

export interface CardCrlOptions {
  thisUpdate?: Date;
  nextUpdate?: Date;
  crlNumber?: number | bigint;
  /** More revoked certificates of the same partition. */
  entries?: readonly CrlEntryInput[];
}

const HOUR = 3_600_000;

export function createCardSigningCrl(card: SandboxCard, opts: CardCrlOptions = {}): Uint8Array {
  const root = card.signing.issuer;
  const t = card.at.getTime();
  const own: CrlEntryInput[] = card.revocation
    ? [{ serial: card.revocation.serial, revokedAt: card.revocation.revokedAt, reason: card.revocation.reason }]
    : [];
  return createCrl({
    issuerNameDer: root.subjectDer,
    issuerPrivateKey: root.privateKey,
    issuerKeyId: root.keyId,
    thisUpdate: opts.thisUpdate ?? new Date(t - HOUR),
    nextUpdate: opts.nextUpdate ?? new Date(t + 24 * HOUR),
    crlNumber: opts.crlNumber ?? 1,
    idpDirectoryNameDer: crlDistributionPointName('signing', card.prefecture, card.municipality),
    entries: [...own, ...(opts.entries ?? [])],
  });
}
