import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors.js';
import { TRANSITIONS, transition, type SessionEvent } from '../../src/sessions/index.js';
import type { SessionStatus } from '../../src/sessions/types.js';

const STATES: SessionStatus[] = ['pending', 'completed', 'failed', 'expired', 'cancelled'];
const EVENTS: SessionEvent[] = ['prepare', 'complete', 'fail', 'expire', 'cancel'];

describe('session state machine', () => {
  it('pending moves to every terminal state (prepare keeps it pending)', () => {
    expect(EVENTS.map((e) => transition('pending', e))).toEqual([
      'pending',
      'completed',
      'failed',
      'expired',
      'cancelled',
    ]);
  });

  it('every terminal state is final: any event is ERR_SESSION_STATE', () => {
    for (const s of STATES.filter((s) => s !== 'pending')) {
      expect(Object.keys(TRANSITIONS[s])).toEqual([]);
      for (const e of EVENTS) {
        try {
          transition(s, e);
          expect.unreachable(`${e} from ${s}`);
        } catch (err) {
          expect(err).toBeInstanceOf(GatewayError);
          expect((err as GatewayError).code).toBe('ERR_SESSION_STATE');
        }
      }
    }
  });
});
