/**
 * `jpki-gateway audit verify|unpack` (issue 6): check the hash-chained audit log, and turn an
 * evidence export into the files `jpki-gateway verify` re-verifies offline.
 */
import { runAuditUnpack } from './audit-unpack.js';
import { runAuditVerify } from './audit-verify.js';
import { UsageError, type Io } from './io.js';

export const AUDIT_USAGE = `usage:
  jpki-gateway audit verify [--dir DIR] [--json]
      check every writer's hash chain under DIR (the evidence directory or its audit/ folder;
      default: the current directory) and report the first broken link.
      Exit 0 when every chain is intact, 1 when one is broken, 2 on usage errors or no chain.
  jpki-gateway audit unpack --out DIR EXPORT_FILE
      write the files of an evidence export (GET /v1/evidence/{id}/export) into DIR and print
      the jpki-gateway verify command that re-verifies the record at its validation time.
      Exit 0 when written, 2 on usage errors or an unreadable export.`;

export async function runAudit(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify') return runAuditVerify(rest, io);
  if (sub === 'unpack') return runAuditUnpack(rest, io);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(AUDIT_USAGE);
    return sub ? 0 : 2;
  }
  throw new UsageError(`unknown audit command '${sub}' (expected: verify, unpack)`);
}
