import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { signCms } from '../../src/sandbox/cms.js';
import { T0, sandbox, signingCrl } from '../verifier/fixtures.js';

const repo = new URL('../..', import.meta.url).pathname;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jpki-cli-'));
  const pki = sandbox();
  const leaf = pki.issueSigningCertificate({ serial: 0x0badcafe });
  const content = new TextEncoder().encode('loan contract (sandbox)');
  writeFileSync(join(dir, 'content.txt'), content);
  writeFileSync(join(dir, 'sig.p7s'), signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey }));
  // PEM and base64 forms must work as well as DER
  writeFileSync(
    join(dir, 'sig.b64'),
    Buffer.from(signCms({ content, certificate: leaf.der, privateKey: leaf.privateKey })).toString('base64'),
  );
  writeFileSync(join(dir, 'root.pem'), pki.root('signing', '2023').pem);
  writeFileSync(join(dir, 'leaf.pem'), leaf.pem);
  writeFileSync(join(dir, 'crl.der'), signingCrl());
  writeFileSync(join(dir, 'garbage.p7s'), 'not a signature');
});

const at = ['--at', T0.toISOString()];
/** `verify --json` of the sandbox signature with its root, CRL and content: TOTAL_PASSED. */
const passingVerify = (): string[] => [
  'verify',
  '--json',
  '--trust',
  join(dir, 'root.pem'),
  '--crl',
  join(dir, 'crl.der'),
  '--content',
  join(dir, 'content.txt'),
  ...at,
  join(dir, 'sig.p7s'),
];

describe('jpki-gateway verify', () => {
  it('exits 0 with a TOTAL_PASSED JSON report', async () => {
    const c = capture();
    const code = await main(passingVerify(), c.io);
    expect(code).toBe(0);
    const report = JSON.parse(c.out.join('\n'));
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(report.signer.identity.sex).toBe('female');
  });

  it('reads base64 input too', async () => {
    const c = capture();
    const code = await main(
      [
        'verify',
        '--trust',
        join(dir, 'root.pem'),
        '--no-revocation',
        '--content',
        join(dir, 'content.txt'),
        ...at,
        join(dir, 'sig.b64'),
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out.join('\n')).toMatch(/WARN_REVOCATION_NOT_CHECKED/);
  });

  it('exits 3 (INDETERMINATE) without revocation information', async () => {
    const c = capture();
    const code = await main(
      ['verify', '--trust', join(dir, 'root.pem'), '--content', join(dir, 'content.txt'), ...at, join(dir, 'sig.p7s')],
      c.io,
    );
    expect(code).toBe(3);
    expect(c.out[0]).toMatch(/INDETERMINATE \/ TRY_LATER/);
  });

  it('exits 1 (TOTAL_FAILED) for garbage', async () => {
    const c = capture();
    expect(
      await main(['verify', '--trust', join(dir, 'root.pem'), '--no-revocation', join(dir, 'garbage.p7s')], c.io),
    ).toBe(1);
  });

  it('exits 2 for usage and I/O errors', async () => {
    for (const args of [
      ['verify'],
      ['verify', '--bogus', 'x'],
      ['verify', '--at', 'yesterday', 'x'],
      ['verify', '--profile', 'nope', 'x'],
      ['verify', join(dir, 'missing.p7s')],
      ['frobnicate'],
    ]) {
      const c = capture();
      expect(await main(args, c.io), args.join(' ')).toBe(2);
    }
  });
});

describe('jpki-gateway verify-certificate', () => {
  it('validates a sandbox leaf with its CRL', async () => {
    const c = capture();
    const code = await main(
      [
        'verify-certificate',
        '--json',
        '--trust',
        join(dir, 'root.pem'),
        '--crl',
        join(dir, 'crl.der'),
        ...at,
        join(dir, 'leaf.pem'),
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(c.out.join('\n')).revocation.status).toBe('good');
  });

  it('refuses the signing leaf under the authentication profile', async () => {
    const c = capture();
    const code = await main(
      [
        'verify-certificate',
        '--profile',
        'jpki-authentication',
        '--trust',
        join(dir, 'root.pem'),
        '--no-revocation',
        ...at,
        join(dir, 'leaf.pem'),
      ],
      c.io,
    );
    expect(code).not.toBe(0);
  });

  it('checks --max-depth and --profile generic usage', async () => {
    const c = capture();
    expect(await main(['verify-certificate', '--max-depth', '-1', join(dir, 'leaf.pem')], c.io)).toBe(2);
    expect(await main(['verify-certificate', '--profile', 'generic', join(dir, 'leaf.pem')], c.io)).toBe(2);
  });
});

describe('the installed bin', () => {
  beforeAll(() => {
    if (!existsSync(join(repo, 'dist/cli/main.js')))
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: repo });
  }, 120_000);

  it('runs `jpki-gateway verify --json` as a process with the contract exit status', () => {
    const r = spawnSync(process.execPath, [join(repo, 'bin/jpki-gateway.js'), ...passingVerify()], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).indication).toBe('TOTAL_PASSED');
  });
});
