/**
 * The hash-chained audit log: canonical lines linked by SHA-256, group-committed appends that
 * resolve only once durable, ids-only events (free text is a caller bug), the vault's port
 * events mapped field by field, and a failed write that never forks the chain.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/chain/canonical-json.js';
import { GENESIS_HASH, lineHash } from '../../src/audit/chain/chain-line.js';
import { createChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { createMemoryChainSink } from '../../src/audit/chain/memory-chain-sink.js';
import { verifyChain } from '../../src/audit/chain/verify-chain.js';
import { manualClock } from '../storage/contract/manual-clock.js';

const clock = manualClock('2026-03-01T00:00:00Z');

async function log() {
  const sink = createMemoryChainSink();
  return { sink, audit: await createChainedAuditLog({ sink, clock }) };
}

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members, no whitespace; refuses what JSON cannot say exactly', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, d: { z: '', y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":2,"z":""}}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });
});

describe('createChainedAuditLog', () => {
  it('writes seq-numbered canonical lines, each hashing its fields and naming the previous hash', async () => {
    const { sink, audit } = await log();
    const a = await audit.append({ type: 'config.loaded', ids: { mode: 'sandbox' } });
    const b = await audit.append({ type: 'api_key.used', ids: { tenantId: 'acme', requestId: 'req-1' } });
    expect(a).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, time: '2026-03-01T00:00:00.000Z' });
    expect(b).toMatchObject({ seq: 2, prevHash: a.hash });
    expect(a.hash).toBe(lineHash(a));
    expect(sink.text).toBe(`${canonicalJson(a)}\n${canonicalJson(b)}\n`);
    expect(audit.head()).toEqual({ seq: 2, hash: b.hash });
    expect(verifyChain([{ name: 'mem', text: sink.text }])).toEqual({ ok: true, lines: 2, head: audit.head() });
  });

  it('group-commits concurrent appends: 200 events, few writes, one intact chain in call order', async () => {
    const sink = createMemoryChainSink();
    let writes = 0;
    const counting = { ...sink, append: async (t: string) => (writes++, sink.append(t)) };
    const audit = await createChainedAuditLog({ sink: counting, clock });
    const lines = await Promise.all(
      Array.from({ length: 200 }, (_, i) => audit.append({ type: 'api_key.used', ids: { requestId: `r${i}` } })),
    );
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(lines.map((l) => l.ids.requestId)).toEqual(Array.from({ length: 200 }, (_, i) => `r${i}`));
    expect(writes).toBeLessThanOrEqual(2);
    expect(verifyChain([{ name: 'mem', text: sink.text }]).ok).toBe(true);
  });

  it("maps the vault's port events (AuditLog.record) to ids only", async () => {
    const { sink, audit } = await log();
    await audit.record({
      type: 'my_number.deleted',
      tenantId: 'acme',
      sessionId: 'ses_x',
      at: '2026-03-01T00:00:00.000Z',
      reason: 'read_once',
      keyId: 'k1',
    });
    expect(JSON.parse(sink.text)).toMatchObject({
      seq: 1,
      type: 'my_number.deleted',
      ids: { tenantId: 'acme', sessionId: 'ses_x', reason: 'read_once', keyId: 'k1' },
    });
  });

  it('refuses personal data and unknown types as caller bugs (TypeError), writing nothing', async () => {
    const { sink, audit } = await log();
    await expect(audit.append({ type: 'session.created', ids: { name: '試験 花子' } })).rejects.toThrow(TypeError);
    await expect(audit.append({ type: 'session.created', ids: { note: 'two words' } })).rejects.toThrow(TypeError);
    await expect(audit.append({ type: 'session.created', ids: { 'bad key': 'x' } })).rejects.toThrow(TypeError);
    await expect(audit.append({ type: 'nope' as never, ids: {} })).rejects.toThrow(TypeError);
    expect(sink.text).toBe('');
  });

  it('a failed write rejects its callers and the next append continues the durable chain', async () => {
    const { sink, audit } = await log();
    await audit.append({ type: 'config.loaded', ids: {} });
    sink.failNext();
    await expect(audit.append({ type: 'api_key.used', ids: { requestId: 'lost' } })).rejects.toThrow(/sink write/);
    const next = await audit.append({ type: 'api_key.used', ids: { requestId: 'kept' } });
    expect(next.seq).toBe(2);
    expect(verifyChain([{ name: 'mem', text: sink.text }])).toMatchObject({ ok: true, lines: 2 });
  });

  it('after close, appends are refused', async () => {
    const { audit } = await log();
    await audit.close();
    await expect(audit.append({ type: 'config.loaded', ids: {} })).rejects.toThrow(/closed/);
  });
});
