/**
 * createVerifierPool: the Verifier of contract §2, run on worker threads. Verification is pure
 * CPU (DER parsing, RSA, path building), so on one event loop it caps a gateway at one core and
 * stalls every other request — health checks included — while it runs. The pool keeps the
 * event loop for HTTP and spreads verifications over `size` workers.
 *
 * What stays on this thread: the clock (each call carries its reading), the CRL manager and the
 * OCSP checker (workers ask them per certificate over their port, so a process holds one set
 * of CRL indexes and one OCSP cache however many workers it runs). Options are validated here once by building a verifier from
 * them, so a bad option fails at boot with the same TypeError as createVerifier.
 *
 * Failure: a worker that dies fails its in-flight calls with an Error (the HTTP layer answers
 * 500) and is replaced; calls never hang on a dead worker and never turn into a report.
 */
import { Worker } from 'node:worker_threads';
import { systemClock, type Clock } from '../../clock.js';
import { parseCertificate, type Certificate } from '../../pki/certificate.js';
import { FifoCache, bytesKey } from '../../pki/fifo-cache.js';
import type { CrlAnswerSource } from '../../revocation/manager/types.js';
import { createVerifier } from '../create-verifier.js';
import { createVerifierOcspChecker } from '../create-verifier-ocsp-checker.js';
import type { Verifier } from '../types.js';
import { VerifierUnavailableError } from './verifier-unavailable.js';
import {
  deserializeError,
  serializeError,
  type FromWorker,
  type PoolVerifierOptions,
  type ToWorker,
  type VerifierMethod,
  type WorkerData,
  compactInput,
  ocspResultToWire,
  resultFromWire,
  type SerializedError,
} from './protocol.js';

export interface VerifierPoolOptions {
  /** Worker threads (1–64). */
  readonly size: number;
  /** What each worker passes to createVerifier (the clock and CRL manager are the ones below). */
  readonly verifier?: PoolVerifierOptions;
  readonly clock?: Clock;
  /** Revocation answers for every worker (the server's refreshed CRL partitions). */
  readonly crlManager?: CrlAnswerSource;
  /**
   * A call unanswered this long fails, and its worker — stuck, since verification is bounded —
   * is replaced. Default 60 s.
   */
  readonly callTimeoutMs?: number;
  /**
   * Calls queued or running per worker before new calls are refused (VerifierUnavailableError
   * 'busy': the HTTP layer answers 503 with Retry-After) instead of queueing without bound.
   * Default 256.
   */
  readonly maxQueuePerWorker?: number;
}

export type WorkerState = 'starting' | 'ready' | 'dead';

export interface VerifierPoolStats {
  /** Per worker: starting, ready or dead (its replacement could not start; retried with backoff), and its calls in flight. */
  readonly workers: readonly { readonly state: WorkerState; readonly inFlight: number }[];
  /** Workers replaced after they stopped unexpectedly. */
  readonly restarts: number;
}

export interface VerifierPool extends Verifier {
  readonly size: number;
  stats(): VerifierPoolStats;
  /** Resolves once every worker has started; rejects when one cannot start or the pool is closed first. */
  ready(): Promise<void>;
  /** New options for every worker (new CRLs, say); calls made after this see them. */
  configure(options: PoolVerifierOptions): void;
  /** Stops the workers; calls still in flight fail. */
  close(): Promise<void>;
}

export const MAX_POOL_SIZE = 64;
export const DEFAULT_CALL_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_QUEUE_PER_WORKER = 256;
const ISSUER_CACHE_LIMIT = 64;
const RESTART_BACKOFF_MS = [250, 1000, 5000, 30_000] as const;

const testHandles = new WeakMap<VerifierPool, () => readonly Worker[]>();

/** Test hook: stops worker `index` as a crash would. */
export async function terminateWorkerForTest(pool: VerifierPool, index: number): Promise<void> {
  await testHandles.get(pool)?.()[index]?.terminate();
}

interface Pending {
  readonly method: VerifierMethod;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  /** performance.now() when sent. */
  readonly sentAt: number;
}

interface Slot {
  worker: Worker;
  /** Calls in flight on `worker`, oldest first. */
  readonly pending: Map<number, Pending>;
  state: WorkerState;
  /** Whether a worker of this slot ever started (boot succeeded). */
  booted: boolean;
  /** Failed starts in a row (restart backoff). */
  failedStarts: number;
  /** Why the current worker is being stopped, when the pool stops it. */
  stopReason?: VerifierUnavailableError | undefined;
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

export function createVerifierPool(options: VerifierPoolOptions): VerifierPool {
  const { size } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_POOL_SIZE) {
    throw new TypeError(`createVerifierPool: size must be an integer from 1 to ${MAX_POOL_SIZE}`);
  }
  const callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  if (!Number.isFinite(callTimeoutMs) || callTimeoutMs <= 0) {
    throw new TypeError('createVerifierPool: callTimeoutMs must be a positive number');
  }
  const maxQueue = options.maxQueuePerWorker ?? DEFAULT_MAX_QUEUE_PER_WORKER;
  if (!Number.isInteger(maxQueue) || maxQueue < 1) {
    throw new TypeError('createVerifierPool: maxQueuePerWorker must be a positive integer');
  }
  const clock = options.clock ?? systemClock;
  const manager = options.crlManager;
  const checked = (o: PoolVerifierOptions): PoolVerifierOptions => {
    createVerifier(o); // the same TypeErrors as createVerifier, here and once
    try {
      return structuredClone(o); // and it must reach the workers: fail here, not in a respawn
    } catch (e) {
      throw new TypeError(`createVerifierPool: options cannot be sent to a worker (${(e as Error).message})`);
    }
  };
  let current = checked(options.verifier ?? {});
  // One OCSP checker for every worker: one cache, one in-flight de-duplication (J-LIS charges per query).
  let ocsp = createVerifierOcspChecker(current, clock);

  let nextId = 1;
  let closing = false;
  let restarts = 0;
  const slots: Slot[] = [];
  const issuers = new FifoCache<Certificate>(ISSUER_CACHE_LIMIT);

  const issuerCert = (der: Uint8Array): Certificate => {
    const key = bytesKey(der);
    let c = issuers.get(key);
    if (!c) {
      c = parseCertificate(der);
      issuers.set(key, c);
    }
    return c;
  };

  /**
   * A worker asks the CRL manager or the OCSP checker about one certificate of a path it
   * validated. The answer goes to the worker that asked and to no other: question ids are per
   * worker, so an answer arriving after that worker died must not reach its replacement.
   */
  const answerMainCall = (slot: Slot, asker: Worker, m: Extract<FromWorker, { type: 'main-call' }>): void => {
    const reply = (r: { value?: unknown; error?: SerializedError }): void => {
      if (slot.worker !== asker) return;
      asker.postMessage({ type: 'main-answer', id: m.id, serial: m.serial, ...r } satisfies ToWorker);
    };
    const settle = (p: Promise<unknown>): void => {
      p.then(
        (value) => reply({ value }),
        (e: unknown) => reply({ error: serializeError(e) }),
      ).catch(() => {}); // reply() cannot fail on plain data; never an unhandled rejection here
    };
    try {
      // The worker validated this path already; parsing here rebuilds the objects the main side takes.
      const cert = parseCertificate(m.cert);
      if (cert.serialHex !== m.serial) throw new Error('question names another certificate');
      const issuer = issuerCert(m.issuer);
      if (m.kind === 'ocsp') {
        settle(ocsp.check(cert, issuer, m.at).then(ocspResultToWire));
        return;
      }
      if (!manager) return reply({ error: { kind: 'other', message: 'no CRL manager in this pool' } });
      const opts = { at: m.at, sameCa: m.sameCa.map(issuerCert) };
      const answer = manager.peek(cert, issuer, opts);
      if (answer) return reply({ value: answer });
      settle(manager.lookup(cert, issuer, opts));
    } catch (e) {
      reply({ error: serializeError(e) });
    }
  };

  let startup: { resolve: () => void; reject: (e: Error) => void } | undefined;
  const started = new Promise<void>((resolve, reject) => (startup = { resolve, reject }));
  started.catch(() => {}); // observed through ready()

  // A worker keeps the process alive while it starts or has calls in flight, never when idle:
  // a library user awaiting a call must not see the process exit, an idle pool must not hold it.
  const settleRef = (slot: Slot): void => {
    if (slot.state === 'starting' || slot.pending.size > 0) slot.worker.ref();
    else slot.worker.unref();
  };

  const spawn = (slot: Slot): void => {
    const w = spawnWorker({ options: current, crlManager: manager !== undefined, now: clock.now().getTime() });
    slot.worker = w;
    slot.state = 'starting';
    w.on('message', (m: FromWorker) => {
      if (slot.worker !== w) return;
      if (m.type === 'result') {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (m.error) p.reject(deserializeError(m.error));
        else {
          try {
            p.resolve(resultFromWire(p.method, m.value));
          } catch (e) {
            p.reject(e instanceof Error ? e : new Error(String(e)));
          }
        }
      } else if (m.type === 'main-call') {
        answerMainCall(slot, w, m);
      } else if (m.type === 'ready') {
        slot.state = 'ready';
        slot.booted = true;
        slot.failedStarts = 0;
        if (slots.every((s) => s.booted)) startup?.resolve();
      }
      settleRef(slot);
    });
    // A message that cannot be read would leave its call unanswered: replace the worker.
    w.on('messageerror', () => void w.terminate());
    w.on('error', () => {}); // an uncaught exception in the worker: its exit below handles it
    w.on('exit', () => {
      if (slot.worker !== w) return;
      const wasStarting = slot.state === 'starting';
      const why = slot.stopReason ?? new VerifierUnavailableError('stopped', 'verifier worker stopped');
      slot.stopReason = undefined;
      for (const p of slot.pending.values()) p.reject(why);
      slot.pending.clear();
      if (closing) return;
      if (wasStarting) {
        slot.state = 'dead';
        if (!slot.booted) {
          // Boot: a worker that cannot start at all is a deployment error; fail ready().
          startup?.reject(new Error('a verifier worker could not start'));
          return;
        }
        // A replacement failed to start: retry with backoff; calls go to the other workers.
        const delay = RESTART_BACKOFF_MS[Math.min(slot.failedStarts++, RESTART_BACKOFF_MS.length - 1)];
        setTimeout(() => closing || spawn(slot), delay).unref();
        return;
      }
      restarts++;
      spawn(slot); // at once, so no call is ever routed to a dead worker
    });
    settleRef(slot);
  };

  for (let i = 0; i < size; i++) {
    const slot = { pending: new Map(), state: 'starting', booted: false, failedStarts: 0 } as unknown as Slot;
    slots.push(slot);
    spawn(slot);
  }

  // Calls never hang: the oldest call of each worker is checked once a second.
  const sweeper = setInterval(
    () => {
      const now = performance.now();
      for (const slot of slots) {
        const oldest = slot.pending.values().next();
        if (!oldest.done && now - oldest.value.sentAt > callTimeoutMs && slot.stopReason === undefined) {
          slot.stopReason = new VerifierUnavailableError('timeout', `verification timed out after ${callTimeoutMs} ms`);
          void slot.worker.terminate();
        }
      }
    },
    Math.min(1000, callTimeoutMs),
  );
  sweeper.unref();

  const call = (method: VerifierMethod, input: unknown): Promise<never> => {
    if (closing) return Promise.reject(new VerifierUnavailableError('closed', 'verifier pool is closed'));
    // Least outstanding calls first, among workers that are running or starting.
    let slot: Slot | undefined;
    for (const s of slots) if (s.state !== 'dead' && (!slot || s.pending.size < slot.pending.size)) slot = s;
    if (!slot) return Promise.reject(new VerifierUnavailableError('no-worker', 'no verifier worker is running'));
    if (slot.pending.size >= maxQueue) {
      return Promise.reject(new VerifierUnavailableError('busy', `every verifier worker has ${maxQueue} calls queued`));
    }
    const chosen = slot;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const message: ToWorker = { type: 'call', id, method, input: compactInput(input), now: clock.now().getTime() };
      try {
        chosen.worker.postMessage(message);
      } catch (e) {
        // Not structured-cloneable: a caller bug, like any other malformed input object.
        reject(new TypeError(`${method}: input cannot be sent to a worker (${(e as Error).message})`));
        return;
      }
      chosen.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, sentAt: performance.now() });
      settleRef(chosen);
    });
  };

  const impl: VerifierPool = {
    size,
    ready: () => started,
    stats: () => ({ workers: slots.map((s) => ({ state: s.state, inFlight: s.pending.size })), restarts }),
    configure(next: PoolVerifierOptions): void {
      current = checked(next);
      ocsp = createVerifierOcspChecker(current, clock);
      for (const s of slots) s.worker.postMessage({ type: 'configure', options: current } satisfies ToWorker);
    },
    verifySignature: (input) => call('verifySignature', input),
    verifyCertificate: (input) => call('verifyCertificate', input),
    verifyCardData: (input) => call('verifyCardData', input),
    async close(): Promise<void> {
      closing = true;
      clearInterval(sweeper);
      startup?.reject(new VerifierUnavailableError('closed', 'verifier pool is closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
  const pool = Object.freeze(impl);
  testHandles.set(pool, () => slots.map((s) => s.worker));
  return pool;
}
