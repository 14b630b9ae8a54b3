/**
 * Durable file writes for the evidence sink: the bytes go to a temporary file in the target's
 * directory, are fsynced, then linked into place (link() fails if the name exists, so a record
 * is never overwritten) or renamed (files that may be replaced), and the directory is fsynced
 * so the new name survives a crash. A reader never sees a partial file.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDir } from '../../audit/chain/fs-chain-sink.js';

async function writeTemp(path: string, data: Uint8Array | string): Promise<string> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const h = await open(tmp, 'wx', 0o600);
  try {
    await h.writeFile(data);
    await h.sync();
  } finally {
    await h.close();
  }
  return tmp;
}

/** Creates `path` with `data` unless it exists; returns false (and writes nothing) if it does. */
export async function createFileDurably(path: string, data: Uint8Array | string): Promise<boolean> {
  const tmp = await writeTemp(path, data);
  try {
    await link(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await fsyncDir(dirname(path));
  return true;
}

/** Writes `path` atomically (temp + fsync + rename + directory fsync), replacing it if present. */
export async function replaceFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = await writeTemp(path, data);
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dirname(path));
}

/** Removes `path` durably; false when it did not exist. */
export async function removeFileDurably(path: string): Promise<boolean> {
  try {
    await unlink(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  await fsyncDir(dirname(path));
  return true;
}
