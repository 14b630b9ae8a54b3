/**
 * ingestCrl: the verb other code calls. Streams and indexes a CRL, then returns it only if it
 * is a complete, direct CRL signed by one of the candidate CAs, bound by name AND key
 * (RFC 5280 §6.3.3 (f), (g)), and fresh at the clock's time.
 */
import type { Clock } from '../../clock.js';
import { GatewayError } from '../../errors.js';
import { readTlv } from '../../pki/der.js';
import { seq } from '../../pki/der-write.js';
import type { SignatureAlgorithm } from '../../pki/algorithms.js';
import { checkCrlFreshness } from './check-crl-freshness.js';
import {
  checkCriticalExtensions,
  checkFullCrlScope,
  checkIssuerKeyStrength,
  checkNextUpdatePresent,
  checkNoRemoveFromCrl,
  issuersByKeyId,
  issuersByName,
  issuersWithCrlSign,
  toIssuerKey,
  type CrlIssuerCandidate,
  type CrlIssuerKey,
} from './crl-checks.js';
import type { CrlIndex } from './crl-index.js';
import { scanCrl, type UnverifiedCrl } from './scan-crl.js';
import { verifyCrlSignature } from './verify-crl-signature.js';

export interface IngestCrlOptions {
  /** CA certificates (or bare keys) that may have issued this CRL. */
  readonly issuers: readonly CrlIssuerCandidate[];
  readonly clock: Clock;
  /** Accept a CRL this long after its nextUpdate (refresh window), default 0. */
  readonly maxAgeGraceMs?: number;
  /** Largest accepted CRL, default 1 GiB. */
  readonly maxBytes?: number;
  readonly chunkBytes?: number;
  /**
   * Check freshness at the clock's time (default true). A verifier that judges freshness per
   * validation, against that validation's own time, passes false and checks it itself.
   */
  readonly checkFreshness?: boolean;
}

/** The partition a CRL covers (issuingDistributionPoint, RFC 5280 §5.2.5). */
export interface CrlScope {
  /** directoryName DERs of the distribution point (JPKI: the municipality's CRLDP name). */
  readonly directoryNames: readonly Uint8Array[];
  readonly uris: readonly string[];
  readonly onlyContainsUserCerts: boolean;
  readonly onlyContainsCACerts: boolean;
}

export interface VerifiedCrl {
  readonly issuerNameDer: Uint8Array;
  /** The CRL's authorityKeyIdentifier, else the verifying CA's SKI (if known). */
  readonly issuerKeyId: Uint8Array | undefined;
  /** The candidate CA key whose signature verified (binds the CRL to that key, §6.3.3 (f)). */
  readonly signer: CrlIssuerKey;
  readonly crlNumber: bigint | undefined;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly freshnessGraceMs: number;
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** undefined = the CRL covers every certificate of its issuer. */
  readonly idp: CrlScope | undefined;
  readonly index: CrlIndex;
}

export async function ingestCrl(input: Uint8Array | string, opts: IngestCrlOptions): Promise<VerifiedCrl> {
  const grace = opts.maxAgeGraceMs ?? 0;
  if (!Number.isFinite(grace) || grace < 0)
    throw new TypeError('ingestCrl: maxAgeGraceMs must be a non-negative number');
  if (opts.issuers.length === 0) throw new TypeError('ingestCrl: no candidate issuers');
  const unverifiedCrl = await scanCrl(input, { maxBytes: opts.maxBytes, chunkBytes: opts.chunkBytes });
  const nextUpdate = checkNextUpdatePresent(unverifiedCrl);

  const named = issuersByName(unverifiedCrl, opts.issuers).map(toIssuerKey);
  const keyed = issuersWithCrlSign(issuersByKeyId(unverifiedCrl, named));
  let signer: (typeof keyed)[number] | undefined;
  for (const candidate of keyed) {
    checkIssuerKeyStrength(candidate);
    if (await verifyCrlSignature(unverifiedCrl, candidate.publicKey)) {
      signer = candidate;
      break;
    }
  }
  if (!signer) throw new GatewayError('ERR_CRL_SIGNATURE_INVALID');

  checkCriticalExtensions(unverifiedCrl);
  checkFullCrlScope(unverifiedCrl);
  checkNoRemoveFromCrl(unverifiedCrl);
  const index = unverifiedCrl.index;
  if (!index) throw new TypeError('ingestCrl: scan produced no index');
  const crl: VerifiedCrl = {
    issuerNameDer: unverifiedCrl.issuerNameDer,
    issuerKeyId: unverifiedCrl.extensions.authorityKeyId ?? signer.keyId,
    signer,
    crlNumber: unverifiedCrl.extensions.crlNumber,
    thisUpdate: unverifiedCrl.thisUpdate,
    nextUpdate,
    freshnessGraceMs: grace,
    signatureAlgorithm: unverifiedCrl.signatureAlgorithm,
    idp: scopeOf(unverifiedCrl),
    index,
  };
  if (opts.checkFreshness !== false) checkCrlFreshness(crl, opts.clock.now());
  return crl;
}

function scopeOf(crl: UnverifiedCrl): CrlScope | undefined {
  const idp = crl.extensions.idp;
  if (!idp) return undefined;
  const directoryNames: Uint8Array[] = [];
  const uris: string[] = [];
  for (const g of idp.fullName ?? []) {
    if (g.type === 'directoryName') directoryNames.push(g.der);
    else if (g.type === 'uri') uris.push(g.value);
  }
  if (idp.relativeName) {
    // RFC 5280 §5.2.5: nameRelativeToCRLIssuer is appended to the CRL issuer's name
    const t = readTlv(crl.issuerNameDer, 0);
    directoryNames.push(seq(crl.issuerNameDer.subarray(t.valueStart, t.end), idp.relativeName));
  }
  return {
    directoryNames,
    uris,
    onlyContainsUserCerts: idp.onlyContainsUserCerts,
    onlyContainsCACerts: idp.onlyContainsCACerts,
  };
}
