/**
 * Reading a CertificateList element by element from a CrlSource window (scan-crl.ts): small
 * elements are copied out and parsed with the general reader; the revoked list is streamed
 * through the allocation-free entry loop (crl-entries.ts).
 */
import { GatewayError } from '../../errors.js';
import { header, timeSeconds } from './crl-der.js';
import { parseEntries, type EntryFacts, type EntrySink } from './crl-entries.js';
import type { CrlIndexBuilder } from './crl-index-builder.js';
import type { CrlSource } from './crl-source.js';

/** Below this many resident bytes the entry loop refills its window. */
const LOW_WATER = 64 * 1024;

export interface Head {
  readonly tag: number;
  readonly start: number;
  readonly vs: number;
  readonly end: number;
}

export async function head(src: CrlSource, at: number, limit: number, what: string): Promise<Head> {
  if (at >= limit) throw new GatewayError('ERR_DER_STRUCTURE', `${what}: missing`);
  await src.ensure(at, Math.min(6, limit - at));
  const rel = at - src.base;
  const h = header(src.buf, rel, Math.min(limit, src.base + src.len) - src.base);
  if (h < 0) throw new GatewayError('ERR_DER_TRUNCATED', `${what}: header`);
  const hl = h & 7;
  const end = at + hl + (h - hl) / 8;
  if (end > limit) throw new GatewayError('ERR_DER_TRUNCATED', `${what}: value runs past its parent`);
  return { tag: src.buf[rel]!, start: at, vs: at + hl, end };
}

export function expectTag(h: Head, tag: number, what: string): void {
  if (h.tag !== tag)
    throw new GatewayError(
      'ERR_DER_STRUCTURE',
      `${what}: expected tag 0x${tag.toString(16)}, got 0x${h.tag.toString(16)}`,
    );
}

export async function copyOut(src: CrlSource, h: Head, max: number, what: string): Promise<Uint8Array> {
  if (h.end - h.start > max) throw new GatewayError('ERR_CRL_MALFORMED', `${what} larger than ${max} bytes`);
  await src.ensure(h.start, h.end - h.start);
  return Uint8Array.prototype.slice.call(src.buf, h.start - src.base, h.end - src.base); // a copy even for a Buffer
}

export async function readTime(src: CrlSource, h: Head, what: string): Promise<Date> {
  const der = await copyOut(src, h, 32, what);
  return new Date(timeSeconds(der, h.tag, h.vs - h.start, der.length) * 1000);
}

export async function streamEntries(
  src: CrlSource,
  list: Head,
  v2: boolean,
  sink: EntrySink,
  builder: CrlIndexBuilder | undefined,
  facts: EntryFacts,
): Promise<void> {
  let p = list.vs;
  while (p < list.end) {
    if (src.base + src.len - p < LOW_WATER && src.base + src.len < list.end)
      await src.refill(p, Math.min(6, list.end - p));
    const base = src.base;
    const residentEnd = Math.min(list.end, base + src.len);
    const q = parseEntries(src.buf, p - base, residentEnd - base, list.end - base, v2, sink, facts) + base;
    if (builder && facts.count > 0) {
      // Size the index from the average entry so far (+1%), growing by at least 1/8 so that
      // a drifting average cannot cause a copy per chunk.
      const need = facts.count + Math.ceil(((list.end - q) * facts.count * 1.01) / (q - list.vs)) + 64;
      if (need > builder.capacity) builder.reserve(Math.max(need, Math.ceil(builder.capacity * 1.125)));
    }
    if (q === p) {
      // The next entry is not wholly resident: make exactly it resident (grows the window).
      const eh = header(src.buf, p - base, residentEnd - base);
      await src.ensure(p, eh < 0 ? Math.min(6, list.end - p) : (eh & 7) + (eh - (eh & 7)) / 8);
    }
    p = q;
  }
}
