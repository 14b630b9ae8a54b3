/** Options shared by `verify` and `verify-certificate`, parsed with node:util parseArgs. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

export const COMMON_OPTIONS = {
  json: { type: 'boolean', default: false },
  profile: { type: 'string' },
  trust: { type: 'string', multiple: true, default: [] },
  intermediate: { type: 'string', multiple: true, default: [] },
  crl: { type: 'string', multiple: true, default: [] },
  at: { type: 'string' },
  'no-revocation': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs parseArgs strictly, turning its errors into usage errors; exactly one positional. */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  what: string,
): {
  values: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>['values'];
  file: string;
} {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`expected exactly one ${what}`);
  return { values: parsed.values, file: parsed.positionals[0]! };
}
