/** Injected time: checks receive a clock, they never read the system time themselves. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock frozen at one instant (tests, `--at`, validation at a past time). */
export function fixedClock(at: Date | string | number): Clock {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new TypeError(`fixedClock: invalid time ${String(at)}`);
  return Object.freeze({ now: () => new Date(ms) });
}
