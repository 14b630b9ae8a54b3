/**
 * The storage a chained audit log appends to (filesystem now; object storage or a database
 * table can follow). One writer per chain: the sink is opened by exactly one process.
 */
import type { ChainHead } from './chain-line.js';

export interface ChainSink {
  /** Where the chain continues: the last durable line (undefined for a new chain). */
  head(): Promise<ChainHead | undefined>;
  /** Appends serialized lines (each ending in '\n'); resolves once they are durable (fsync). */
  append(text: string): Promise<void>;
  close(): Promise<void>;
}
