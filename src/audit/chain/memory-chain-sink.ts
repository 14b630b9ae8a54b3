/** In-memory chain sink: sandbox mode and tests (the text is what a file would hold). */
import type { ChainHead } from './chain-line.js';
import type { ChainSink } from './chain-sink.js';

export interface MemoryChainSink extends ChainSink {
  /** Everything appended so far. */
  readonly text: string;
  /** Makes the next append fail (tests: a full disk). */
  failNext(error?: Error): void;
}

export function createMemoryChainSink(): MemoryChainSink {
  let text = '';
  let failure: Error | undefined;
  let head: ChainHead | undefined;
  return {
    get text() {
      return text;
    },
    failNext(error = new Error('sink write failed')) {
      failure = error;
    },
    head: async () => head,
    async append(chunk) {
      if (failure) {
        const e = failure;
        failure = undefined;
        throw e;
      }
      text += chunk;
      const last = chunk.trimEnd().split('\n').pop();
      if (last) {
        const l = JSON.parse(last) as { seq: number; hash: string };
        head = { seq: l.seq, hash: l.hash };
      }
    },
    close: async () => {},
  };
}
