/** `jpki-gateway serve`: start the HTTP server (configuration from the environment). */
import { startServer } from '../server.js';
import { ConfigError } from '../config/load-config.js';
import type { Io } from './io.js';

export async function runServe(args: string[], io: Io): Promise<number> {
  if (args.length) {
    io.err('jpki-gateway serve takes no arguments; configure it with environment variables (see README)');
    return 2;
  }
  try {
    await startServer();
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
  return await new Promise<number>(() => {}); // runs until a signal stops the process
}
