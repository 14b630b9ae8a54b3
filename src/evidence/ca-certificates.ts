/**
 * The CA certificates a deployment validates against (trust anchors, intermediates), by the
 * SHA-256 the report's chain names, so a record can carry the exact chain the verifier used.
 */
import { createHash } from 'node:crypto';

export interface CaCertificateBook {
  /** base64 DER of the certificate with this hex SHA-256, if held. */
  get(sha256: string): string | undefined;
}

export function createCaCertificateBook(ders: Iterable<Uint8Array>): CaCertificateBook {
  const bySha = new Map<string, string>();
  for (const der of ders) {
    bySha.set(createHash('sha256').update(der).digest('hex'), Buffer.from(der).toString('base64'));
  }
  return { get: (sha256) => bySha.get(sha256) };
}
