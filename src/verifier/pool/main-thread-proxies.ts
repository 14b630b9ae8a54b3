/**
 * The worker's stand-ins for what stays on the main thread: the CRL manager (one set of CRL
 * indexes per process, however many workers) and the OCSP checker (one answer cache and one
 * in-flight de-duplication per process: J-LIS charges per OCSP query). Each question is one
 * round trip; the main thread answers from the real objects.
 *
 * The CRL proxy's `peek` never answers, so the verifier always takes the asynchronous `lookup`
 * path — the manager's own contract for "not known yet".
 */
import type { MessagePort } from 'node:worker_threads';
import type { Certificate } from '../../pki/certificate.js';
import type { CrlAnswerSource, CrlLookupAnswer, CrlLookupOptions } from '../../revocation/manager/types.js';
import type { OcspChecker, OcspResult } from '../../revocation/ocsp/index.js';
import { deserializeError, ocspResultFromWire, type FromWorker, type ToWorker } from './protocol.js';

export interface MainThreadProxies {
  readonly crlManager: CrlAnswerSource;
  readonly ocsp: OcspChecker;
  /** Settles the question a main-answer message answers. */
  settle(message: Extract<ToWorker, { type: 'main-answer' }>): void;
}

type Kind = Extract<FromWorker, { type: 'main-call' }>['kind'];

export function createMainThreadProxies(port: Pick<MessagePort, 'postMessage'>, now: () => number): MainThreadProxies {
  const pending = new Map<
    number,
    { kind: Kind; serial: string; resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  let next = 1;
  const ask = (kind: Kind, cert: Certificate, issuer: Certificate, at: number, sameCa: readonly Certificate[]) => {
    const id = next++;
    const message: FromWorker = {
      type: 'main-call',
      kind,
      id,
      serial: cert.serialHex,
      cert: cert.der,
      issuer: issuer.der,
      sameCa: sameCa.map((c) => c.der),
      at,
    };
    return new Promise<unknown>((resolve, reject) => {
      pending.set(id, { kind, serial: cert.serialHex, resolve, reject });
      port.postMessage(message);
    });
  };
  return {
    crlManager: {
      peek: () => undefined,
      lookup(cert: Certificate, issuer: Certificate, opts?: CrlLookupOptions): Promise<CrlLookupAnswer> {
        const at = opts?.at === undefined ? now() : typeof opts.at === 'number' ? opts.at : opts.at.getTime();
        return ask('crl', cert, issuer, at, opts?.sameCa ?? []) as Promise<CrlLookupAnswer>;
      },
    },
    ocsp: {
      check: (cert: Certificate, issuer: Certificate, at: number): Promise<OcspResult> =>
        ask('ocsp', cert, issuer, at, []) as Promise<OcspResult>,
    },
    settle(message) {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      // Belt and braces: an answer about another certificate is never taken as this one's.
      if (message.serial !== p.serial) p.reject(new Error('answer for another certificate'));
      else if (message.value !== undefined)
        p.resolve(p.kind === 'ocsp' ? ocspResultFromWire(message.value) : message.value);
      else p.reject(deserializeError(message.error ?? { kind: 'other', message: `${p.kind} question failed` }));
    },
  };
}
