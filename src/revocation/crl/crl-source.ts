/**
 * A window over a CRL held in memory or read from a file in chunks. The scanner asks for
 * byte ranges by absolute offset; bytes before the requested offset are dropped, after being
 * fed to the tbsCertList hash. So a national CRL is hashed and indexed while only one chunk
 * (plus the index) is resident — the file itself is never held whole.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { Hash } from 'node:crypto';
import { GatewayError } from '../../errors.js';

export const DEFAULT_CHUNK_BYTES = 1 << 20;

export class CrlSource {
  /** Resident bytes: buf[0] is absolute offset `base`; `len` bytes are valid. */
  buf: Uint8Array;
  base = 0;
  len = 0;
  private hash: Hash | undefined;
  private hashFrom = 0;
  private hashTo = 0;
  /** Absolute offset up to which the hash has been fed. */
  private hashed = -1;

  private constructor(
    readonly size: number,
    initial: Uint8Array,
    private readonly file: FileHandle | undefined,
    readonly path: string | undefined,
  ) {
    this.buf = initial;
    if (!file) this.len = initial.length;
  }

  static fromBytes(bytes: Uint8Array): CrlSource {
    return new CrlSource(bytes.length, bytes, undefined, undefined);
  }

  /** Opens a file; ERR_CRL_TOO_LARGE before reading anything if it exceeds `maxBytes`. */
  static async fromFile(path: string, maxBytes: number, chunkBytes = DEFAULT_CHUNK_BYTES): Promise<CrlSource> {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      if (size > maxBytes) throw new GatewayError('ERR_CRL_TOO_LARGE', `${size} bytes > ${maxBytes}`);
      return new CrlSource(size, new Uint8Array(Math.min(chunkBytes, Math.max(size, 64))), fh, path);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  get isFile(): boolean {
    return this.file !== undefined;
  }

  /** The range [from, to) will be hashed; nothing in it is dropped before `setHash`. */
  pinHashRange(from: number, to: number): void {
    this.hashFrom = from;
    this.hashTo = to;
    this.hashed = from;
  }

  setHash(h: Hash): void {
    this.hash = h;
  }

  /** Feeds the hash up to `upTo` (absolute), which must be resident or already hashed. */
  private feed(upTo: number): void {
    if (!this.hash || this.hashed < 0) return;
    const end = Math.min(upTo, this.hashTo);
    if (end <= this.hashed) return;
    this.hash.update(this.buf.subarray(this.hashed - this.base, end - this.base));
    this.hashed = end;
  }

  /** Completes and returns the digest of the pinned range; everything in it must have been read. */
  finishHash(): Buffer {
    if (!this.hash) throw new TypeError('CrlSource: hash not set');
    this.feed(this.hashTo);
    if (this.hashed !== this.hashTo) throw new TypeError('CrlSource: hash range not fully read');
    return this.hash.digest();
  }

  /** Makes [at, at + n) resident. Past the end of the input → ERR_DER_TRUNCATED. */
  async ensure(at: number, n: number): Promise<void> {
    if (at + n > this.size) throw new GatewayError('ERR_DER_TRUNCATED', `needs ${n} bytes at ${at}`);
    if (at >= this.base && at + n <= this.base + this.len) return;
    if (!this.file) throw new TypeError('CrlSource: range outside an in-memory input');
    await this.refill(at, n);
  }

  /** Reads as much as fits after `at` (at least `n` bytes). */
  async refill(at: number, n: number): Promise<void> {
    if (!this.file) return;
    // Drop what precedes `at`, hashing it first; before the hash exists keep the pinned range.
    this.feed(at);
    const keep = this.hash || this.hashed < 0 ? at : Math.min(at, this.hashed);
    const drop = Math.max(0, Math.min(keep - this.base, this.len));
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.len);
      this.base += drop;
      this.len -= drop;
    }
    const need = at + n - this.base;
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.len));
      this.buf = grown;
    }
    while (this.base + this.len < this.size && this.len < this.buf.length) {
      const { bytesRead } = await this.file.read(this.buf, this.len, this.buf.length - this.len, this.base + this.len);
      if (bytesRead === 0) break; // the file shrank under us
      this.len += bytesRead;
    }
    if (this.len < need) throw new GatewayError('ERR_DER_TRUNCATED', 'file ended early');
  }

  async close(): Promise<void> {
    await this.file?.close();
  }
}
