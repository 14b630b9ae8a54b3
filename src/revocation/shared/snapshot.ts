/**
 * A partition's verified CRL as a shareable snapshot, and back. The body is CrlIndex.serialize()
 * (8 bytes per 4-byte serial); the metadata carries the watermark, the CRL number and the hash
 * of the trust-anchor key that verified the CRL. Loading trusts nothing in the snapshot: the
 * digest (HMAC when a snapshot key is configured) must match, the signer must be one of this
 * deployment's CRL issuers, the partition and scope must agree, and the index decoder re-checks
 * every invariant a lookup relies on.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { GatewayError } from '../../errors.js';
import { namesEqual, parseNameDer } from '../../pki/name.js';
import { CrlIndex, type CrlIssuerKey, type CrlScope } from '../crl/index.js';
import { checkCrlCoversPartition } from '../partitions/crl-update-checks.js';
import type { LoadedCrl } from '../partitions/loaded-crl.js';
import { parsePartitionId } from '../partitions/partition-of-name.js';
import type { Snapshot, SnapshotMeta } from './types.js';

const b64 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const invalid = (why: string): GatewayError => new GatewayError('ERR_CRL_SNAPSHOT_INVALID', why);

function digestOf(body: Uint8Array, key: Uint8Array | undefined): string {
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(body).digest('hex');
}

export function toSnapshot(crl: LoadedCrl, key?: Uint8Array): Snapshot {
  const w = crl.watermark;
  const body = crl.index.serialize();
  const idp = crl.idp;
  const meta: SnapshotMeta = {
    format: 1,
    partition: w.partition,
    version: `${w.crlNumber ?? 'n'}-${randomBytes(6).toString('hex')}`,
    crlNumber: w.crlNumber === undefined ? null : w.crlNumber.toString(),
    thisUpdate: w.thisUpdate.toISOString(),
    nextUpdate: w.nextUpdate.toISOString(),
    fetchedAt: w.fetchedAt.toISOString(),
    source: w.source,
    etag: crl.validators?.etag ?? null,
    lastModified: crl.validators?.lastModified ?? null,
    entries: crl.index.size,
    issuerNameDer: b64(crl.issuerNameDer),
    issuerKeyHash: crl.signerKeyHash,
    idp: idp
      ? {
          directoryNames: idp.directoryNames.map(b64),
          uris: [...idp.uris],
          onlyContainsUserCerts: idp.onlyContainsUserCerts,
          onlyContainsCACerts: idp.onlyContainsCACerts,
        }
      : null,
    bodyBytes: body.length,
    digestAlg: key ? 'hmac-sha256' : 'sha256',
    digest: digestOf(body, key),
  };
  return { meta, body };
}

function date(s: unknown): Date {
  const d = typeof s === 'string' ? new Date(s) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw invalid('bad date');
  return d;
}

/** Shape of untrusted metadata (from Redis): every field the loader reads. */
export function checkMetaShape(m: unknown): SnapshotMeta {
  const x = m as Partial<SnapshotMeta> | null;
  if (
    !x ||
    typeof x !== 'object' ||
    x.format !== 1 ||
    typeof x.partition !== 'string' ||
    typeof x.version !== 'string' ||
    !/^[\w-]{1,64}$/.test(x.version) ||
    (x.crlNumber !== null && (typeof x.crlNumber !== 'string' || !/^\d{1,50}$/.test(x.crlNumber))) ||
    typeof x.source !== 'string' ||
    !Number.isSafeInteger(x.entries) ||
    !Number.isSafeInteger(x.bodyBytes) ||
    (x.bodyBytes ?? -1) < 0 ||
    typeof x.issuerNameDer !== 'string' ||
    typeof x.issuerKeyHash !== 'string' ||
    (x.digestAlg !== 'sha256' && x.digestAlg !== 'hmac-sha256') ||
    typeof x.digest !== 'string'
  ) {
    throw invalid('metadata does not have the snapshot shape');
  }
  date(x.thisUpdate);
  date(x.nextUpdate);
  date(x.fetchedAt);
  return x as SnapshotMeta;
}

export interface OpenSnapshotOptions {
  readonly partition: string;
  /** This deployment's CRL issuer keys by sha256(SPKI) hex. */
  readonly signers: ReadonlyMap<string, CrlIssuerKey>;
  readonly key?: Uint8Array | undefined;
}

export function fromSnapshot(s: Snapshot, o: OpenSnapshotOptions): LoadedCrl {
  const m = checkMetaShape(s.meta);
  if (m.partition !== o.partition) throw invalid(`snapshot of ${m.partition}, expected ${o.partition}`);
  if (s.body.length !== m.bodyBytes) throw invalid('body length');
  if (o.key && m.digestAlg !== 'hmac-sha256') throw invalid('unauthenticated snapshot while a snapshot key is set');
  if (m.digestAlg === 'hmac-sha256' && !o.key) throw invalid('authenticated snapshot but no snapshot key set');
  const want = Buffer.from(digestOf(s.body, o.key), 'hex');
  const got = Buffer.from(m.digest, 'hex');
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw invalid('digest mismatch');
  const signer = o.signers.get(m.issuerKeyHash);
  if (!signer) throw invalid('CRL verified by a key this deployment does not trust');
  const issuerNameDer = unb64(m.issuerNameDer);
  let index: CrlIndex;
  try {
    if (!namesEqual(parseNameDer(issuerNameDer), parseNameDer(signer.subjectDer))) throw invalid('issuer name');
    index = CrlIndex.deserialize(s.body);
  } catch (e) {
    if (e instanceof GatewayError && e.code === 'ERR_CRL_SNAPSHOT_INVALID') throw e;
    throw invalid(e instanceof GatewayError ? `${e.code}: ${e.detail ?? ''}` : String(e));
  }
  if (index.size !== m.entries) throw invalid('entry count');
  const idp: CrlScope | undefined = m.idp
    ? {
        directoryNames: m.idp.directoryNames.map(unb64),
        uris: [...m.idp.uris],
        onlyContainsUserCerts: !!m.idp.onlyContainsUserCerts,
        onlyContainsCACerts: !!m.idp.onlyContainsCACerts,
      }
    : undefined;
  try {
    checkCrlCoversPartition(idp, parsePartitionId(m.partition));
  } catch (e) {
    throw invalid(`scope: ${e instanceof GatewayError ? (e.detail ?? e.code) : String(e)}`);
  }
  return {
    watermark: {
      partition: m.partition,
      thisUpdate: date(m.thisUpdate),
      nextUpdate: date(m.nextUpdate),
      crlNumber: m.crlNumber === null ? undefined : BigInt(m.crlNumber),
      source: m.source,
      fetchedAt: date(m.fetchedAt),
      entries: m.entries,
      via: 'snapshot',
    },
    index,
    issuerNameDer,
    signer,
    signerKeyHash: m.issuerKeyHash,
    idp,
    validators: { etag: m.etag ?? undefined, lastModified: m.lastModified ?? undefined },
  };
}
