/**
 * House rule: every error code has a negative test asserting it. This guard fails when a code
 * of the closed union is not named by any test file (a code nobody can trigger should be
 * deleted, or listed below with the reason it cannot be triggered from outside).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES } from '../src/errors.js';
import { SUB_INDICATION } from '../src/report/sub-indication.js';

const NOT_TRIGGERABLE: Record<string, string> = {
  ERR_INTERNAL: 'wraps unexpected exceptions only; property tests assert it never appears',
};

function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return testSources(p);
    return /\.test\.ts$|fixtures?\.ts$|vectors?\.ts$/.test(name) ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('the error code union', () => {
  const corpus = testSources(new URL('.', import.meta.url).pathname).join('\n');

  it('has a message and an ETSI mapping for every code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code].length, code).toBeGreaterThan(5);
      expect(SUB_INDICATION[code], code).toBeTruthy();
    }
  });

  it('has a test naming every code', () => {
    const untested = ERROR_CODES.filter(
      (c) =>
        !NOT_TRIGGERABLE[c] && !corpus.includes(`'${c}'`) && !corpus.includes(`"${c}"`) && !corpus.includes(`\`${c}\``),
    );
    expect(untested).toEqual([]);
  });
});
