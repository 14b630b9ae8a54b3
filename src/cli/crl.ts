/**
 * `jpki-gateway crl import|status` (issue 4, operations): put verified CRLs into the drop
 * directory, and show what revocation data a deployment has.
 */
import { runCrlImport } from './crl-import.js';
import { runCrlStatus } from './crl-status.js';
import { UsageError, type Io } from './io.js';

export const CRL_USAGE = `usage:
  jpki-gateway crl import [--trust FILE]... [--dir DIR [--template T]] [--at ISO-8601] [--json] CRL_FILE...
      verify each CRL against the bundled J-LIS roots (or --trust), print what it is
      (issuer, partition, entries, thisUpdate/nextUpdate, CRL number) and, with --dir, store it
      atomically at its partition's place (refusing to replace a newer CRL). Exit 2 on bad input.
  jpki-gateway crl status [--trust FILE]... [--dir DIR [--template T]] [--url-template T]
                      [--partition ID]... [--redis URL [--redis-prefix P]] [--at ISO-8601] [--json]
      load and verify every partition (drop directory, mirror) and show entries, thisUpdate,
      nextUpdate, age, source; with --redis, the snapshots replicas share. Exit 0 when every
      partition is fresh, 1 when one is stale or missing, 2 on usage errors.`;

export async function runCrl(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return runCrlImport(rest, io);
  if (sub === 'status') return runCrlStatus(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(CRL_USAGE);
    return sub ? 0 : 2;
  }
  throw new UsageError(`unknown crl command '${sub}' (expected: import, status)`);
}
