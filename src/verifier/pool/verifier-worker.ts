/**
 * A verifier pool worker: one createVerifier() built from the options the pool sends, answering
 * calls in arrival order. The clock is the main thread's: every call carries its reading and
 * this thread's time is the latest reading received. A fixed clock therefore stays exactly
 * fixed; with the system clock, a call that waits on the network (OCSP) sees the time it was
 * sent or a later call's — behind the real time by at most that wait, far inside the
 * freshness checks' clock-skew allowance.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createVerifier } from '../create-verifier.js';
import type { Verifier } from '../types.js';
import { createMainThreadProxies } from './main-thread-proxies.js';
import {
  resultToWire,
  serializeError,
  type FromWorker,
  type ToWorker,
  type WorkerData,
  type PoolVerifierOptions,
} from './protocol.js';

const port = parentPort;
if (!port) throw new Error('verifier-worker must run in a worker thread');
const data = workerData as WorkerData;

let mainNow = data.now;
const nowMs = (): number => mainNow;
const clock = { now: () => new Date(mainNow) };
const proxies = createMainThreadProxies(port, nowMs);

const build = (options: PoolVerifierOptions): Verifier =>
  createVerifier({
    ...options,
    clock,
    ocspChecker: proxies.ocsp,
    ...(data.crlManager ? { crlManager: proxies.crlManager } : {}),
  });
let verifier = build(data.options);

const post = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'configure':
      verifier = build(m.options);
      return;
    case 'main-answer':
      proxies.settle(m);
      return;
    case 'call': {
      mainNow = m.now;
      const { id } = m;
      let result: Promise<unknown>;
      try {
        result = (verifier[m.method] as (input: unknown) => Promise<unknown>)(m.input);
      } catch (e) {
        result = Promise.reject(e);
      }
      result.then(
        (value) => post({ type: 'result', id, value: resultToWire(m.method, value) }),
        (e: unknown) => post({ type: 'result', id, error: serializeError(e) }),
      );
      return;
    }
  }
});
post({ type: 'ready' });
