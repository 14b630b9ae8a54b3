import type { Clock } from '../../../src/clock.js';

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
}

export function manualClock(start: Date | string = '2026-03-01T00:00:00Z'): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}
