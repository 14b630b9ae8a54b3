/**
 * `jpki-gateway audit verify [--dir DIR] [--json]`: verifies each writer's chain and names the
 * first broken link (segment, line, seq, why). Prints each chain's head (seq and hash): record
 * it elsewhere to also detect a truncated tail later.
 */
import { parseArgs } from 'node:util';
import { readChains } from '../audit/chain/read-chains.js';
import { verifyChain } from '../audit/chain/verify-chain.js';
import { UsageError, type Io } from './io.js';

export async function runAuditVerify(args: string[], io: Io): Promise<number> {
  let values: { dir?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { dir: { type: 'string' }, json: { type: 'boolean', default: false } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const dir = values.dir ?? '.';
  let chains;
  try {
    chains = await readChains(dir);
  } catch (e) {
    throw new UsageError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (chains.length === 0) throw new UsageError(`no audit chain under ${dir}`);
  const results = chains.map((c) => ({ writer: c.writer, ...verifyChain(c.segments) }));
  if (values.json) io.out(JSON.stringify({ ok: results.every((r) => r.ok), chains: results }, null, 2));
  else
    for (const r of results) {
      const head = r.head ? `head seq ${r.head.seq} hash ${r.head.hash}` : 'empty';
      if (r.ok) io.out(`${r.writer}: OK, ${r.lines} lines, ${head}`);
      else {
        const b = r.broken;
        io.out(
          `${r.writer}: BROKEN at ${b.segment} line ${b.line} (expected seq ${b.expectedSeq}): ${b.reason}: ` +
            `${b.detail}; ${r.lines} lines verified before it`,
        );
      }
    }
  return results.every((r) => r.ok) ? 0 : 1;
}
