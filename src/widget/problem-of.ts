/** What the catalogue needs to know about anything thrown during a step. */
import { isCardError } from '../card/card-error.js';
import { ApiProblem, NetworkProblem } from './api.js';
import type { Problem } from './i18n/explain.js';

export interface KnownProblem {
  readonly problem: Problem;
  /** The most precise code, shown small for support calls. */
  readonly code?: string;
}

export function problemOf(e: unknown): KnownProblem {
  if (isCardError(e))
    return {
      problem: { kind: 'card', code: e.code, ...(e.triesLeft !== undefined ? { triesLeft: e.triesLeft } : {}) },
      code: e.code,
    };
  if (e instanceof ApiProblem) {
    const lead = e.detail ? /^(ERR_[A-Z0-9_]+)/.exec(e.detail)?.[1] : undefined;
    return {
      problem: { kind: 'http', code: e.code, ...(e.detail ? { detail: e.detail } : {}) },
      code: lead ?? e.code,
    };
  }
  if (e instanceof NetworkProblem) return { problem: { kind: 'widget', problem: 'network' } };
  return { problem: { kind: 'widget', problem: 'unknown' } };
}
