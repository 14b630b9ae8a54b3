/**
 * The CRL bytes behind a report's revocation facts. The verifier reports only the CRL's
 * number and thisUpdate; an offline re-verification needs the CRL itself, so when a session
 * completes the evidence writer asks this port for the CRLs of the certificate's issuer with
 * exactly those facts and archives them. Adapters: a list of CRL DERs (sandbox mode, static
 * `crls` of createVerifier) here; the CRL manager's sources can implement the same port.
 */
import { bytesEqual } from '../pki/der-values.js';
import { peekCrlHeader } from './peek-crl-header.js';

export interface CrlMaterialQuery {
  /** DER of the certificate's issuer Name. */
  readonly issuerDer: Uint8Array;
  readonly crlNumber: string | undefined;
  readonly thisUpdate: string;
  /** DER of the certificate whose revocation the CRL answered (adapters find its partition). */
  readonly certificate?: Uint8Array;
}

export interface CrlMaterial {
  /** Every held CRL with this issuer, number and thisUpdate (partitions may share them). */
  find(query: CrlMaterialQuery): Promise<readonly Uint8Array[]>;
}

/** CRLs from a list the deployment holds (re-read on every call: sandbox CRLs are reissued). */
export function createCrlListMaterial(list: () => readonly Uint8Array[] | Promise<readonly Uint8Array[]>): CrlMaterial {
  return {
    async find(q) {
      const out: Uint8Array[] = [];
      for (const der of await list()) {
        let h;
        try {
          h = peekCrlHeader(der);
        } catch {
          continue; // the verifier refused it as well
        }
        if (!bytesEqual(h.issuerDer, q.issuerDer)) continue;
        if (h.thisUpdate.toISOString() !== q.thisUpdate) continue;
        if ((h.crlNumber?.toString() ?? undefined) !== q.crlNumber) continue;
        out.push(der);
      }
      return out;
    },
  };
}
