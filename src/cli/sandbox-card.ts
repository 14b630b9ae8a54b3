/**
 * `jpki-gateway sandbox card --out DIR …` (contract §4): issues a virtual My Number Card from
 * the built-in simulated J-LIS and writes its material into DIR. Prints the file list, never
 * the My Number. `--at ISO-8601` (an addition) fixes the card's "now"; default: the current time.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GatewayError } from '../errors.js';
import { birthDateFromTextAp } from '../identity/birth-date.js';
import { hasValidCheckDigit } from '../identity/my-number/check-digit.js';
import { createCardSigningCrl } from '../sandbox/card-crl.js';
import { issueSandboxCard, type SandboxCard } from '../sandbox/card.js';
import type { SandboxIdentity, Sex } from '../sandbox/jpki-identity.js';
import { UsageError, parseAt, type Io } from './io.js';

const OPTIONS = {
  out: { type: 'string' },
  name: { type: 'string' },
  address: { type: 'string' },
  'birth-date': { type: 'string' },
  sex: { type: 'string' },
  'my-number': { type: 'string' },
  at: { type: 'string' },
} as const;

const SEXES: readonly Sex[] = ['male', 'female', 'unknown'];

export async function runSandbox(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'card') throw new UsageError(`unknown sandbox command '${sub ?? ''}' (expected: card)`);
  return runSandboxCard(rest, io);
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function identityFrom(v: ReturnType<typeof parse>): Partial<SandboxIdentity> {
  const identity: Partial<SandboxIdentity> = {};
  if (v.name !== undefined) {
    if (v.name.trim() === '') throw new UsageError('--name must not be empty');
    identity.name = v.name;
  }
  if (v.address !== undefined) {
    if (v.address.trim() === '') throw new UsageError('--address must not be empty');
    identity.address = v.address;
  }
  if (v['birth-date'] !== undefined) {
    const d = v['birth-date'];
    try {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new GatewayError('ERR_IDENTITY_MALFORMED');
      birthDateFromTextAp(d.replace(/-/g, '')); // a real (or partial, 00) Gregorian date
    } catch {
      throw new UsageError('--birth-date must be YYYY-MM-DD (00 for an unknown month or day)');
    }
    identity.birthDate = d;
  }
  if (v.sex !== undefined) {
    if (!(SEXES as readonly string[]).includes(v.sex)) throw new UsageError(`--sex must be one of ${SEXES.join(', ')}`);
    identity.sex = v.sex as Sex;
  }
  return identity;
}

export async function runSandboxCard(args: string[], io: Io): Promise<number> {
  const v = parse(args);
  if (v.out === undefined || v.out === '') throw new UsageError('--out DIR is required');
  const identity = identityFrom(v);
  const myNumber = v['my-number'];
  // jpki-reference §3; the message never repeats the value (番号法: never log a My Number)
  if (myNumber !== undefined && !hasValidCheckDigit(myNumber)) {
    throw new UsageError('--my-number must be 12 digits with a valid check digit (jpki-reference §3)');
  }
  const at = parseAt(v.at) ?? new Date();
  // Same identity → same keys and serials (reproducible, and the key cache is reused).
  const seed = `cli/${createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32)}`;
  const card = issueSandboxCard({ identity, seed, at, ...(myNumber !== undefined ? { myNumber } : {}) });
  const files = cardFiles(card);
  try {
    await mkdir(v.out, { recursive: true });
    for (const [name, data, secret] of files) {
      const path = join(v.out, name);
      await writeFile(path, data, { mode: secret ? 0o600 : 0o644 });
      if (secret) await chmod(path, 0o600); // an existing file keeps its old mode otherwise
    }
  } catch (e) {
    throw new UsageError(`cannot write into ${v.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.out(`sandbox card (${card.scenario}, valid at ${at.toISOString()}) written to ${v.out}:`);
  for (const [name] of files) io.out(`  ${name}`);
  io.out(
    `PINs: signing password ${card.pins.signing}, authentication PIN ${card.pins.authentication}, text-AP PIN ${card.pins.textAp}`,
  );
  return 0;
}

/** Contract §4: exactly these files. [name, contents, private] */
function cardFiles(card: SandboxCard): [string, string | Uint8Array, boolean][] {
  const pkcs8 = (k: SandboxCard['cardKey']['privateKey']): string =>
    k.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cvCa = card.cvCa
    .cvCaKeys()
    .map((k) => ({ keyId: k.keyId, publicKey: Buffer.from(k.publicKey).toString('base64') }));
  return [
    ['sign.key.pem', pkcs8(card.signing.privateKey), true],
    ['sign.crt.pem', card.signing.pem, false],
    ['auth.key.pem', pkcs8(card.authentication.privateKey), true],
    ['auth.crt.pem', card.authentication.pem, false],
    ['sign-ca.crt.pem', card.signing.issuer.pem, false],
    ['auth-ca.crt.pem', card.authentication.issuer.pem, false],
    ['crl-sign.der', createCardSigningCrl(card), false],
    ['text-ef0001.bin', card.textAp.ef0001, false],
    ['text-ef0002.bin', card.textAp.ef0002, false],
    ['text-ef0003.bin', card.textAp.ef0003, false],
    ['text-ef0004.bin', card.textAp.ef0004, false],
    ['text-ef0007.bin', card.textAp.ef0007, false],
    ['card.key.pem', pkcs8(card.cardKey.privateKey), true],
    ['cv-ca.json', `${JSON.stringify(cvCa, null, 2)}\n`, false],
  ];
}
