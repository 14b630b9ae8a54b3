/**
 * readChains: every writer's chain under an evidence directory (or an audit/ folder given
 * directly), as segment texts in order, for verifyChain and `jpki-gateway audit verify`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SEGMENT_NAME, WRITER_ID, listSegments } from './fs-chain-sink.js';
import type { ChainSegmentText } from './verify-chain.js';

export interface WriterChain {
  readonly writer: string;
  readonly segments: readonly ChainSegmentText[];
}

async function isDir(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false;
}

export async function readChains(dir: string): Promise<WriterChain[]> {
  const auditDir = basename(dir) !== 'audit' && (await isDir(join(dir, 'audit'))) ? join(dir, 'audit') : dir;
  const out: WriterChain[] = [];
  for (const writer of (await readdir(auditDir)).sort()) {
    const writerDir = join(auditDir, writer);
    if (!WRITER_ID.test(writer) || !(await isDir(writerDir))) continue;
    const names = await listSegments(writerDir);
    if (!names.length || !names.every((n) => SEGMENT_NAME.test(n))) continue;
    const segments: ChainSegmentText[] = [];
    for (const name of names) segments.push({ name, text: await readFile(join(writerDir, name), 'utf8') });
    out.push({ writer, segments });
  }
  return out;
}
