/**
 * verifyChain: checks one writer's chain line by line and names the first broken link. Each
 * rule is one function citing what it enforces; the first that fails decides. Input is the
 * raw text of the chain's segments in order (a torn or missing final newline is a break too:
 * an acknowledged line always ends with one).
 */
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, lineHash, type ChainHead, type ChainLine } from './chain-line.js';
import { SECURITY_EVENT_TYPES } from './security-event.js';

export type ChainBreakReason = 'malformed' | 'not-canonical' | 'seq' | 'prev-hash' | 'hash' | 'torn';

export interface ChainBreak {
  /** Segment file name (or '' for a single text). */
  readonly segment: string;
  /** 1-based line number inside the segment. */
  readonly line: number;
  /** The seq the line should have had. */
  readonly expectedSeq: number;
  readonly reason: ChainBreakReason;
  readonly detail: string;
}

export type ChainVerification =
  | { readonly ok: true; readonly lines: number; readonly head: ChainHead | undefined }
  | { readonly ok: false; readonly lines: number; readonly head: ChainHead | undefined; readonly broken: ChainBreak };

export interface ChainSegmentText {
  readonly name: string;
  readonly text: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
const TYPES = new Set<string>(SECURITY_EVENT_TYPES);
const FIELDS = ['hash', 'ids', 'prevHash', 'seq', 'time', 'type'].join();

type Check = (raw: string, parsed: unknown, head: ChainHead | undefined) => [ChainBreakReason, string] | undefined;

// The line format of chain-line.ts: exactly these six fields with these types.
const checkShape: Check = (_raw, p) => {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return ['malformed', 'not a JSON object'];
  const l = p as Record<string, unknown>;
  if (Object.keys(l).sort().join() !== FIELDS) return ['malformed', 'fields are not seq,time,type,ids,prevHash,hash'];
  if (!Number.isSafeInteger(l.seq)) return ['malformed', 'seq is not an integer'];
  if (typeof l.time !== 'string' || Number.isNaN(Date.parse(l.time))) return ['malformed', 'time is not ISO-8601'];
  if (typeof l.type !== 'string' || !TYPES.has(l.type)) return ['malformed', 'unknown event type'];
  if (typeof l.ids !== 'object' || l.ids === null || Array.isArray(l.ids)) return ['malformed', 'ids is not an object'];
  if (!Object.values(l.ids).every((v) => typeof v === 'string')) return ['malformed', 'an id is not a string'];
  if (typeof l.prevHash !== 'string' || !HEX64.test(l.prevHash)) return ['malformed', 'prevHash is not 64 hex'];
  if (typeof l.hash !== 'string' || !HEX64.test(l.hash)) return ['malformed', 'hash is not 64 hex'];
  return undefined;
};
// Byte-exact: the hash covers the canonical form, so the stored text must be that form.
const checkCanonical: Check = (raw, p) =>
  canonicalJson(p) === raw ? undefined : ['not-canonical', 'the line is not in canonical JSON form'];
// Lines are numbered without gaps from 1: a deleted or inserted line shows here.
const checkSeq: Check = (_raw, p, head) => {
  const want = (head?.seq ?? 0) + 1;
  const seq = (p as ChainLine).seq;
  return seq === want ? undefined : ['seq', `seq ${seq}, expected ${want}`];
};
// Each line names the previous line's hash (the first one the genesis value).
const checkPrevHash: Check = (_raw, p, head) =>
  (p as ChainLine).prevHash === (head?.hash ?? GENESIS_HASH)
    ? undefined
    : ['prev-hash', 'prevHash does not match the previous line'];
// The line's own hash over its other fields: an edited line shows here.
const checkHash: Check = (_raw, p) =>
  (p as ChainLine).hash === lineHash(p as ChainLine) ? undefined : ['hash', 'hash does not match the line'];

const CHECKS: readonly Check[] = [checkShape, checkCanonical, checkSeq, checkPrevHash, checkHash];

export function verifyChain(segments: readonly ChainSegmentText[]): ChainVerification {
  let head: ChainHead | undefined;
  let lines = 0;
  const fail = (segment: string, line: number, reason: ChainBreakReason, detail: string): ChainVerification => ({
    ok: false,
    lines,
    head,
    broken: { segment, line, expectedSeq: (head?.seq ?? 0) + 1, reason, detail },
  });
  for (const { name, text } of segments) {
    if (text.length === 0) continue;
    const raws = text.split('\n');
    const last = raws.pop();
    if (last !== '') return fail(name, raws.length + 1, 'torn', 'the last line has no newline (torn write)');
    for (const [i, raw] of raws.entries()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return fail(name, i + 1, 'malformed', 'not JSON');
      }
      for (const check of CHECKS) {
        const bad = check(raw, parsed, head);
        if (bad) return fail(name, i + 1, bad[0], bad[1]);
      }
      const l = parsed as ChainLine;
      head = { seq: l.seq, hash: l.hash };
      lines++;
    }
  }
  return { ok: true, lines, head };
}
