/**
 * The worker's stand-in for the main thread's CRL manager: each lookup is one round trip to
 * the main thread, which answers from the real manager (one set of CRL indexes per process,
 * however many workers). `peek` never answers here, so the verifier always takes the
 * asynchronous `lookup` path — which is exactly the manager's contract for "not known yet".
 */
import type { MessagePort } from 'node:worker_threads';
import type { Certificate } from '../../pki/certificate.js';
import type { CrlAnswerSource, CrlLookupAnswer, CrlLookupOptions } from '../../revocation/manager/types.js';
import { deserializeError, type FromWorker, type ToWorker } from './protocol.js';

export interface CrlLookupProxy extends CrlAnswerSource {
  /** Settles the lookup a crl-answer message answers. */
  settle(message: Extract<ToWorker, { type: 'crl-answer' }>): void;
}

export function createCrlLookupProxy(port: Pick<MessagePort, 'postMessage'>, now: () => number): CrlLookupProxy {
  const pending = new Map<
    number,
    { serial: string; resolve: (a: CrlLookupAnswer) => void; reject: (e: Error) => void }
  >();
  let next = 1;
  return {
    peek: () => undefined,
    lookup(cert: Certificate, issuer: Certificate, opts?: CrlLookupOptions): Promise<CrlLookupAnswer> {
      const id = next++;
      const at = opts?.at === undefined ? now() : typeof opts.at === 'number' ? opts.at : opts.at.getTime();
      const message: FromWorker = {
        type: 'crl-lookup',
        id,
        serial: cert.serialHex,
        cert: cert.der,
        issuer: issuer.der,
        sameCa: (opts?.sameCa ?? []).map((c) => c.der),
        at,
      };
      return new Promise((resolve, reject) => {
        pending.set(id, { serial: cert.serialHex, resolve, reject });
        port.postMessage(message);
      });
    },
    settle(message) {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      // Belt and braces: an answer about another certificate is never taken as this one's.
      if (message.serial !== p.serial) p.reject(new Error('CRL answer for another certificate'));
      else if (message.answer) p.resolve(message.answer);
      else p.reject(deserializeError(message.error ?? { kind: 'other', message: 'CRL lookup failed' }));
    },
  };
}
