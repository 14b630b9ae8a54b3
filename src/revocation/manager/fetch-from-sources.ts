/**
 * fetchFromSources: one attempt to get a partition's current CRL from its sources, in order.
 * A fetched CRL must pass ingestCrl (issuer name and key, signature, freshness, unknown critical
 * extensions: RFC 5280 §6.3.3) and the update checks (partition scope, CRL number not going
 * backwards) before it replaces the index in use; until then, and on any failure, the old one
 * keeps serving. Throws the first source's coded error when no source produced a usable CRL.
 */
import { GatewayError } from '../../errors.js';
import { ingestCrl } from '../crl/index.js';
import { checkCrlCoversPartition, checkCrlNotRegressed } from '../partitions/crl-update-checks.js';
import { keyHashOf, type LoadedCrl } from '../partitions/loaded-crl.js';
import type { CrlFetch } from '../sources/types.js';
import type { PartitionState } from './partition-state.js';
import type { RefreshContext } from './refresh-context.js';

export type SourceOutcome = 'updated' | 'unchanged' | 'not-modified';

async function accept(
  ctx: RefreshContext,
  st: PartitionState,
  f: Extract<CrlFetch, { status: 'fetched' }>,
): Promise<SourceOutcome> {
  const crl = await ingestCrl(f.input, {
    issuers: ctx.issuers,
    clock: ctx.clock,
    maxAgeGraceMs: ctx.graceMs,
    maxBytes: ctx.maxCrlBytes,
  });
  checkCrlCoversPartition(crl.idp, st.partition);
  const current = st.serving?.crl;
  const progress = checkCrlNotRegressed(current?.watermark, crl);
  if (progress === 'same' && current) {
    // Same CRL again (e.g. the file was touched): keep the index, remember the new validators.
    ctx.swap(st, { ...current, validators: f.validators }, false);
    return 'unchanged';
  }
  const loaded: LoadedCrl = {
    watermark: {
      partition: st.partition.id,
      thisUpdate: crl.thisUpdate,
      nextUpdate: crl.nextUpdate,
      crlNumber: crl.crlNumber,
      source: f.location,
      fetchedAt: ctx.clock.now(),
      entries: crl.index.size,
      via: 'source',
    },
    index: crl.index,
    issuerNameDer: crl.issuerNameDer,
    signer: crl.signer,
    signerKeyHash: keyHashOf(crl.signer),
    idp: crl.idp,
    validators: f.validators,
  };
  ctx.swap(st, loaded, true);
  return 'updated';
}

export async function fetchFromSources(ctx: RefreshContext, st: PartitionState): Promise<SourceOutcome> {
  const errors: GatewayError[] = [];
  for (const source of ctx.sources) {
    const current = st.serving?.crl;
    let f: CrlFetch;
    try {
      const validators =
        current && current.watermark.source === source.locate(st.partition) ? current.validators : undefined;
      f = await source.fetch(st.partition, validators, ctx.signal);
    } catch (e) {
      if (!(e instanceof GatewayError)) throw e;
      errors.push(e);
      continue;
    }
    if (f.status === 'absent') continue;
    if (f.status === 'not-modified') return 'not-modified';
    try {
      return await accept(ctx, st, f);
    } catch (e) {
      // A file that vanished or became unreadable between stat and read is a fetch failure.
      if (e instanceof Error && 'syscall' in e) errors.push(new GatewayError('ERR_CRL_FETCH_FAILED', e.message));
      else if (e instanceof GatewayError) errors.push(e);
      else throw e;
    } finally {
      await f.release();
    }
  }
  throw (
    errors[0] ?? new GatewayError('ERR_REVOCATION_UNAVAILABLE', `no source has a CRL for partition ${st.partition.id}`)
  );
}
