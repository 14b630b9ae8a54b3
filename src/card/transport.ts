/**
 * How the protocol reaches a card: one command APDU in, one response APDU (data ‖ SW1 SW2)
 * out. Implementations: the sandbox virtual card, the PC reader bridge (bridge-transport.ts),
 * a phone's NFC stack. See docs/card-transport.md.
 */
import { toHex } from './bytes.js';

export interface CardTransport {
  /**
   * Sends one command APDU and resolves with the full response APDU. Rejects when the reader
   * or card cannot be reached (a CardError: CARD_TRANSPORT, CARD_NOT_PRESENT, …). Calls are
   * made one at a time: the protocol never has two commands in flight.
   */
  transmit(command: Uint8Array): Promise<Uint8Array>;
}

export interface TranscriptEntry {
  readonly command: Uint8Array;
  readonly response: Uint8Array;
}

export interface RecordingTransport extends CardTransport {
  /** Every exchange so far, in order (VERIFY data redacted unless `keepPins`). */
  readonly transcript: readonly TranscriptEntry[];
}

const isVerifyWithData = (c: Uint8Array): boolean => c.length > 5 && c[0] === 0x00 && c[1] === 0x20;

/**
 * Wraps a transport and records each exchange for tests. It logs nothing. The data of a
 * VERIFY (the PIN or password) is replaced by '*' bytes of the same length in the record, so a
 * transcript can be printed or stored; `keepPins` is for tests that assert the exact bytes sent.
 */
export function recordingTransport(inner: CardTransport, opts: { keepPins?: boolean } = {}): RecordingTransport {
  const transcript: TranscriptEntry[] = [];
  return {
    transcript,
    async transmit(command) {
      const sent = command.slice();
      const response = await inner.transmit(command);
      if (!opts.keepPins && isVerifyWithData(sent)) sent.fill(0x2a, 5, 5 + sent[4]!);
      transcript.push({ command: sent, response: response.slice() });
      return response;
    },
  };
}

/**
 * One line per direction: `> 00 A4 04 0C 0A D392F000260100000001` and `< 9000` or
 * `< [256 bytes] 9000`. Response data is summarised by length so a transcript stays readable
 * and holds no personal data.
 */
export function formatTranscript(transcript: readonly TranscriptEntry[]): string {
  const hex = (b: Uint8Array): string => toHex(b).toUpperCase();
  const lines: string[] = [];
  for (const { command, response } of transcript) {
    const head = hex(command.subarray(0, 4)).replace(/(..)(?=.)/g, '$1 ');
    const rest = command.length > 4 ? ` ${hex(command.subarray(4, 5))}` : '';
    const body = command.length > 5 ? ` ${hex(command.subarray(5))}` : '';
    lines.push(`> ${head}${rest}${body}`);
    const dataLength = response.length - 2;
    const sw = hex(response.subarray(Math.max(0, response.length - 2)));
    lines.push(dataLength > 0 ? `< [${dataLength} bytes] ${sw}` : `< ${sw}`);
  }
  return lines.join('\n');
}
