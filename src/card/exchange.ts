/**
 * One command at a time over a transport: a timeout on every exchange, transport failures
 * turned into CardError, and the mapping from a non-success status word to a coded error.
 */
import { decodeResponse, encodeCommand, type CommandApdu, type ResponseApdu } from './apdu.js';
import { CardError, isCardError, type PinKind } from './card-error.js';
import { SW } from './status-words.js';
import type { CardTransport } from './transport.js';

export type Exchange = (command: CommandApdu) => Promise<ResponseApdu>;

/** Default per-command timeout: a signature takes ≈ 1 s on a card; a bridge adds little. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

export function createExchange(transport: CardTransport, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS): Exchange {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('timeoutMs must be a positive number');
  let queue: Promise<unknown> = Promise.resolve();
  // After a timeout the card may still be working on that command: nothing more is sent, so a
  // late answer can never be taken for the answer to a later command. Reconnect to go on.
  let timedOut = false;
  const once = async (command: CommandApdu): Promise<ResponseApdu> => {
    const bytes = encodeCommand(command);
    if (timedOut) throw new CardError('CARD_TRANSPORT', { detail: 'a previous command timed out' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new CardError('CARD_TIMEOUT'));
      }, timeoutMs);
    });
    try {
      const response = await Promise.race([transport.transmit(bytes), timeout]);
      return decodeResponse(response);
    } catch (e) {
      if (isCardError(e)) throw e;
      throw new CardError('CARD_TRANSPORT', { detail: e instanceof Error ? e.name : 'transport failed' });
    } finally {
      clearTimeout(timer);
    }
  };
  // Serialise: a second call waits for the first, so commands never interleave on the card.
  return (command) => {
    const next = queue.then(
      () => once(command),
      () => once(command),
    );
    queue = next.catch(() => undefined);
    return next;
  };
}

/** What a failed status word means depends on the command: SELECT AP vs SELECT EF, which PIN. */
export interface StatusContext {
  readonly selecting?: 'application' | 'file';
  readonly pin?: PinKind;
}

/** Throws the coded error for any status word but 9000. */
export function expectOk(r: ResponseApdu, context: StatusContext = {}): Uint8Array {
  if (r.sw === SW.OK) return r.data;
  throw errorForStatus(r.sw, context);
}

export function errorForStatus(sw: number, context: StatusContext = {}): CardError {
  switch (sw) {
    case SW.SECURITY_STATUS_NOT_SATISFIED:
      return new CardError('CARD_SECURITY_NOT_SATISFIED', { sw });
    case SW.AUTHENTICATION_BLOCKED:
      return new CardError('CARD_PIN_LOCKED', { sw, ...(context.pin ? { pin: context.pin } : {}) });
    case SW.FILE_NOT_FOUND:
      if (context.selecting === 'application') return new CardError('CARD_APPLICATION_NOT_FOUND', { sw });
      if (context.selecting === 'file') return new CardError('CARD_FILE_NOT_FOUND', { sw });
      return new CardError('CARD_UNEXPECTED_STATUS', { sw });
    default:
      return new CardError('CARD_UNEXPECTED_STATUS', { sw });
  }
}
