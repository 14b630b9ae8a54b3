/** Checks on the caller's arguments: violations are programming errors (TypeError), not reports. */
import type { Profile } from '../report/types.js';

const PROFILES: readonly Profile[] = ['jpki-signing', 'jpki-authentication', 'generic'];

export function checkProfile(p: unknown): Profile {
  if (p === undefined) return 'jpki-signing';
  if (!PROFILES.includes(p as Profile)) throw new TypeError(`profile must be one of ${PROFILES.join(', ')}`);
  return p as Profile;
}

export function checkAt(at: unknown, now: () => Date): number {
  if (at === undefined) return now().getTime();
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new TypeError('at must be a valid Date');
  return at.getTime();
}

export function checkBytes(v: unknown, what: string): asserts v is Uint8Array {
  if (!(v instanceof Uint8Array)) throw new TypeError(`${what} must be a Uint8Array`);
}
