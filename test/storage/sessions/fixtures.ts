import type { SessionRecord } from '../../../src/sessions/types.js';

let n = 0;
/** A minimal pending record; ids are unique per call so suites can share one Redis. */
export function sessionRecord(over: Partial<SessionRecord> = {}): SessionRecord {
  n++;
  return {
    id: `ses_${String(n).padStart(6, '0')}${'A'.repeat(16)}`,
    tenantId: 'tenant-a',
    rpName: '見本証券株式会社',
    type: 'identity',
    status: 'pending',
    hint: 'waiting_for_user',
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    expiresAt: '2026-03-01T00:10:00.000Z',
    purpose: '口座開設',
    origin: 'https://rp.example',
    include: ['basic4'],
    nonce: 'n'.repeat(43),
    statement: 'statement',
    clientTokenHash: '00'.repeat(32),
    ...over,
  };
}

export const unique = (prefix: string): string => `${prefix}-${process.pid}-${++n}`;
