/**
 * Domain events of CRL refresh. The API turns `crl.revocations` into `certificate.revoked`
 * webhooks for monitored certificates; (partition, crlNumber, thisUpdate) identifies an update,
 * so an outbox can drop the duplicate when two replicas both fetched it (Redis was down).
 */
import type { ReasonName } from '../crl/index.js';

export interface RevokedSerial {
  /** Lower-case hex of the serialNumber INTEGER content octets, as Certificate.serialHex prints it. */
  readonly serial: string;
  readonly reason: ReasonName;
  readonly revokedAt: Date;
  readonly invalidityDate?: Date;
}

export interface CrlRevocationsEvent {
  readonly type: 'crl.revocations';
  readonly partition: string;
  readonly crlNumber: bigint | undefined;
  readonly thisUpdate: Date;
  readonly previousCrlNumber: bigint | undefined;
  readonly previousThisUpdate: Date;
  /** Serials listed by the new CRL and not by the previous one, in index order. */
  readonly serials: readonly RevokedSerial[];
}

export type CrlEvent = CrlRevocationsEvent;
