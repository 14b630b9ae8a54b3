/**
 * CRL material from the CRL manager's sources (drop directory, HTTP mirror): the partition of
 * the certificate is fetched (unconditionally) and kept only if it is the CRL the report names
 * — same issuer, number and thisUpdate. If the source moved on to a newer CRL in the meantime
 * the record says crlMaterial 'unavailable' instead of archiving the wrong one. Recent CRLs are
 * cached (bounded by bytes) so a burst of sessions fetches each CRL once.
 */
import { readFile } from 'node:fs/promises';
import { parseCertificate } from '../pki/certificate.js';
import { createPartitionResolver } from '../revocation/partitions/resolve-partition.js';
import type { CrlPartition } from '../revocation/partitions/partition-of-name.js';
import type { CrlSource } from '../revocation/sources/types.js';
import type { CrlMaterial } from './crl-material.js';
import { createCrlListMaterial } from './crl-material.js';

export interface SourceCrlMaterialOptions {
  readonly sources: readonly CrlSource[];
  /** Bytes of recent CRLs kept in memory (default 64 MiB). */
  readonly cacheBytes?: number;
}

export function createSourceCrlMaterial(o: SourceCrlMaterialOptions): CrlMaterial {
  const resolver = createPartitionResolver();
  const cacheBytes = o.cacheBytes ?? 64 * 1024 * 1024;
  const cache = new Map<string, Uint8Array>(); // key: partition|crlNumber|thisUpdate, oldest first
  let held = 0;
  const remember = (key: string, der: Uint8Array): void => {
    if (der.byteLength > cacheBytes) return;
    cache.set(key, der);
    held += der.byteLength;
    for (const [k, v] of cache) {
      if (held <= cacheBytes) break;
      cache.delete(k);
      held -= v.byteLength;
    }
  };
  return {
    async find(q) {
      if (!q.certificate) return [];
      let partition: CrlPartition;
      try {
        partition = resolver.resolve(parseCertificate(q.certificate)).partition;
      } catch {
        return [];
      }
      const key = `${partition.id}|${q.crlNumber ?? ''}|${q.thisUpdate}`;
      const cached = cache.get(key);
      if (cached) return [cached];
      for (const source of o.sources) {
        const f = await source.fetch(partition, undefined);
        if (f.status !== 'fetched') continue;
        try {
          const der = typeof f.input === 'string' ? new Uint8Array(await readFile(f.input)) : f.input;
          const found = await createCrlListMaterial(() => [der]).find(q);
          if (found.length) {
            remember(key, der);
            return found;
          }
        } finally {
          await f.release();
        }
      }
      return [];
    },
  };
}
