/**
 * One line of the audit chain: `{ seq, time, type, ids, prevHash, hash }` as canonical JSON,
 * where hash = hex SHA-256 over the canonical JSON of the line without `hash`, and prevHash is
 * the previous line's hash (64 zeros before the first line). Changing, inserting, deleting or
 * reordering any line breaks a hash or a link; only the newest line's hash must be anchored
 * elsewhere (printed by `audit verify`) to also detect a truncated tail.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { SecurityEventType } from './security-event.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLine {
  /** 1 for the first line of a writer's chain, then +1 per line. */
  readonly seq: number;
  /** ISO-8601 from the injected clock. */
  readonly time: string;
  readonly type: SecurityEventType;
  readonly ids: Readonly<Record<string, string>>;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export function lineHash(line: Omit<ChainLine, 'hash'>): string {
  const { seq, time, type, ids, prevHash } = line;
  return createHash('sha256').update(canonicalJson({ seq, time, type, ids, prevHash })).digest('hex');
}

/** The next line after `head` (undefined = empty chain), serialized with its trailing newline. */
export function chainLine(
  head: ChainHead | undefined,
  time: string,
  type: SecurityEventType,
  ids: Readonly<Record<string, string>>,
): { line: ChainLine; text: string } {
  const body = { seq: (head?.seq ?? 0) + 1, time, type, ids, prevHash: head?.hash ?? GENESIS_HASH };
  const line: ChainLine = { ...body, hash: lineHash(body) };
  return { line, text: `${canonicalJson(line)}\n` };
}
