/**
 * createChainedAuditLog: the hash-chained, tamper-evident adapter of the audit port. It is an
 * AuditLog (the vault's My Number events) and takes every other security event via append().
 * Appends are serialized and group-committed: events arriving while a write+fsync is in
 * flight go out together in the next one, so durability costs one fsync per batch, not per
 * event. record()/append() resolve only once the line is durable and reject otherwise
 * (callers fail closed). After a failed write the head is re-read from the sink, so a torn
 * write can never fork the chain.
 *
 *   const audit = createChainedAuditLog({ sink: await openFsChainSink({ dir, writer }), clock });
 *   await audit.append({ type: 'config.loaded', ids: { mode: 'production' } });
 */
import type { Clock } from '../../clock.js';
import type { AuditEvent, AuditLog } from '../audit-log.js';
import { chainLine, type ChainHead, type ChainLine } from './chain-line.js';
import type { ChainSink } from './chain-sink.js';
import { checkSecurityEvent, fromAuditEvent, type SecurityEvent } from './security-event.js';

export interface ChainedAuditLog extends AuditLog {
  append(event: SecurityEvent): Promise<ChainLine>;
  /** The newest durable line: anchor its hash elsewhere to detect a truncated tail. */
  head(): ChainHead | undefined;
  close(): Promise<void>;
}

export interface ChainedAuditLogOptions {
  readonly sink: ChainSink;
  readonly clock: Clock;
  /** Most events per write (default 512). */
  readonly maxBatch?: number;
}

interface Pending {
  readonly event: SecurityEvent;
  resolve(line: ChainLine): void;
  reject(e: unknown): void;
}

export async function createChainedAuditLog(o: ChainedAuditLogOptions): Promise<ChainedAuditLog> {
  const maxBatch = o.maxBatch ?? 512;
  let head: ChainHead | undefined = await o.sink.head();
  let stale = false;
  let closed = false;
  const queue: Pending[] = [];
  let writing: Promise<void> | undefined;

  const writeBatch = async (batch: Pending[]): Promise<void> => {
    if (stale) {
      head = await o.sink.head();
      stale = false;
    }
    let next = head;
    const lines: ChainLine[] = [];
    let text = '';
    const time = o.clock.now().toISOString();
    for (const p of batch) {
      const made = chainLine(next, time, p.event.type, p.event.ids);
      lines.push(made.line);
      text += made.text;
      next = made.line;
    }
    await o.sink.append(text);
    if (next) head = { seq: next.seq, hash: next.hash };
    batch.forEach((p, i) => p.resolve(lines[i]!));
  };

  const drain = async (): Promise<void> => {
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      try {
        await writeBatch(batch);
      } catch (e) {
        stale = true; // part of the batch may be on disk: re-read the head before the next write
        for (const p of batch) p.reject(e);
      }
    }
    writing = undefined;
  };

  const append = (event: SecurityEvent): Promise<ChainLine> => {
    if (closed) return Promise.reject(new Error('audit log is closed'));
    try {
      checkSecurityEvent(event);
    } catch (e) {
      return Promise.reject(e);
    }
    const frozen: SecurityEvent = { type: event.type, ids: Object.freeze({ ...event.ids }) };
    return new Promise<ChainLine>((resolve, reject) => {
      queue.push({ event: frozen, resolve, reject });
      writing ??= drain();
    });
  };

  return {
    append,
    record: async (e: AuditEvent) => {
      await append(fromAuditEvent(e));
    },
    head: () => head,
    async close() {
      closed = true;
      await writing;
      await o.sink.close();
    },
  };
}
