/**
 * `jpki-gateway audit unpack --out DIR EXPORT_FILE`: writes the files an evidence export lists
 * (base64 fields → DER / bytes) and prints the `jpki-gateway verify` command over them. When
 * the record's trust anchor is one of the bundled J-LIS roots, the printed command leaves
 * --trust out, so the verdict rests on the auditor's own copy of the roots, not the export's.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { EvidenceExport } from '../evidence/export-evidence.js';
import { EVIDENCE_EXPORT_FORMAT } from '../evidence/types.js';
import { loadBundledRoots } from '../trust/index.js';
import { readRaw, UsageError, type Io } from './io.js';

function pointer(doc: unknown, ptr: string): unknown {
  let at: unknown = doc;
  for (const raw of ptr.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function bundledRootHashes(): Set<string> {
  return new Set(loadBundledRoots().anchors.map((a) => createHash('sha256').update(a.certificate.der).digest('hex')));
}

export async function runAuditUnpack(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const out = parsed.values.out;
  if (!out || parsed.positionals.length !== 1) throw new UsageError('expected --out DIR and one EXPORT_FILE');
  let exp: EvidenceExport;
  try {
    exp = JSON.parse(Buffer.from(await readRaw(parsed.positionals[0]!)).toString('utf8')) as EvidenceExport;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${parsed.positionals[0]}: not JSON`);
  }
  if (exp?.format !== EVIDENCE_EXPORT_FORMAT || !exp.verification?.files || !Array.isArray(exp.verification.command))
    throw new UsageError(`${parsed.positionals[0]}: not a ${EVIDENCE_EXPORT_FORMAT} export`);
  await mkdir(out, { recursive: true });
  for (const [name, ptr] of Object.entries(exp.verification.files)) {
    const v = pointer(exp, ptr);
    if (!/^[a-z0-9.-]+$/.test(name) || typeof v !== 'string')
      throw new UsageError(`export field ${ptr} for ${name} is missing or not base64`);
    await writeFile(join(out, name), Buffer.from(v, 'base64'));
  }
  let command = [...exp.verification.command];
  const anchor = exp.record.chain.at(-1);
  const bundled = anchor !== undefined && bundledRootHashes().has(anchor.sha256);
  if (bundled) {
    const i = command.indexOf('--trust');
    if (i >= 0) command = [...command.slice(0, i), ...command.slice(i + 2)];
  }
  io.out(`wrote ${Object.keys(exp.verification.files).join(', ')} to ${out}`);
  io.out(`record ${exp.record.id} (sha256 ${exp.recordSha256}), validation time ${exp.verification.validationTime}`);
  if (!bundled && anchor)
    io.out(`NOTE: the trust anchor ${anchor.sha256} is not a bundled J-LIS root: check it before trusting it`);
  for (const n of exp.verification.notes) if (!bundled || !n.startsWith('--trust')) io.out(`NOTE: ${n}`);
  io.out(`re-verify (in ${out}):`);
  io.out(`  jpki-gateway ${command.join(' ')}`);
  return 0;
}
