/**
 * The status words (SW1 SW2, ISO/IEC 7816-4 §5.6) a JPKI card — or the virtual card — can
 * answer to the commands of jpki-reference §4. A closed set: anything else is "unexpected" and
 * becomes CARD_UNEXPECTED_STATUS. 63Cx is a family: x = verification tries left.
 */

export const SW = {
  /** Normal processing. */
  OK: 0x9000,
  /** READ BINARY: end of file reached before Le bytes were read (data is shorter). */
  END_OF_FILE: 0x6282,
  /** VERIFY: 63C0 | tries left (0–15). Without data it only reports; with data the PIN was wrong. */
  VERIFY_FAILED: 0x63c0,
  /** Lc or Le wrong, an extended APDU, or a PIN of impossible length. */
  WRONG_LENGTH: 0x6700,
  /** The current EF is the wrong kind for the command (read a key or PIN, VERIFY a non-PIN, sign with a non-key). */
  INCOMPATIBLE_FILE: 0x6981,
  /** The file or key needs a PIN / password that is not verified in the current security state. */
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  /** The PIN is locked (tries exhausted): authentication method blocked. */
  AUTHENTICATION_BLOCKED: 0x6983,
  /** Conditions of use not satisfied: internal authentication outside the text AP. */
  CONDITIONS_NOT_SATISFIED: 0x6985,
  /** Command not allowed: no current EF (nothing selected). */
  NO_CURRENT_EF: 0x6986,
  /** SELECT: application or file not found. */
  FILE_NOT_FOUND: 0x6a82,
  /** P1 or P2 not supported by the command. */
  INCORRECT_P1P2: 0x6a86,
  /** READ BINARY: offset outside the EF. */
  WRONG_OFFSET: 0x6b00,
  /** Instruction not supported. */
  INS_NOT_SUPPORTED: 0x6d00,
  /** Class not supported (for this instruction). */
  CLA_NOT_SUPPORTED: 0x6e00,
} as const;

export type StatusWordName = keyof typeof SW;

const MEANINGS: Record<StatusWordName, string> = {
  OK: 'normal processing',
  END_OF_FILE: 'end of file reached before Le bytes were read',
  VERIFY_FAILED: 'verification failed or tries left reported',
  WRONG_LENGTH: 'wrong length (Lc, Le or PIN length)',
  INCOMPATIBLE_FILE: 'command incompatible with the file structure',
  SECURITY_STATUS_NOT_SATISFIED: 'security status not satisfied',
  AUTHENTICATION_BLOCKED: 'authentication method blocked',
  CONDITIONS_NOT_SATISFIED: 'conditions of use not satisfied',
  NO_CURRENT_EF: 'command not allowed (no current EF)',
  FILE_NOT_FOUND: 'file or application not found',
  INCORRECT_P1P2: 'incorrect parameters P1-P2',
  WRONG_OFFSET: 'wrong parameters (offset outside the EF)',
  INS_NOT_SUPPORTED: 'instruction not supported',
  CLA_NOT_SUPPORTED: 'class not supported',
};

/** 63Cx with x tries left. */
export const verifyFailed = (triesLeft: number): number => {
  if (!Number.isInteger(triesLeft) || triesLeft < 0 || triesLeft > 15) throw new TypeError('triesLeft: 0–15');
  return SW.VERIFY_FAILED | triesLeft;
};

/** Tries left in a 63Cx, or undefined for any other status word. */
export const triesLeftOf = (sw: number): number | undefined => ((sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined);

/** The name of a status word of the closed set, or undefined when it is not one of them. */
export function statusWordName(sw: number): StatusWordName | undefined {
  if (triesLeftOf(sw) !== undefined) return 'VERIFY_FAILED';
  return (Object.keys(SW) as StatusWordName[]).find((k) => SW[k] === sw);
}

/** "6982 security status not satisfied" — for error details; never includes command data. */
export function describeStatusWord(sw: number): string {
  const hex = sw.toString(16).toUpperCase().padStart(4, '0');
  const name = statusWordName(sw);
  if (name === undefined) return `${hex} (not a status word of the JPKI command set)`;
  const tries = triesLeftOf(sw);
  return tries === undefined ? `${hex} ${MEANINGS[name]}` : `${hex} ${MEANINGS[name]}: ${tries} tries left`;
}
