/**
 * createPartitionResolver: certificate → CRL partition in O(1) on the verification path. The
 * certificate's cRLDistributionPoints extension bytes are the cache key, so the directoryName
 * is parsed once per distinct DP (a few thousand municipalities), never per verification.
 * Failures are cached too (bounded), and thrown as the same coded error every time.
 */
import { GatewayError } from '../../errors.js';
import type { Certificate } from '../../pki/certificate.js';
import { parseNameDer } from '../../pki/name.js';
import { OID } from '../../pki/oids.js';
import { partitionOfName, type CrlPartition } from './partition-of-name.js';

export interface ResolvedPartition {
  readonly partition: CrlPartition;
  /** The cRLDistributionPoints extension bytes as a string key (for per-CRL scope caches). */
  readonly dpKey: string;
  /** The directoryName DERs of the certificate's distribution points. */
  readonly dpNames: readonly Uint8Array[];
}

export interface PartitionResolver {
  /** Throws ERR_REVOCATION_UNAVAILABLE when the certificate names no JPKI partition. */
  resolve(cert: Certificate): ResolvedPartition;
}

const MAX_CACHED = 100_000;

export function latin1Key(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

export function createPartitionResolver(): PartitionResolver {
  const byDp = new Map<string, ResolvedPartition | GatewayError>();
  const byCert = new WeakMap<Certificate, ResolvedPartition>();
  const compute = (cert: Certificate, dpKey: string): ResolvedPartition => {
    const dpNames = (cert.crlDistributionPoints ?? []).flatMap((dp) =>
      (dp.fullName ?? []).flatMap((g) => (g.type === 'directoryName' ? [g.der] : [])),
    );
    // RFC 5280 §4.2.1.13; jpki-reference §1: one directoryName naming the municipality partition
    const partitions = new Map<string, CrlPartition>();
    for (const der of dpNames) {
      try {
        const p = partitionOfName(parseNameDer(der));
        partitions.set(p.id, p);
      } catch {
        // another DP form: not a JPKI partition, ignored
      }
    }
    if (partitions.size !== 1) {
      throw new GatewayError(
        'ERR_REVOCATION_UNAVAILABLE',
        partitions.size ? 'certificate names several CRL partitions' : 'certificate names no JPKI CRL partition',
      );
    }
    return { partition: [...partitions.values()][0]!, dpKey, dpNames };
  };
  return {
    resolve(cert) {
      const known = byCert.get(cert);
      if (known) return known;
      const ext = cert.extensions.get(OID.crlDistributionPoints);
      const dpKey = ext ? latin1Key(ext.value) : '';
      let hit = byDp.get(dpKey);
      if (hit === undefined) {
        try {
          hit = compute(cert, dpKey);
        } catch (e) {
          if (!(e instanceof GatewayError)) throw e;
          hit = e;
        }
        if (byDp.size >= MAX_CACHED) byDp.clear();
        byDp.set(dpKey, hit);
      }
      if (hit instanceof GatewayError) throw new GatewayError(hit.code, hit.detail);
      byCert.set(cert, hit);
      return hit;
    },
  };
}
