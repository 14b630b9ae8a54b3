/**
 * The CRLs a verifier was given, bound lazily to the CA that signed them: a CRL is only
 * used for a certificate whose issuer has the CRL issuer's name AND whose key verified the
 * CRL (RFC 5280 §6.3.3 (f)). Each (CRL, issuer key) pair is scanned and verified once.
 */
import type { Clock } from '../clock.js';
import { GatewayError, isGatewayError } from '../errors.js';
import { cursor, readTlv, TAG } from '../pki/der.js';
import { namesEqual, parseName, type Name } from '../pki/name.js';
import type { PathIssuer } from '../path/index.js';
import type { Certificate } from '../pki/certificate.js';
import { ingestCrl, type VerifiedCrl } from '../revocation/crl/index.js';

export interface BoundCrls {
  readonly crls: readonly VerifiedCrl[];
  /** Why CRLs naming this issuer were refused (bad signature, unknown critical extension…). */
  readonly refusals: readonly GatewayError[];
}

interface RawCrl {
  readonly der: Uint8Array;
  /** undefined when even the header does not parse: such a CRL binds to nobody. */
  readonly issuer: Name | undefined;
}

/** Reads only CertificateList.tbsCertList.issuer, so unrelated CRLs are never scanned. */
function peekIssuer(der: Uint8Array): Name | undefined {
  try {
    const outer = readTlv(der, 0);
    const tbs = readTlv(der, outer.valueStart, outer.end);
    const c = cursor(der, tbs, 'TBSCertList');
    c.optional(TAG.INTEGER);
    c.next(TAG.SEQUENCE);
    return parseName(der, c.next(TAG.SEQUENCE));
  } catch {
    return undefined;
  }
}

function signersOf(issuer: PathIssuer): readonly Certificate[] {
  return issuer.sameCa.length ? issuer.sameCa : [issuer.certificate];
}

const certKeys = new WeakMap<Certificate, string>();
function certKey(c: Certificate): string {
  let k = certKeys.get(c);
  if (k === undefined) {
    k = Buffer.from(c.sha256()).toString('hex');
    certKeys.set(c, k);
  }
  return k;
}

export class CrlStore {
  private readonly raw: RawCrl[];
  private readonly byIssuerKey = new Map<string, Promise<BoundCrls>>();
  /** Settled bindings, so the hot path needs no promise once a CA's CRLs are loaded. */
  private readonly settled = new Map<string, BoundCrls>();

  constructor(
    crls: readonly Uint8Array[],
    private readonly clock: Clock,
    private readonly graceMs: number,
  ) {
    this.raw = crls.map((der) => ({ der, issuer: peekIssuer(der) }));
  }

  get size(): number {
    return this.raw.length;
  }

  /**
   * CRLs for certificates issued by `issuer`. Besides the issuing certificate, the same CA's
   * other validated certificates in the path (key rollover, RFC 5280 §6.3.3 (f)) may sign them.
   */
  forIssuer(issuer: PathIssuer): Promise<BoundCrls> {
    const signers = signersOf(issuer);
    const key = signers.map(certKey).join(':');
    let hit = this.byIssuerKey.get(key);
    if (!hit) {
      hit = this.bind(issuer.subject, signers);
      if (this.byIssuerKey.size >= 1024) {
        this.byIssuerKey.clear();
        this.settled.clear();
      }
      this.byIssuerKey.set(key, hit);
      void hit.then((b) => this.settled.set(key, b));
    }
    return hit;
  }

  /** The binding for `issuer` if it has already settled, else undefined (call forIssuer). */
  cached(issuer: PathIssuer): BoundCrls | undefined {
    return this.settled.get(signersOf(issuer).map(certKey).join(':'));
  }

  private async bind(subject: Name, signers: readonly Certificate[]): Promise<BoundCrls> {
    const crls: VerifiedCrl[] = [];
    const refusals: GatewayError[] = [];
    for (const r of this.raw) {
      if (!r.issuer || !namesEqual(r.issuer, subject)) continue;
      try {
        crls.push(
          await ingestCrl(r.der, {
            issuers: signers,
            clock: this.clock,
            maxAgeGraceMs: this.graceMs,
            // Freshness is judged per validation against its own time (see check-revocation.ts).
            checkFreshness: false,
          }),
        );
      } catch (e) {
        if (!isGatewayError(e)) throw e;
        refusals.push(e);
      }
    }
    return { crls, refusals };
  }
}
