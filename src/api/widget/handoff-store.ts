/**
 * Handoffs of the cross-device flow: which session a QR code belongs to, whether a phone has
 * claimed it (exactly once), and the session's outcome once it ends (written by the replica
 * that saw the transition, read by the one the desktop polls). A port with a memory adapter;
 * a Redis adapter (SET NX for the claim, TTLs on everything) fits the same four calls.
 */
import type { Clock } from '../../clock.js';
import type { SessionHint, SessionStatus } from '../../sessions/types.js';

export interface HandoffRecord {
  readonly id: string;
  readonly sessionId: string;
  /** hex SHA-256 of the session's client token: the desktop proves it holds the token. */
  readonly clientTokenHash: string;
  /** Handed to the phone that claims the handoff (the phone then uses the client API). */
  readonly clientToken: string;
  /** Epoch ms the QR clock started. */
  readonly startedAt: number;
  readonly sandboxCardId?: string;
}

export interface SessionOutcome {
  readonly status: Exclude<SessionStatus, 'pending'>;
  readonly hint?: SessionHint;
}

export interface HandoffStore {
  create(record: HandoffRecord, ttlMs: number): Promise<void>;
  get(id: string): Promise<HandoffRecord | undefined>;
  /** true for the first caller only (a second phone is refused). */
  claim(id: string, ttlMs: number): Promise<boolean>;
  isClaimed(id: string): Promise<boolean>;
  setOutcome(sessionId: string, outcome: SessionOutcome, ttlMs: number): Promise<void>;
  outcome(sessionId: string): Promise<SessionOutcome | undefined>;
}

const MAX_ENTRIES = 10_000;

export function createMemoryHandoffStore(clock: Clock): HandoffStore {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  const put = (key: string, value: unknown, ttlMs: number): void => {
    entries.delete(key);
    entries.set(key, { value, expiresAt: clock.now().getTime() + ttlMs });
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  };
  const read = <T>(key: string): T | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= clock.now().getTime()) {
      entries.delete(key);
      return undefined;
    }
    return e.value as T;
  };
  return {
    async create(r, ttlMs) {
      put(`h:${r.id}`, r, ttlMs);
    },
    get: async (id) => read<HandoffRecord>(`h:${id}`),
    async claim(id, ttlMs) {
      if (read(`c:${id}`) !== undefined) return false;
      put(`c:${id}`, true, ttlMs);
      return true;
    },
    isClaimed: async (id) => read(`c:${id}`) !== undefined,
    async setOutcome(sessionId, outcome, ttlMs) {
      put(`o:${sessionId}`, outcome, ttlMs);
    },
    outcome: async (sessionId) => read<SessionOutcome>(`o:${sessionId}`),
  };
}
