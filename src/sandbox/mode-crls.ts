/**
 * The sandbox's current CRLs, one per (purpose, municipality) partition like J-LIS's: issued by
 * the current sandbox root of the purpose with the partition's issuingDistributionPoint,
 * reissued (next crlNumber) on every revocation and when an hour from nextUpdate, so a
 * long-running sandbox never serves a stale CRL. Sandbox mode only.
 */
import type { Clock } from '../clock.js';
import type { ReasonName } from '../revocation/crl/reasons.js';
import { createCrl, type CrlEntryInput } from './crl.js';
import { crlDistributionPointName, type JpkiPurpose } from './jpki-names.js';
import type { SandboxPki } from './jpki-pki.js';

const HOUR = 3_600_000;

export interface SandboxCrlInfo {
  readonly name: string;
  readonly purpose: JpkiPurpose;
  readonly der: Uint8Array;
  readonly crlNumber: bigint;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  readonly entries: number;
}

interface Partition {
  readonly purpose: JpkiPurpose;
  readonly prefecture: string;
  readonly municipality: string;
  readonly entries: CrlEntryInput[];
  crlNumber: bigint;
  current?: SandboxCrlInfo;
}

export interface SandboxCrlBook {
  /** Partition name of a certificate's CRL DP, e.g. signing-Tokyo-to-Chiyoda-ku.crl */
  partitionName(purpose: JpkiPurpose, prefecture: string, municipality: string): string;
  /** Adds an entry and reissues; returns the new CRL. */
  revoke(
    purpose: JpkiPurpose,
    prefecture: string,
    municipality: string,
    entry: { serial: bigint; reason: ReasonName; revokedAt: Date },
  ): SandboxCrlInfo;
  /** Current CRLs (reissued first when due). */
  list(): readonly SandboxCrlInfo[];
  get(name: string): SandboxCrlInfo | undefined;
  isRevoked(name: string, serial: bigint): boolean;
  /** The entry for a certificate of the CA with this key id (the OCSP responder asks). */
  revocationOf(issuerKeyId: Uint8Array, serial: bigint): { revokedAt: Date; reason: ReasonName } | undefined;
  /** Bumps whenever any CRL was (re)issued: the verifier rebuilds on change. */
  readonly version: number;
}

export function createSandboxCrlBook(pki: SandboxPki, clock: Clock): SandboxCrlBook {
  const partitions = new Map<string, Partition>();
  let version = 0;
  const nameOf = (purpose: JpkiPurpose, prefecture: string, municipality: string): string =>
    `${purpose}-${prefecture}-${municipality}.crl`.replace(/[^A-Za-z0-9._-]/g, '_');

  const issue = (name: string, p: Partition): SandboxCrlInfo => {
    const root = pki.root(p.purpose);
    const now = clock.now().getTime();
    p.crlNumber += 1n;
    const thisUpdate = new Date(now - HOUR);
    const nextUpdate = new Date(now + 24 * HOUR);
    const der = createCrl({
      issuerNameDer: root.subjectDer,
      issuerPrivateKey: root.privateKey,
      issuerKeyId: root.keyId,
      thisUpdate,
      nextUpdate,
      crlNumber: p.crlNumber,
      idpDirectoryNameDer: crlDistributionPointName(p.purpose, p.prefecture, p.municipality),
      entries: p.entries,
    });
    p.current = {
      name,
      purpose: p.purpose,
      der,
      crlNumber: p.crlNumber,
      thisUpdate,
      nextUpdate,
      entries: p.entries.length,
    };
    version++;
    return p.current;
  };

  const partition = (purpose: JpkiPurpose, prefecture: string, municipality: string): [string, Partition] => {
    const name = nameOf(purpose, prefecture, municipality);
    let p = partitions.get(name);
    if (!p) {
      p = { purpose, prefecture, municipality, entries: [], crlNumber: 0n };
      partitions.set(name, p);
      issue(name, p);
    }
    return [name, p];
  };

  const fresh = (name: string, p: Partition): SandboxCrlInfo => {
    const due = !p.current || p.current.nextUpdate.getTime() - HOUR <= clock.now().getTime();
    return due ? issue(name, p) : p.current!;
  };

  // The default sandbox card's partitions exist from the start.
  for (const purpose of ['signing', 'authentication'] as const) partition(purpose, 'Tokyo-to', 'Chiyoda-ku');

  return {
    partitionName: nameOf,
    revoke(purpose, prefecture, municipality, entry) {
      const [name, p] = partition(purpose, prefecture, municipality);
      p.entries.push({ serial: entry.serial, reason: entry.reason, revokedAt: entry.revokedAt });
      return issue(name, p);
    },
    list: () => [...partitions].map(([name, p]) => fresh(name, p)),
    revocationOf(issuerKeyId, serial) {
      for (const p of partitions.values()) {
        if (!Buffer.from(pki.root(p.purpose).keyId).equals(Buffer.from(issuerKeyId))) continue;
        const e = p.entries.find((x) => x.serial === serial);
        if (e) return { revokedAt: e.revokedAt, reason: e.reason ?? 'unspecified' };
      }
      return undefined;
    },
    isRevoked: (name, serial) => partitions.get(name)?.entries.some((e) => e.serial === serial) ?? false,
    get(name) {
      const p = partitions.get(name);
      return p ? fresh(name, p) : undefined;
    },
    get version() {
      return version;
    },
  };
}
