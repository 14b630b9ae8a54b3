import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Independent second opinion: every sandbox structure is also read by OpenSSL, so a bug shared
// by our writer and node's parser cannot hide.

/** `openssl x509 -text` of a DER certificate, RFC 2253 names with UTF-8 kept. */
export function opensslText(der: Uint8Array): string {
  return execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text', '-nameopt', 'RFC2253,-esc_msb'], {
    input: der,
  }).toString('utf8');
}

/** `openssl verify -x509_strict` of a leaf against one trusted CA at a given time. */
export function opensslVerify(caPem: string, leafPem: string, at: Date): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jpki-sandbox-'));
  try {
    writeFileSync(join(dir, 'ca.pem'), caPem);
    writeFileSync(join(dir, 'leaf.pem'), leafPem);
    const args = ['verify', '-x509_strict', '-attime', String(Math.floor(at.getTime() / 1000))];
    const output = execFileSync('openssl', [...args, '-CAfile', join(dir, 'ca.pem'), join(dir, 'leaf.pem')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    return { ok: true, output };
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    return { ok: false, output: `${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
