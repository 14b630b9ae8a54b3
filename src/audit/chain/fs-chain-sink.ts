/**
 * Filesystem chain sink: `<dir>/audit/<writer>/<first seq, 12 digits>.jsonl` segments (a new
 * one past `maxSegmentBytes`; its first line links to the previous segment's last), appended
 * with write + fsync, new files made durable by an fsync of their directory. One process per
 * writer id: `<dir>/audit/<writer>/.lock` holds host and pid; a lock left by a dead process of
 * this host is taken over, a live or foreign one refuses to open (two appenders would fork the
 * chain). Replicas use distinct writer ids (default: the host name). A final line without its
 * newline was never acknowledged (torn write): it is cut before appending resumes.
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, readdir, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChainHead } from './chain-line.js';
import type { ChainSink } from './chain-sink.js';

export const WRITER_ID = /^(?!\.)[A-Za-z0-9._-]{1,64}$/;
export const SEGMENT_NAME = /^\d{12}\.jsonl$/;
const TAIL_BYTES = 64 * 1024;

export interface FsChainSinkOptions {
  /** The evidence directory (the chain lives in its audit/ folder). */
  readonly dir: string;
  readonly writer: string;
  /** Start a new segment once the current one is this large (default 64 MiB). */
  readonly maxSegmentBytes?: number;
  /** For the lock (defaults: this process). */
  readonly pid?: number;
  readonly host?: string;
  readonly isAlive?: (pid: number) => boolean;
}

export async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

function aliveByKill(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function takeLock(path: string, o: FsChainSinkOptions): Promise<void> {
  const me = `${o.host ?? hostname()} ${o.pid ?? process.pid}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await open(path, 'wx', 0o600);
      await h.writeFile(me);
      await h.sync();
      await h.close();
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const [host, pidText] = (await readFile(path, 'utf8').catch(() => '')).split(' ');
    const pid = Number(pidText);
    const dead = host === (o.host ?? hostname()) && Number.isSafeInteger(pid) && !(o.isAlive ?? aliveByKill)(pid);
    if (!dead) throw new Error(`audit chain ${o.writer} is held by ${host ?? '?'} pid ${pidText ?? '?'}`);
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`audit chain ${o.writer}: could not take the lock`);
}

export async function listSegments(writerDir: string): Promise<string[]> {
  return (await readdir(writerDir)).filter((n) => SEGMENT_NAME.test(n)).sort();
}

/** The last complete line of a segment; cuts a torn tail (no newline) first. */
async function lastLine(path: string): Promise<string | undefined> {
  const size = (await stat(path)).size;
  if (size === 0) return undefined;
  const len = Math.min(size, TAIL_BYTES);
  const buf = Buffer.alloc(len);
  const h = await open(path, 'r');
  try {
    await h.read(buf, 0, len, size - len);
  } finally {
    await h.close();
  }
  let end = buf.lastIndexOf(0x0a) + 1; // bytes of `buf` up to and including the last newline
  if (end < len) {
    await truncate(path, size - (len - end)); // an unacknowledged, torn write
    if (end === 0) return undefined;
  }
  end -= 1; // drop the final newline
  if (end === 0) return undefined;
  const start = buf.lastIndexOf(0x0a, end - 1) + 1;
  return buf.subarray(start, end).toString('utf8') || undefined;
}

export async function openFsChainSink(o: FsChainSinkOptions): Promise<ChainSink> {
  if (!WRITER_ID.test(o.writer)) throw new TypeError('audit writer id must be 1–64 of A–Z a–z 0–9 . _ -');
  const maxSegmentBytes = o.maxSegmentBytes ?? 64 * 1024 * 1024;
  const writerDir = join(o.dir, 'audit', o.writer);
  await mkdir(writerDir, { recursive: true, mode: 0o700 });
  const lockPath = join(writerDir, '.lock');
  await takeLock(lockPath, o);
  await fsyncDir(writerDir);
  let handle: FileHandle | undefined;
  let size = 0;

  const head = async (): Promise<ChainHead | undefined> => {
    await handle?.close();
    handle = undefined;
    const segments = await listSegments(writerDir);
    for (let i = segments.length - 1; i >= 0; i--) {
      const line = await lastLine(join(writerDir, segments[i]!));
      if (!line) continue;
      const l = JSON.parse(line) as { seq: number; hash: string };
      return { seq: l.seq, hash: l.hash };
    }
    return undefined;
  };

  const openSegment = async (firstSeq: number): Promise<void> => {
    const segments = await listSegments(writerDir);
    const current = segments.at(-1);
    if (current) {
      const s = (await stat(join(writerDir, current))).size;
      if (s < maxSegmentBytes) {
        handle = await open(join(writerDir, current), 'a', 0o600);
        size = s;
        return;
      }
    }
    handle = await open(join(writerDir, `${String(firstSeq).padStart(12, '0')}.jsonl`), 'a', 0o600);
    size = 0;
    await fsyncDir(writerDir);
  };

  return {
    head,
    async append(text) {
      if (handle && size >= maxSegmentBytes) {
        await handle.close();
        handle = undefined;
      }
      if (!handle) await openSegment((JSON.parse(text.slice(0, text.indexOf('\n'))) as { seq: number }).seq);
      const buf = Buffer.from(text, 'utf8');
      await handle!.appendFile(buf);
      await handle!.sync();
      size += buf.length;
    },
    async close() {
      await handle?.close();
      handle = undefined;
      await unlink(lockPath).catch(() => undefined);
    },
  };
}
