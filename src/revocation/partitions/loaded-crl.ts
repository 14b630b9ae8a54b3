/** What a partition serves from: one verified CRL's index and the facts that bound it. */
import { createHash } from 'node:crypto';
import type { CrlIndex, CrlIssuerKey, CrlScope } from '../crl/index.js';
import type { CrlValidators } from '../sources/types.js';

/** The provenance and validity window every answer carries. */
export interface CrlWatermark {
  readonly partition: string;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly crlNumber: bigint | undefined;
  /** Path or URL the CRL was fetched from (by this replica or the one that published it). */
  readonly source: string;
  readonly fetchedAt: Date;
  readonly entries: number;
  /** 'source': this replica fetched and verified it; 'snapshot': loaded from another replica. */
  readonly via: 'source' | 'snapshot';
}

export interface LoadedCrl {
  readonly watermark: CrlWatermark;
  readonly index: CrlIndex;
  readonly issuerNameDer: Uint8Array;
  /** The trust-anchor key that verified the CRL signature, and its sha256(SPKI) hex. */
  readonly signer: CrlIssuerKey;
  readonly signerKeyHash: string;
  readonly idp: CrlScope | undefined;
  /** Conditional-request validators of this CRL at its source. */
  readonly validators: CrlValidators | undefined;
}

const spkiHashes = new WeakMap<object, string>();

/** sha256(SubjectPublicKeyInfo DER) hex of a CA key, cached per KeyObject. */
export function keyHashOf(key: CrlIssuerKey): string {
  let h = spkiHashes.get(key.publicKey);
  if (h === undefined) {
    const spki = key.publicKey.export({ type: 'spki', format: 'der' });
    h = createHash('sha256').update(spki).digest('hex');
    spkiHashes.set(key.publicKey, h);
  }
  return h;
}
