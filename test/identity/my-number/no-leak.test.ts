/**
 * 番号法: a My Number never appears in logs, errors, results, reports, JSON or inspect output
 * unless revealed on purpose. Runs the verifier, the sandbox and the CLI on a card with a
 * distinctive number, through success and every kind of failure, and scans everything they
 * produced or printed for its digits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { myNumberCheckDigit } from '../../../src/identity/my-number/check-digit.js';
import { signCms } from '../../../src/sandbox/cms.js';
import { createCardSigningCrl, issueSandboxCard } from '../../../src/sandbox/index.js';
import { createVerifier } from '../../../src/index.js';
import { bundle, cvCa, patched, pki, signedTextAp, verifier } from './fixtures.js';

const BASE = '31415926535';
const NUMBER = BASE + String(myNumberCheckDigit(BASE));
const BAD_CHECK = BASE + String((myNumberCheckDigit(BASE) + 1) % 10);
const SECRETS = [NUMBER, BAD_CHECK];

const seen: string[] = [];
const record = (...xs: unknown[]): void => {
  for (const x of xs)
    seen.push(typeof x === 'string' ? x : inspect(x, { depth: Infinity, showHidden: true }), safeJson(x));
};
function safeJson(x: unknown): string {
  try {
    return JSON.stringify(x) ?? '';
  } catch {
    return '';
  }
}

// everything written to the console or the process streams while the suite runs
const spies: { mockRestore(): void }[] = [];
beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const orig = stream.write.bind(stream);
    spies.push(
      vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        seen.push(String(chunk));
        return (orig as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write),
    );
  }
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    spies.push(vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void seen.push(a.map(String).join(' '))));
  }
});
afterAll(() => spies.forEach((s) => s.mockRestore()));

const card = issueSandboxCard({ pki, seed: 'my-number-tests', myNumber: NUMBER });

describe('the My Number does not leak', () => {
  it('through results of success and of every failure', async () => {
    const good = await verifier.verifyCardData(bundle(card));
    expect(good.status).toBe('verified');
    record(
      good,
      structuredClone(good),
      String(good.status === 'verified' ? good.myNumber : ''),
      `${JSON.stringify({ good })}`,
    );
    const variants = [
      bundle(card, { textAp: { ...card.textAp, ef0001: patched(card.textAp.ef0001, 5, { value: 0x41 }) } }),
      bundle(card, { textAp: { ...card.textAp, ef0001: patched(card.textAp.ef0001, 3, { mask: 0x01 }) } }),
      bundle(card, { textAp: signedTextAp(BAD_CHECK, {}, card) }),
      bundle(card, { textAp: { ...card.textAp, ef0001: card.textAp.ef0001.subarray(0, 15) } }),
      bundle(card, { challengeSignature: new Uint8Array(256) }),
      bundle(card, { signingCertificate: card.authentication.der }),
      bundle(card, { textAp: signedTextAp(NUMBER, { name: '別人　太郎' }, card) }),
    ];
    for (const input of variants) {
      const r = await verifier.verifyCardData(input);
      expect(r.status).toBe('failed');
      record(r);
    }
    record(await createVerifier().verifyCardData(bundle(card)));
  });

  it('through thrown messages', async () => {
    const throws: unknown[] = [];
    const attempt = async (f: () => unknown): Promise<void> => {
      try {
        await f();
      } catch (e) {
        throws.push(e, (e as Error).message, (e as Error).stack);
      }
    };
    await attempt(() => issueSandboxCard({ pki, myNumber: BAD_CHECK }));
    await attempt(() => verifier.verifyCardData({ ...bundle(card), challenge: new Uint8Array(3) }));
    await attempt(() => createVerifier({ cvCaKeys: [{ keyId: NUMBER, publicKey: cvCa.publicKeySpki }] }));
    expect(throws.length).toBeGreaterThanOrEqual(6);
    record(...throws);
  });

  it('through a validation report of a signature by the same card', async () => {
    const content = new TextEncoder().encode('account opening statement');
    const v = createVerifier({ trustAnchors: [card.signing.issuer.der], crls: [createCardSigningCrl(card)] });
    const report = await v.verifySignature({
      signature: signCms({ content, certificate: card.signing.der, privateKey: card.signing.privateKey }),
      content,
      at: card.at,
    });
    expect(report.indication).toBe('TOTAL_PASSED');
    record(report);
  });

  it('through the CLI, on success and on a bad --my-number', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const dir = mkdtempSync(join(tmpdir(), 'jpki-no-leak-'));
    expect(
      await main(['sandbox', 'card', '--out', dir, '--my-number', NUMBER, '--at', '2026-03-01T00:00:00Z'], io),
    ).toBe(0);
    expect(await main(['sandbox', 'card', '--out', dir, '--my-number', BAD_CHECK], io)).toBe(2);
    expect(out.join('\n')).toMatch(/check digit/);
    record(...out);
  });

  it('the scan itself sees what it is looking for', () => {
    expect(seen.length).toBeGreaterThan(20);
    expect([...seen, inspect({ revealed: NUMBER })].some((s) => s.includes(NUMBER))).toBe(true);
  });

  it('— none of it contains the digits', () => {
    for (const secret of SECRETS) {
      const hits = seen.filter((s) => s.includes(secret));
      expect(hits).toEqual([]);
    }
  });
});
