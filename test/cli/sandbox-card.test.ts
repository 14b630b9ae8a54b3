/**
 * `jpki-gateway sandbox card` (contract §4): exactly the listed files, and they work — the
 * text-AP bundle verifies through the library, and `verify --trust sign-ca.crt.pem --crl
 * crl-sign.der` accepts a signature made with sign.key.pem.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { myNumberCheckDigit } from '../../src/identity/my-number/check-digit.js';
import { createVerifier } from '../../src/index.js';
import { decodeInput } from '../../src/pki/decode-input.js';
import { signCms } from '../../src/sandbox/cms.js';

const CONTRACT_FILES = [
  'sign.key.pem',
  'sign.crt.pem',
  'auth.key.pem',
  'auth.crt.pem',
  'sign-ca.crt.pem',
  'auth-ca.crt.pem',
  'crl-sign.der',
  'text-ef0001.bin',
  'text-ef0002.bin',
  'text-ef0003.bin',
  'text-ef0004.bin',
  'text-ef0007.bin',
  'card.key.pem',
  'cv-ca.json',
];
const BASE = '27182818284';
const MY_NUMBER = BASE + String(myNumberCheckDigit(BASE));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

const read = (dir: string, f: string): Uint8Array => new Uint8Array(readFileSync(join(dir, f)));

/** The card-data bundle a widget would send, rebuilt from the files alone. */
async function verifyFromFiles(dir: string) {
  const cvCaKeys = (
    JSON.parse(readFileSync(join(dir, 'cv-ca.json'), 'utf8')) as { keyId: string; publicKey: string }[]
  ).map((k) => ({ keyId: k.keyId, publicKey: new Uint8Array(Buffer.from(k.publicKey, 'base64')) }));
  const challenge = new Uint8Array(32).fill(0x5a);
  const cardKey = createPrivateKey(readFileSync(join(dir, 'card.key.pem')));
  return createVerifier({ cvCaKeys }).verifyCardData({
    textAp: {
      ef0001: read(dir, 'text-ef0001.bin'),
      ef0002: read(dir, 'text-ef0002.bin'),
      ef0003: read(dir, 'text-ef0003.bin'),
      ef0004: read(dir, 'text-ef0004.bin'),
      ef0007: read(dir, 'text-ef0007.bin'),
    },
    challenge,
    challengeSignature: new Uint8Array(sign('sha256', challenge, cardKey)),
    signingCertificate: read(dir, 'sign.crt.pem'),
  });
}

describe('jpki-gateway sandbox card', () => {
  let dir: string;
  let printed: string;
  beforeAll(async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'jpki-card-')), 'new-dir');
    const c = capture();
    const code = await main(
      [
        'sandbox',
        'card',
        '--out',
        dir,
        '--name',
        '見本　次郎',
        '--address',
        '北海道札幌市中央区見本町７ー８',
        '--birth-date',
        '1985-12-24',
        '--sex',
        'male',
        '--my-number',
        MY_NUMBER,
      ],
      c.io,
    );
    expect(code).toBe(0);
    printed = [...c.out, ...c.err].join('\n');
  });

  it('writes exactly the files of contract §4, private keys readable by the owner only', () => {
    expect(readdirSync(dir).sort()).toEqual([...CONTRACT_FILES].sort());
    for (const f of ['sign.key.pem', 'auth.key.pem', 'card.key.pem']) {
      expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/); // PKCS#8
    }
    const cv = JSON.parse(readFileSync(join(dir, 'cv-ca.json'), 'utf8'));
    expect(cv).toHaveLength(1);
    expect(cv[0].keyId).toMatch(/^6000033[0-9A-F]{25}$/);
  });

  it('prints the file list, never the My Number', () => {
    for (const f of CONTRACT_FILES) expect(printed).toContain(f);
    expect(printed).not.toContain(MY_NUMBER);
  });

  it('the text-AP files verify through the library, with the chosen identity and number', async () => {
    const r = await verifyFromFiles(dir);
    expect(r.status).toBe('verified');
    if (r.status !== 'verified') return;
    expect(r.myNumber.reveal()).toBe(MY_NUMBER);
    expect(r.crossCheck).toBe('matched');
    expect(r.basicFour).toMatchObject({
      name: '見本　次郎',
      address: '北海道札幌市中央区見本町７－８',
      birthDate: '1985-12-24',
      sex: 'male',
    });
  });

  it('`verify --trust sign-ca.crt.pem --crl crl-sign.der` accepts a signature made with sign.key.pem', async () => {
    const content = new TextEncoder().encode('loan contract (sandbox)');
    const privateKey = createPrivateKey(readFileSync(join(dir, 'sign.key.pem')));
    writeFileSync(join(dir, '..', 'content.txt'), content);
    writeFileSync(
      join(dir, '..', 'sig.p7s'),
      signCms({ content, certificate: decodeInput(read(dir, 'sign.crt.pem')), privateKey }),
    );
    const c = capture();
    const code = await main(
      [
        'verify',
        '--json',
        '--trust',
        join(dir, 'sign-ca.crt.pem'),
        '--crl',
        join(dir, 'crl-sign.der'),
        '--content',
        join(dir, '..', 'content.txt'),
        join(dir, '..', 'sig.p7s'),
      ],
      c.io,
    );
    const report = JSON.parse(c.out.join('\n'));
    expect(report.errors).toEqual([]);
    expect(code).toBe(0);
    expect(report.revocation.status).toBe('good');
    expect(report.signer.identity.name).toBe('見本　次郎');
  });

  it('the authentication certificate chains to auth-ca.crt.pem', async () => {
    const c = capture();
    const code = await main(
      [
        'verify-certificate',
        '--profile',
        'jpki-authentication',
        '--trust',
        join(dir, 'auth-ca.crt.pem'),
        '--no-revocation',
        join(dir, 'auth.crt.pem'),
      ],
      c.io,
    );
    expect(code).toBe(0);
  });

  it('with no identity options: the obviously fake default holder and a valid sandbox number', async () => {
    const d = mkdtempSync(join(tmpdir(), 'jpki-card-default-'));
    const c = capture();
    expect(await main(['sandbox', 'card', '--out', d, '--at', '2026-03-01T00:00:00Z'], c.io)).toBe(0);
    const r = await verifyFromFiles(d);
    expect(r).toMatchObject({ status: 'verified', basicFour: { name: '試験　花子' } });
    if (r.status === 'verified') expect(r.myNumber.reveal()).toMatch(/^00000\d{7}$/);
  });

  it('a partial birth date is accepted', async () => {
    const d = mkdtempSync(join(tmpdir(), 'jpki-card-partial-'));
    expect(await main(['sandbox', 'card', '--out', d, '--birth-date', '1960-04-00'], capture().io)).toBe(0);
    expect(await verifyFromFiles(d)).toMatchObject({ status: 'verified', basicFour: { birthDate: '1960-04' } });
  });
});

describe('jpki-gateway sandbox card: usage errors exit 2', () => {
  const out = mkdtempSync(join(tmpdir(), 'jpki-card-bad-'));
  const cases: [string, string[], RegExp][] = [
    [
      'a wrong check digit',
      ['--out', out, '--my-number', BASE + String((myNumberCheckDigit(BASE) + 1) % 10)],
      /check digit/,
    ],
    ['11 digits', ['--out', out, '--my-number', BASE], /12 digits/],
    ['no --out', [], /--out/],
    ['a bad --sex', ['--out', out, '--sex', 'other'], /--sex/],
    ['30 February', ['--out', out, '--birth-date', '1990-02-30'], /--birth-date/],
    ['a date without dashes', ['--out', out, '--birth-date', '19900401'], /--birth-date/],
    ['an empty name', ['--out', out, '--name', ' '], /--name/],
    ['an unknown option', ['--out', out, '--pin', '0000'], /pin/],
    ['a positional argument', ['--out', out, 'extra'], /extra|positional/],
    ['a bad --at', ['--out', out, '--at', 'tomorrow'], /--at/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const c = capture();
    expect(await main(['sandbox', 'card', ...args], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
    const mn = args[args.indexOf('--my-number') + 1];
    if (args.includes('--my-number') && mn) expect(c.err.join('\n')).not.toContain(mn);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an unknown sandbox subcommand', async () => {
    const c = capture();
    expect(await main(['sandbox', 'phone', '--out', out], c.io)).toBe(2);
    expect(await main(['sandbox'], c.io)).toBe(2);
  });

  it('an unwritable --out', async () => {
    const file = join(out, '..', `not-a-dir-${process.pid}`);
    writeFileSync(file, 'x');
    const c = capture();
    expect(await main(['sandbox', 'card', '--out', join(file, 'sub')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/cannot write/);
  });
});
