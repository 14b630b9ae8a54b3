/**
 * `jpki-gateway crl import FILE…`: verifies each CRL (issuer by name and key, signature, unknown
 * critical extensions, scope) against the bundled roots or --trust, prints what it is and, with
 * --dir, stores it at its partition's place in the drop directory — written to a temporary file
 * and renamed, so the gateway never reads half a file — unless the CRL there is newer.
 */
import { copyFile, mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { GatewayError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import { nameToString, parseNameDer } from '../pki/name.js';
import { decodeInput } from '../pki/decode-input.js';
import { ingestCrl, type VerifiedCrl } from '../revocation/crl/index.js';
import { checkCrlNotRegressed } from '../revocation/partitions/crl-update-checks.js';
import { partitionOfName, type CrlPartition } from '../revocation/partitions/partition-of-name.js';
import { createDirectorySource } from '../revocation/sources/create-directory-source.js';
import { cliClock, crlIssuers } from './crl-cli-common.js';
import { UsageError, readRaw, type Io } from './io.js';

const OPTIONS = {
  trust: { type: 'string', multiple: true, default: [] as string[] },
  dir: { type: 'string' },
  template: { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

interface Imported {
  file: string;
  ok: boolean;
  error?: { code: string; message: string };
  issuer?: string;
  partition?: string | null;
  entries?: number;
  thisUpdate?: string;
  nextUpdate?: string;
  crlNumber?: string | null;
  fresh?: boolean;
  stored?: string;
  note?: string;
}

interface Checked {
  readonly crl: VerifiedCrl;
  /** The decoded DER when the file was PEM or base64; undefined when the file is DER. */
  readonly der: Uint8Array | undefined;
}

async function firstByte(file: string): Promise<number | undefined> {
  const fh = await open(file, 'r');
  try {
    const b = Buffer.alloc(1);
    const { bytesRead } = await fh.read(b, 0, 1, 0);
    return bytesRead ? b[0] : undefined;
  } finally {
    await fh.close();
  }
}

/** Freshness is shown, not required: an operator may stage tomorrow's CRL or inspect an old one. */
async function verify(file: string, issuers: readonly Certificate[], clock: Clock): Promise<Checked> {
  // DER is streamed from the file (national CRLs are hundreds of MB); PEM/base64 decoded first.
  const der = (await firstByte(file)) === 0x30 ? undefined : decodeInput(await readRaw(file));
  const crl = await ingestCrl(der ?? file, { issuers, clock, checkFreshness: false });
  return { crl, der };
}

function partitionOf(crl: VerifiedCrl): CrlPartition | undefined {
  const dn = crl.idp?.directoryNames[0];
  return dn ? partitionOfName(parseNameDer(dn)) : undefined;
}

export async function runCrlImport(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (parsed.positionals.length === 0) throw new UsageError('expected at least one CRL file');
  if (v.template !== undefined && v.dir === undefined) throw new UsageError('--template needs --dir');
  const clock = cliClock(v.at);
  const issuers = await crlIssuers(v.trust);
  let dropDir;
  try {
    dropDir = v.dir === undefined ? undefined : createDirectorySource({ dir: v.dir, template: v.template });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const results: Imported[] = [];
  for (const file of parsed.positionals) {
    const r: Imported = { file, ok: false };
    results.push(r);
    try {
      const { crl, der } = await verify(file, issuers, clock);
      const partition = partitionOf(crl);
      const now = clock.now().getTime();
      Object.assign(r, {
        issuer: nameToString(parseNameDer(crl.issuerNameDer)),
        partition: partition?.id ?? null,
        entries: crl.index.size,
        thisUpdate: crl.thisUpdate.toISOString(),
        nextUpdate: crl.nextUpdate.toISOString(),
        crlNumber: crl.crlNumber?.toString() ?? null,
        fresh: now >= crl.thisUpdate.getTime() && now <= crl.nextUpdate.getTime(),
      });
      if (dropDir) {
        if (!partition)
          throw new GatewayError('ERR_CRL_UNSUPPORTED_SCOPE', 'no issuingDistributionPoint names its partition');
        const target = dropDir.locate(partition);
        const existing = await verify(target, issuers, clock).then(
          (x) => x.crl,
          () => undefined, // nothing usable there: replace it
        );
        const progress = checkCrlNotRegressed(existing, crl);
        if (progress === 'same') r.note = 'already present';
        else {
          await mkdir(dirname(target), { recursive: true });
          const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
          try {
            if (der) await writeFile(tmp, der, { flag: 'wx' });
            else await copyFile(file, tmp);
            await rename(tmp, target);
          } catch (e) {
            await unlink(tmp).catch(() => {});
            throw e;
          }
          r.stored = target;
        }
      }
      r.ok = true;
    } catch (e) {
      if (e instanceof GatewayError) r.error = { code: e.code, message: e.message };
      else if (e instanceof UsageError || (e instanceof Error && 'syscall' in e))
        r.error = { code: 'IO', message: e.message };
      else throw e;
    }
  }
  print(results, v.json, io);
  return results.every((r) => r.ok) ? 0 : 2;
}

function print(results: readonly Imported[], json: boolean, io: Io): void {
  if (json) {
    io.out(JSON.stringify(results, null, 2));
    return;
  }
  for (const r of results) {
    if (!r.ok) {
      io.err(`${r.file}: ${r.error?.code ?? 'ERROR'} ${r.error?.message ?? ''}`);
      continue;
    }
    io.out(`${r.file}: ${r.partition ?? '(no partition: the CRL covers its whole issuer)'}`);
    io.out(`  issuer      ${r.issuer}`);
    io.out(`  entries     ${r.entries}`);
    io.out(`  thisUpdate  ${r.thisUpdate}`);
    io.out(`  nextUpdate  ${r.nextUpdate}${r.fresh ? '' : '  (not current at the given time)'}`);
    io.out(`  crlNumber   ${r.crlNumber ?? '-'}`);
    if (r.stored) io.out(`  stored      ${r.stored}`);
    if (r.note) io.out(`  note        ${r.note}`);
  }
}
