/**
 * CRLReason (RFC 5280 §5.3.1) with what each one means for a JPKI signing certificate
 * (jpki-reference §5). The numeric codes are the ENUMERATED values; 7 is unused.
 */

export const REASON_CODES = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type ReasonName = keyof typeof REASON_CODES;

/** code → name; index 7 (unused by X.509) is undefined. */
export const REASON_NAMES: readonly (ReasonName | undefined)[] = (() => {
  const out: (ReasonName | undefined)[] = new Array<ReasonName | undefined>(11).fill(undefined);
  for (const [name, code] of Object.entries(REASON_CODES)) out[code] = name as ReasonName;
  return Object.freeze(out);
})();

/** Highest ENUMERATED value we know; anything above (or 7) makes the CRL malformed. */
export const MAX_REASON_CODE = 10;

export function isKnownReasonCode(code: number): boolean {
  return code >= 0 && code <= MAX_REASON_CODE && REASON_NAMES[code] !== undefined;
}

/**
 * Operator-facing meaning in the JPKI context. affiliationChanged is by far the most common
 * reason on JPKI signing CRLs: every move or name change revokes the signing certificate.
 */
export const REASON_MEANINGS: Readonly<Record<ReasonName, string>> = Object.freeze({
  unspecified: 'revoked without a stated reason',
  keyCompromise: 'the card was lost or stolen, or the key is otherwise compromised',
  cACompromise: 'the issuing CA key is compromised',
  affiliationChanged: 'a basic-four attribute changed (move, name change): re-verify the customer',
  superseded: 'renewed: a new certificate replaces this one',
  cessationOfOperation: 'no longer needed (e.g. the holder returned the card or died)',
  certificateHold: 'suspended (JPKI never releases a hold)',
  removeFromCRL: 'delta-CRL only; must not appear in a full CRL',
  privilegeWithdrawn: 'the privilege to hold the certificate was withdrawn',
  aACompromise: 'the attribute authority is compromised',
});
