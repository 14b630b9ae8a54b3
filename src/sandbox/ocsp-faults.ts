/**
 * Fault modes of the sandbox OCSP responder, each with the client error it must cause
 * (the fault matrix of issue 4). Transport faults are played by ocsp-server.ts; content
 * faults by respond() itself, so they also show when the API mounts it.
 */
export const SANDBOX_OCSP_FAULTS = [
  'none',
  // transport (ocsp-server.ts)
  'slow', // answers after slowMs: the client's timeout fires
  'down', // connection reset on accept
  'http-500',
  'redirect', // 302 to another responder
  'oversized', // a 200 with a body streamed past any sane cap, no content-length
  'wrong-content-type',
  // content (respond)
  'garbage',
  'try-later', // responseStatus tryLater (3)
  'stale', // thisUpdate 2 days ago, so nextUpdate (+ validity) has passed too
  'future', // thisUpdate tomorrow
  'unknown', // certStatus unknown
  'wrong-signer', // a forged delegate: responder certificate not signed by the CA
  'expired-responder', // a real delegate, expired
  'bad-signature', // one bit of the signature flipped
  'nonce-mismatch',
  'no-nonce',
  'wrong-cert-id', // answers for another serial
  'two-responses',
] as const;

export type SandboxOcspFault = (typeof SANDBOX_OCSP_FAULTS)[number];

export const TRANSPORT_FAULTS: ReadonlySet<SandboxOcspFault> = new Set([
  'slow',
  'down',
  'http-500',
  'redirect',
  'oversized',
  'wrong-content-type',
]);
