/**
 * The rules a verified CRL (ingestCrl already checked issuer name and key, signature,
 * freshness and critical extensions) must also pass before it replaces a partition's index.
 * One rule per function, each citing its source (architecture.md, house style 4).
 */
import { GatewayError } from '../../errors.js';
import { parseNameDer } from '../../pki/name.js';
import type { CrlScope } from '../crl/index.js';
import { partitionOfName, type CrlPartition } from './partition-of-name.js';

/** What a partition holds now, as far as ordering goes. */
export interface CrlOrder {
  readonly crlNumber: bigint | undefined;
  readonly thisUpdate: Date;
}

export type Progress = 'newer' | 'same';

/**
 * RFC 5280 §5.2.3: the CRL number increases monotonically for a given scope, so a lower one
 * is an older (or replayed) CRL; without numbers, §5.1.2.4 thisUpdate orders them. An equal
 * number with another thisUpdate is not a newer CRL either. A mirror serving yesterday's file
 * must never roll a partition back to it.
 */
export function checkCrlNotRegressed(current: CrlOrder | undefined, next: CrlOrder): Progress {
  if (!current) return 'newer';
  const t0 = current.thisUpdate.getTime();
  const t1 = next.thisUpdate.getTime();
  if (current.crlNumber !== undefined && next.crlNumber !== undefined) {
    if (next.crlNumber > current.crlNumber && t1 >= t0) return 'newer';
    if (next.crlNumber === current.crlNumber && t1 === t0) return 'same';
    throw new GatewayError(
      'ERR_CRL_NUMBER_REGRESSED',
      `CRL number ${next.crlNumber} (thisUpdate ${next.thisUpdate.toISOString()}) after ${current.crlNumber} (${current.thisUpdate.toISOString()})`,
    );
  }
  if (current.crlNumber !== undefined && next.crlNumber === undefined) {
    throw new GatewayError('ERR_CRL_NUMBER_REGRESSED', 'CRL without a CRL number replaces a numbered one');
  }
  if (t1 > t0) return 'newer';
  if (t1 === t0) return 'same';
  throw new GatewayError('ERR_CRL_NUMBER_REGRESSED', `thisUpdate ${next.thisUpdate.toISOString()} is older`);
}

/**
 * RFC 5280 §5.2.5, §6.3.3 (b)(2): a CRL with an issuingDistributionPoint covers only the
 * distribution point it names, so a file filed under the wrong municipality is refused here
 * (the exact name match per certificate happens at lookup). A CRL without one covers every
 * certificate of its issuer and may serve any partition.
 */
export function checkCrlCoversPartition(idp: CrlScope | undefined, partition: CrlPartition): void {
  if (!idp) return;
  if (idp.onlyContainsCACerts) {
    throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', 'CRL covers CA certificates only (a partition holds leaves)');
  }
  const named = idp.directoryNames.flatMap((der) => {
    try {
      return [partitionOfName(parseNameDer(der)).id];
    } catch {
      return [];
    }
  });
  if (idp.directoryNames.length === 0 && idp.uris.length === 0) return;
  if (!named.includes(partition.id)) {
    throw new GatewayError(
      'ERR_CRL_UNSUPPORTED_SCOPE',
      `CRL issuingDistributionPoint names ${named.join(', ') || 'another partition'}, not ${partition.id}`,
    );
  }
}
