/** Dead letters through the API verbs: owner-only list and redrive, audited; unknown ids refused. */
import { describe, expect, it } from 'vitest';
import { createChainedAuditLog } from '../../src/audit/chain/create-chained-audit-log.js';
import { createMemoryChainSink } from '../../src/audit/chain/memory-chain-sink.js';
import { listDeadLetters, redriveDeadLetter } from '../../src/webhooks/dead-letters.js';
import { createMemoryOutbox } from '../../src/webhooks/memory/memory-outbox.js';
import { codeOf } from '../sessions/fixtures.js';
import { manualClock } from '../storage/contract/manual-clock.js';
import { sessionEvent } from './fixtures.js';

describe('dead letters', () => {
  it('list and redrive are per tenant; another tenant, an unknown or malformed id: ERR_DEAD_LETTER_NOT_FOUND', async () => {
    const clock = manualClock();
    const outbox = createMemoryOutbox();
    const sink = createMemoryChainSink();
    const deps = { outbox, clock, audit: await createChainedAuditLog({ sink, clock }) };
    const ev = sessionEvent('https://rp.example.jp/h', 1);
    await outbox.enqueue(ev, 0);
    const [c] = await outbox.claim(clock.now().getTime(), 1000, 1);
    await outbox.bury(c!, 8, { code: 'ERR_WEBHOOK_STATUS', at: clock.now().toISOString() }, clock.now().getTime());
    expect((await listDeadLetters(deps, 'acme', 50)).map((d) => d.event.id)).toEqual([ev.id]);
    expect(await listDeadLetters(deps, 'other', 50)).toEqual([]);
    expect(await codeOf(redriveDeadLetter(deps, 'other', ev.id))).toBe('ERR_DEAD_LETTER_NOT_FOUND');
    expect(await codeOf(redriveDeadLetter(deps, 'acme', 'evt_nope'))).toBe('ERR_DEAD_LETTER_NOT_FOUND');
    await redriveDeadLetter(deps, 'acme', ev.id);
    expect(await codeOf(redriveDeadLetter(deps, 'acme', ev.id))).toBe('ERR_DEAD_LETTER_NOT_FOUND');
    expect(sink.text).toContain('"type":"webhook.redriven"');
  });
});
