/**
 * The sandbox J-LIS OCSP responder: answers OCSPRequests for the sandbox CAs from a revocation
 * list it is given (revoke() shows in the very next answer), CA-signed (ResponderID byKey) or
 * by a delegated responder certificate (byName, certificate included), with switchable fault
 * modes for the client's fault matrix. `respond` is pure request bytes → response bytes (the
 * API mounts it at /sandbox/ocsp); transport faults live in ocsp-server.ts.
 */
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock.js';
import { GatewayError } from '../errors.js';
import { bytesEqual, toHex } from '../pki/der-values.js';
import { OID } from '../pki/oids.js';
import type { ReasonName } from '../revocation/crl/reasons.js';
import { encodeCertId } from '../revocation/ocsp/cert-id.js';
import { OCSP_OID } from '../revocation/ocsp/ocsp-oids.js';
import type { CertId } from '../revocation/ocsp/types.js';
import { subjectPublicKeyBits } from './extensions.js';
import type { SandboxIssuer } from './jpki-leaf.js';
import { createSandboxPki, type SandboxPki } from './jpki-pki.js';
import { type SandboxOcspFault } from './ocsp-faults.js';
import { memoizedResponderCertificates, type OcspResponderCertificate } from './ocsp-responder-certificate.js';
import { readOcspRequest } from './ocsp-request-reader.js';
import {
  OCSP_RESPONSE_STATUS,
  buildOcspErrorResponse,
  buildOcspResponse,
  type SandboxCertStatus,
  type SingleResponseSpec,
} from './ocsp-response-builder.js';

export interface SandboxRevocation {
  readonly revokedAt: Date;
  readonly reason: ReasonName;
}

export interface SandboxOcspResponderOptions {
  readonly clock?: Clock;
  /** The CAs it answers for; default: every root of `pki`. */
  readonly issuers?: readonly SandboxIssuer[];
  /** Default: the default-seed sandbox J-LIS. */
  readonly pki?: SandboxPki;
  /** 'ca': signed by the issuing CA; 'delegated' (default): by a responder certificate it issued. */
  readonly signer?: 'ca' | 'delegated';
  /** nextUpdate − thisUpdate. Default 1 h. */
  readonly validityMs?: number;
  /** A shared revocation list (e.g. the one the sandbox CRLs are made from), asked after revoke()'s. */
  readonly revocationOf?: (issuerKeyId: Uint8Array, serial: Uint8Array) => SandboxRevocation | undefined;
  readonly fault?: SandboxOcspFault;
}

export interface SandboxOcspResponder {
  respond(requestDer: Uint8Array): Uint8Array;
  readonly fault: SandboxOcspFault;
  setFault(mode: SandboxOcspFault): void;
  /** Revokes `serial` (of `issuer`, or of any CA when omitted) from the next answer on. */
  revoke(serial: bigint | number | string | Uint8Array, reason: ReasonName, at: Date, issuer?: SandboxIssuer): void;
  /** The delegated responder certificate for `issuer` (what 'delegated' answers are signed with). */
  responderCertificate(issuer: SandboxIssuer): OcspResponderCertificate;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HASHES: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256' };

/** Serial → lowercase hex without leading zero octets (one key whatever the input form). */
function serialKey(serial: bigint | number | string | Uint8Array): string {
  let hex =
    serial instanceof Uint8Array
      ? toHex(serial)
      : typeof serial === 'string'
        ? serial.toLowerCase()
        : BigInt(serial).toString(16);
  if (!/^[0-9a-f]+$/.test(hex)) throw new TypeError(`serial must be hex: ${String(serial)}`);
  if (hex.length % 2) hex = `0${hex}`;
  while (hex.length > 2 && hex.startsWith('00')) hex = hex.slice(2);
  return hex;
}

export function createSandboxOcspResponder(opts: SandboxOcspResponderOptions = {}): SandboxOcspResponder {
  const clock = opts.clock ?? systemClock;
  const mode = opts.signer ?? 'delegated';
  const validityMs = opts.validityMs ?? HOUR;
  const pki = opts.pki;
  const issuers =
    opts.issuers ??
    (() => {
      const p = pki ?? createSandboxPki();
      return [...p.signingRoots, ...p.authenticationRoots];
    })();
  const hashed = issuers.map((issuer) => {
    const keyBits = subjectPublicKeyBits(issuer.publicKey);
    const h = (alg: string, d: Uint8Array): Uint8Array => new Uint8Array(createHash(alg).update(d).digest());
    return {
      issuer,
      byAlg: Object.fromEntries(
        Object.entries(HASHES).map(([o, alg]) => [o, { name: h(alg, issuer.subjectDer), key: h(alg, keyBits) }]),
      ) as Record<string, { name: Uint8Array; key: Uint8Array }>,
    };
  });
  const revoked = new Map<string, SandboxRevocation>();
  const { delegate, forged: forgedDelegate, expired: expiredDelegate } = memoizedResponderCertificates();
  let fault: SandboxOcspFault = opts.fault ?? 'none';

  if (mode === 'delegated') issuers.forEach(delegate);

  const findIssuer = (id: CertId): SandboxIssuer | undefined =>
    hashed.find((x) => {
      const h = x.byAlg[id.hashOid];
      return h && bytesEqual(h.name, id.issuerNameHash) && bytesEqual(h.key, id.issuerKeyHash);
    })?.issuer;

  const statusOf = (issuer: SandboxIssuer, serial: Uint8Array): SandboxCertStatus => {
    if (fault === 'unknown') return { kind: 'unknown' };
    const key = serialKey(serial);
    const r =
      revoked.get(`${toHex(issuer.keyId)}:${key}`) ??
      revoked.get(`*:${key}`) ??
      opts.revocationOf?.(issuer.keyId, serial);
    return r ? { kind: 'revoked', revokedAt: r.revokedAt, reason: r.reason } : { kind: 'good' };
  };

  function respond(requestDer: Uint8Array): Uint8Array {
    if (fault === 'garbage') return new TextEncoder().encode('<html>this is not an OCSP response</html>');
    if (fault === 'try-later') return buildOcspErrorResponse(OCSP_RESPONSE_STATUS.tryLater);
    let request;
    try {
      request = readOcspRequest(requestDer);
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      return buildOcspErrorResponse(OCSP_RESPONSE_STATUS.malformedRequest);
    }
    const found = request.requests.map((r) => ({ ...r, issuer: findIssuer(r.certId) }));
    const issuer = found[0]?.issuer;
    // RFC 5019 §2.2.3: a CA we do not serve gets `unauthorized`.
    if (!issuer || found.some((r) => r.issuer !== issuer))
      return buildOcspErrorResponse(OCSP_RESPONSE_STATUS.unauthorized);

    const now = clock.now().getTime();
    const thisUpdate = fault === 'stale' ? now - 2 * DAY : fault === 'future' ? now + DAY : now;
    const responses: SingleResponseSpec[] = found.map((r) => ({
      certId:
        fault === 'wrong-cert-id'
          ? encodeCertId({ ...r.certId, serial: Uint8Array.of(0x7f, ...r.certId.serial) })
          : r.certIdDer,
      status: statusOf(issuer, r.certId.serial),
      thisUpdate: new Date(thisUpdate),
      nextUpdate: new Date(thisUpdate + validityMs),
    }));
    if (fault === 'two-responses') responses.push(responses[0]!);

    let nonce = request.nonceExtnValue;
    if (nonce && fault === 'nonce-mismatch')
      nonce = Uint8Array.from(nonce, (b, i) => (i === nonce!.length - 1 ? b ^ 0xff : b));
    if (fault === 'no-nonce') nonce = undefined;

    const signerCert =
      fault === 'wrong-signer'
        ? forgedDelegate(issuer)
        : fault === 'expired-responder'
          ? expiredDelegate(issuer)
          : mode === 'delegated'
            ? delegate(issuer)
            : undefined;
    return buildOcspResponse({
      responderId: signerCert ? { byName: signerCert.subjectDer } : { byKey: subjectKeyHash(issuer) },
      producedAt: new Date(now),
      responses,
      ...(nonce ? { extensions: [{ oid: OCSP_OID.nonce, critical: false, value: nonce }] } : {}),
      signerKey: signerCert ? signerCert.privateKey : issuer.privateKey,
      ...(signerCert ? { certs: [signerCert.der] } : {}),
      corruptSignature: fault === 'bad-signature',
    });
  }

  return {
    respond,
    get fault() {
      return fault;
    },
    setFault(mode) {
      // Make the fault's certificates now (key derivation is slow once), not inside a timed request.
      if (mode === 'wrong-signer') issuers.forEach(forgedDelegate);
      if (mode === 'expired-responder') issuers.forEach(expiredDelegate);
      fault = mode;
    },
    revoke(serial, reason, at, issuer) {
      revoked.set(`${issuer ? toHex(issuer.keyId) : '*'}:${serialKey(serial)}`, { revokedAt: at, reason });
    },
    responderCertificate: delegate,
  };
}

/** ResponderID byKey: SHA-1 of the CA's subjectPublicKey (RFC 6960 §4.2.1). */
function subjectKeyHash(issuer: SandboxIssuer): Uint8Array {
  return new Uint8Array(createHash('sha1').update(subjectPublicKeyBits(issuer.publicKey)).digest());
}
