/**
 * createVerifierPool: the Verifier of contract §2, run on worker threads. Verification is pure
 * CPU (DER parsing, RSA, path building), so on one event loop it caps a gateway at one core and
 * stalls every other request — health checks included — while it runs. The pool keeps the
 * event loop for HTTP and spreads verifications over `size` workers.
 *
 * What stays on this thread: the clock (each call carries its reading) and the CRL manager
 * (workers ask it per certificate over their port, so a process holds one set of CRL indexes
 * however many workers it runs). Options are validated here once by building a verifier from
 * them, so a bad option fails at boot with the same TypeError as createVerifier.
 *
 * Failure: a worker that dies fails its in-flight calls with an Error (the HTTP layer answers
 * 500) and is replaced; calls never hang on a dead worker and never turn into a report.
 */
import { Worker } from 'node:worker_threads';
import { systemClock, type Clock } from '../../clock.js';
import { parseCertificate, type Certificate } from '../../pki/certificate.js';
import type { CrlAnswerSource } from '../../revocation/manager/types.js';
import { createVerifier } from '../create-verifier.js';
import type { Verifier } from '../types.js';
import {
  deserializeError,
  serializeError,
  type FromWorker,
  type PoolVerifierOptions,
  type ToWorker,
  type VerifierMethod,
  type WorkerData,
} from './protocol.js';

export interface VerifierPoolOptions {
  /** Worker threads (1–64). */
  readonly size: number;
  /** What each worker passes to createVerifier (the clock and CRL manager are the ones below). */
  readonly verifier?: PoolVerifierOptions;
  readonly clock?: Clock;
  /** Revocation answers for every worker (the server's refreshed CRL partitions). */
  readonly crlManager?: CrlAnswerSource;
}

export interface VerifierPoolStats {
  /** Per worker: starting, ready or dead (could not be replaced), and its calls in flight. */
  readonly workers: readonly { readonly state: 'starting' | 'ready' | 'dead'; readonly inFlight: number }[];
  /** Workers replaced after they stopped unexpectedly. */
  readonly restarts: number;
}

export interface VerifierPool extends Verifier {
  readonly size: number;
  stats(): VerifierPoolStats;
  /** Resolves once every worker has started; rejects when one cannot start. */
  ready(): Promise<void>;
  /** New options for every worker (new CRLs, say); calls made after this see them. */
  configure(options: PoolVerifierOptions): void;
  /** Stops the workers; calls still in flight fail. */
  close(): Promise<void>;
}

export const MAX_POOL_SIZE = 64;
const testHandles = new WeakMap<VerifierPool, () => readonly Worker[]>();

/** Test hook: stops worker `index` as a crash would. */
export async function terminateWorkerForTest(pool: VerifierPool, index: number): Promise<void> {
  await testHandles.get(pool)?.()[index]?.terminate();
}
const ISSUER_CACHE_LIMIT = 64;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, Pending>;
  /** starting → ready; dead when a replacement could not start either (never chosen again). */
  state: 'starting' | 'ready' | 'dead';
  /** Whether this slot's first worker ever started (boot succeeded). */
  booted: boolean;
}

/** Under the TypeScript sources (tests, tsx) the worker loads through tsx; built code runs as is. */
function spawnWorker(data: WorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./verifier-worker.ts', here).href;
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true, workerData: data });
  }
  return new Worker(new URL('./verifier-worker.js', here), { workerData: data });
}

/** Typed-array views are sent as exactly their bytes, never as the whole buffer behind them. */
function compact(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const fit = (v: unknown): unknown =>
    v instanceof Uint8Array && (v.byteOffset !== 0 || v.byteLength !== v.buffer.byteLength) ? v.slice() : v;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) out[k] = Array.isArray(v) ? v.map(fit) : fit(v);
  return out;
}

export function createVerifierPool(options: VerifierPoolOptions): VerifierPool {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new TypeError(`createVerifierPool: size must be an integer from 1 to ${MAX_POOL_SIZE}`);
  }
  const clock = options.clock ?? systemClock;
  const manager = options.crlManager;
  let current: PoolVerifierOptions = options.verifier ?? {};
  createVerifier(current); // validates the options once, here, with createVerifier's own errors

  let nextId = 1;
  let closing = false;
  let restarts = 0;
  const slots: Slot[] = [];
  const issuers = new Map<string, Certificate>();

  const issuerCert = (der: Uint8Array): Certificate => {
    const key = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
    let c = issuers.get(key);
    if (!c) {
      c = parseCertificate(der);
      if (issuers.size >= ISSUER_CACHE_LIMIT) issuers.delete(issuers.keys().next().value!);
      issuers.set(key, c);
    }
    return c;
  };

  const answerLookup = (slot: Slot, m: Extract<FromWorker, { type: 'crl-lookup' }>): void => {
    const reply = (r: Omit<Extract<ToWorker, { type: 'crl-answer' }>, 'type' | 'id'>): void => {
      slot.worker.postMessage({ type: 'crl-answer', id: m.id, ...r } satisfies ToWorker);
    };
    if (!manager) return reply({ error: { kind: 'other', message: 'no CRL manager in this pool' } });
    try {
      // The worker parsed and validated these already; parsing again here only rebuilds the objects.
      const cert = parseCertificate(m.cert);
      const issuer = issuerCert(m.issuer);
      const opts = { at: m.at, sameCa: m.sameCa.map(issuerCert) };
      const answer = manager.peek(cert, issuer, opts);
      if (answer) return reply({ answer });
      manager.lookup(cert, issuer, opts).then(
        (a) => reply({ answer: a }),
        (e: unknown) => reply({ error: serializeError(e) }),
      );
    } catch (e) {
      reply({ error: serializeError(e) });
    }
  };

  let startup: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const started = new Promise<void>((resolve, reject) => (startup = { resolve, reject }));
  started.catch(() => {}); // observed through ready()

  const attach = (slot: Slot): void => {
    const w = slot.worker;
    w.unref(); // referenced only while it has calls in flight (see call())
    w.on('message', (m: FromWorker) => {
      if (m.type === 'result') {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (slot.pending.size === 0) w.unref();
        if (m.error) p.reject(deserializeError(m.error));
        else p.resolve(m.value);
      } else if (m.type === 'crl-lookup') {
        answerLookup(slot, m);
      } else if (m.type === 'ready') {
        slot.state = 'ready';
        slot.booted = true;
        if (slots.every((s) => s.booted)) startup?.resolve();
      }
    });
    w.on('error', () => {}); // the exit below handles it
    w.on('exit', () => {
      if (slot.worker !== w) return;
      for (const p of slot.pending.values()) p.reject(new Error('verifier worker stopped'));
      slot.pending.clear();
      if (closing) return;
      if (slot.state === 'starting') {
        // It never started: retrying would loop. The slot is out; boot fails if it was the first.
        slot.state = 'dead';
        if (!slot.booted) startup?.reject(new Error('a verifier worker could not start'));
        return;
      }
      // Replace it at once, so no call is ever routed to a dead worker.
      slot.state = 'starting';
      restarts++;
      slot.worker = spawnWorker({ options: current, crlManager: manager !== undefined, now: clock.now().getTime() });
      attach(slot);
    });
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot = {
      worker: spawnWorker({ options: current, crlManager: manager !== undefined, now: clock.now().getTime() }),
      pending: new Map(),
      state: 'starting',
      booted: false,
    };
    slots.push(slot);
    attach(slot);
  }

  const call = (method: VerifierMethod, input: unknown): Promise<never> => {
    if (closing) return Promise.reject(new Error('verifier pool is closed'));
    // Least outstanding calls first, among workers that are running or starting.
    let slot: Slot | undefined;
    for (const s of slots) if (s.state !== 'dead' && (!slot || s.pending.size < slot.pending.size)) slot = s;
    if (!slot) return Promise.reject(new Error('no verifier worker is running'));
    const chosen = slot;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const message: ToWorker = { type: 'call', id, method, input: compact(input), now: clock.now().getTime() };
      try {
        chosen.worker.postMessage(message);
      } catch (e) {
        // Not structured-cloneable: a caller bug, like any other malformed input object.
        reject(new TypeError(`${method}: input cannot be sent to a worker (${(e as Error).message})`));
        return;
      }
      if (chosen.pending.size === 0) chosen.worker.ref();
      chosen.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
  };

  const impl: VerifierPool = {
    size,
    ready: () => started,
    stats: () => ({ workers: slots.map((s) => ({ state: s.state, inFlight: s.pending.size })), restarts }),
    configure(next: PoolVerifierOptions): void {
      createVerifier(next);
      current = next;
      for (const s of slots) s.worker.postMessage({ type: 'configure', options: next } satisfies ToWorker);
    },
    verifySignature: (input) => call('verifySignature', input),
    verifyCertificate: (input) => call('verifyCertificate', input),
    verifyCardData: (input) => call('verifyCardData', input),
    async close(): Promise<void> {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
  const pool = Object.freeze(impl);
  testHandles.set(pool, () => slots.map((s) => s.worker));
  return pool;
}
