/**
 * 現況確認 monitors: a tenant asks to learn when a stored certificate is revoked (the customer
 * moved, changed name or died — jpki-reference §5). A monitor holds identifiers only: the
 * certificate's SHA-256, serial, issuer and CRL partition, never the identity in it.
 */
export const MONITOR_ID = /^mon_[A-Za-z0-9]{22}$/;

export interface MonitorRevocation {
  readonly reason: string;
  readonly reasonMeaning: string;
  readonly revokedAt: string;
  /** When the gateway learned it (the CRL refresh). */
  readonly detectedAt: string;
  readonly crlNumber?: string;
}

export interface Monitor {
  readonly id: string;
  readonly tenantId: string;
  readonly createdAt: string;
  readonly webhookUrl: string;
  readonly reference?: string;
  /** When created for a completed session. */
  readonly sessionId?: string;
  readonly certificate: {
    readonly sha256: string;
    /** Lower-case hex, as CRL events name serials. */
    readonly serialNumber: string;
    readonly issuer: string;
    readonly notAfter: string;
  };
  /** The JPKI CRL partition (`purpose/prefecture/municipality`) whose updates can revoke it. */
  readonly partition: string;
  readonly status: 'active' | 'revoked';
  readonly revocation?: MonitorRevocation;
}

export interface MonitorStore {
  insert(m: Monitor): Promise<void>;
  get(tenantId: string, id: string): Promise<Monitor | undefined>;
  /** Newest first. */
  list(tenantId: string, limit: number): Promise<Monitor[]>;
  delete(tenantId: string, id: string): Promise<boolean>;
  /** Every tenant's monitors of this certificate serial in this partition. */
  find(partition: string, serialHex: string): Promise<Monitor[]>;
  /** Records the revocation once: true for the call that did, false if it was already recorded (or gone). */
  markRevoked(tenantId: string, id: string, revocation: MonitorRevocation): Promise<boolean>;
}
