/**
 * `jpki-gateway` command line (contract §4). Exit status: 0 TOTAL_PASSED, 1 TOTAL_FAILED,
 * 3 INDETERMINATE, 2 usage or I/O error.
 */
import { runVerify } from './verify.js';
import { runVerifyCertificate } from './verify-certificate.js';
import { runServe } from './serve.js';
import { runSandbox } from './sandbox-card.js';
import { runCrl } from './crl.js';
import { runAudit } from './audit.js';
import { UsageError, type Io, defaultIo } from './io.js';

const USAGE = `usage:
  jpki-gateway serve
  jpki-gateway verify [--json] [--profile P] [--trust FILE]... [--intermediate FILE]...
                      [--crl FILE]... [--ocsp URL] [--content FILE] [--at ISO-8601]
                      [--no-revocation] SIGNATURE_FILE
  jpki-gateway verify-certificate [--json] [--profile P] [--trust FILE]... [--intermediate FILE]...
                      [--crl FILE]... [--at ISO-8601] [--max-depth N] [--no-revocation] CERT_FILE
  jpki-gateway sandbox card --out DIR [--name …] [--address …] [--birth-date YYYY-MM-DD]
                      [--sex male|female|unknown] [--my-number 12 digits]

profiles: jpki-signing (default), jpki-authentication, generic
exit status: 0 TOTAL_PASSED, 1 TOTAL_FAILED, 3 INDETERMINATE, 2 usage or I/O error`;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: runServe,
  verify: runVerify,
  'verify-certificate': runVerifyCertificate,
  sandbox: runSandbox,
  crl: runCrl,
  audit: runAudit,
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`jpki-gateway: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`jpki-gateway ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}
