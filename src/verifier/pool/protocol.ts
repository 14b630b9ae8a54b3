/**
 * Messages between the verifier pool (main thread) and its workers. Everything crossing the
 * boundary is structured-cloneable plain data: inputs and reports are, and errors travel as
 * { kind, code, message } so the caller sees the same classes as from an in-thread verifier
 * (TypeError for caller bugs, GatewayError with its code, Error otherwise).
 */
import { ERROR_MESSAGES, GatewayError, type ErrorCode } from '../../errors.js';
import type { OcspResult } from '../../revocation/ocsp/index.js';
import { verifiedMyNumber } from '../../identity/my-number/my-number.js';
import type { CardDataResult, VerifierOptions } from '../types.js';

/** The verifier options a worker can receive: all but the clock, CRL manager and OCSP checker, which stay here. */
export type PoolVerifierOptions = Omit<VerifierOptions, 'clock' | 'crlManager' | 'ocspChecker'>;

export type VerifierMethod = 'verifySignature' | 'verifyCertificate' | 'verifyCardData';

export interface SerializedError {
  readonly kind: 'type' | 'gateway' | 'other';
  readonly message: string;
  readonly code?: ErrorCode;
  readonly detail?: string;
}

export interface WorkerData {
  readonly options: PoolVerifierOptions;
  /** CRL answers come from the main thread's CRL manager (main-call 'crl'); OCSP always from its checker. */
  readonly crlManager: boolean;
  /** The main clock's reading when the worker was made (ms since epoch). */
  readonly now: number;
}

export type ToWorker =
  | { readonly type: 'configure'; readonly options: PoolVerifierOptions }
  | {
      readonly type: 'call';
      readonly id: number;
      readonly method: VerifierMethod;
      readonly input: unknown;
      readonly now: number;
    }
  | {
      readonly type: 'main-answer';
      readonly id: number;
      /** The serial the question was about (checked again by the worker). */
      readonly serial: string;
      /** A CrlLookupAnswer, or an OCSP result in wire form (ocspResultToWire). */
      readonly value?: unknown;
      readonly error?: SerializedError;
    };

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly value?: unknown; readonly error?: SerializedError }
  | {
      readonly type: 'main-call';
      /** crl: the CRL manager's lookup; ocsp: the OCSP checker's check. */
      readonly kind: 'crl' | 'ocsp';
      readonly id: number;
      /** serialHex of `cert`. */
      readonly serial: string;
      /** DER of the certificate, its issuer and the issuer's other validated keys. */
      readonly cert: Uint8Array;
      readonly issuer: Uint8Array;
      readonly sameCa: readonly Uint8Array[];
      readonly at: number;
    };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof GatewayError) {
    return {
      kind: 'gateway',
      code: e.code,
      message: e.message,
      ...(e.detail !== undefined ? { detail: e.detail } : {}),
    };
  }
  if (e instanceof TypeError) return { kind: 'type', message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.kind === 'gateway' && s.code !== undefined && s.code in ERROR_MESSAGES)
    return new GatewayError(s.code, s.detail);
  if (s.kind === 'type') return new TypeError(s.message);
  return new Error(s.message);
}

/**
 * The input as sent to a worker: every byte array is copied to exactly its bytes. A view's
 * buffer can be far larger than the view (Node's 8 KiB Buffer pool holds other requests'
 * bytes), and structured clone would send all of it.
 */
export function compactInput(input: unknown, depth = 0): unknown {
  if (input instanceof Uint8Array) return input.byteLength === input.buffer.byteLength ? input : new Uint8Array(input);
  if (typeof input !== 'object' || input === null || depth > 4) return input;
  if (Array.isArray(input)) return input.map((v: unknown) => compactInput(v, depth + 1));
  if (Object.getPrototypeOf(input) !== Object.prototype) return input; // Date and the like: as they are
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) out[k] = compactInput(v, depth + 1);
  return out;
}

/** A verified card-data result as it crosses threads: the digits, not the MyNumber object. */
interface CardDataWire {
  readonly status: 'verified';
  readonly myNumber: { readonly digits: string };
}

/**
 * Worker side: a result as it is posted. A MyNumber keeps its digits in a private field, which
 * structured clone drops (by design: it must never leak through a copy), so a verified card's
 * number travels as its digits inside this process and is wrapped again on the other side.
 */
export function resultToWire(method: VerifierMethod, value: unknown): unknown {
  if (method !== 'verifyCardData') return value;
  const r = value as CardDataResult;
  if (r.status !== 'verified') return r;
  return { ...r, myNumber: { digits: r.myNumber.reveal() } }; // in-process hand-over, never logged
}

/** Main side: the result as the caller gets it (a MyNumber again, as from an in-thread verifier). */
export function resultFromWire(method: VerifierMethod, value: unknown): unknown {
  if (method !== 'verifyCardData') return value;
  const r = value as CardDataResult | CardDataWire;
  if (r.status !== 'verified') return r;
  return { ...r, myNumber: verifiedMyNumber((r as CardDataWire).myNumber.digits) };
}

/** An OCSP result as it crosses threads: its GatewayError (if any) as plain data. */
export function ocspResultToWire(r: OcspResult): unknown {
  return r.status === 'error' ? { ...r, error: serializeError(r.error) } : r;
}

export function ocspResultFromWire(v: unknown): OcspResult {
  const r = v as OcspResult | { status: 'error'; error: SerializedError; url: string | undefined };
  if (r.status !== 'error') return r as OcspResult;
  const error = deserializeError(r.error as SerializedError);
  // Only a coded failure is an OCSP answer; anything else fails the call (fail closed).
  if (!(error instanceof GatewayError)) throw error;
  return { ...r, error };
}
