/**
 * Application identifiers and file identifiers of the My Number Card (jpki-reference §3, §4).
 * The text-AP PIN EF (0011) is not in the reference: it is the id open-source card readers
 * use for 券面事項入力補助用暗証番号; kept here as the one place to change if a card disagrees.
 */
import { fromHex } from './bytes.js';

export const AID = {
  /** 公的個人認証 AP (JPKI-AP). */
  jpki: fromHex('D392F000260100000001'),
  /** 券面事項入力補助 AP (text AP). */
  textAp: fromHex('D3921000310001010408'),
  /** 券面事項確認 AP (card-face confirmation); not used by the gateway's flows. */
  cardFace: fromHex('D3921000310001010402'),
} as const;

export const JPKI_EF = {
  signingCertificate: 0x0001,
  signingCaCertificate: 0x0002,
  tokenLabel: 0x0006,
  authenticationCertificate: 0x000a,
  authenticationCaCertificate: 0x000b,
  authenticationKey: 0x0017,
  authenticationPin: 0x0018,
  signingKey: 0x001a,
  signingPassword: 0x001b,
} as const;

export const TEXT_AP_EF = {
  ef0001: 0x0001,
  ef0002: 0x0002,
  ef0003: 0x0003,
  ef0004: 0x0004,
  ef0007: 0x0007,
  pin: 0x0011,
} as const;

/** Token labels of EF0006 (jpki-reference §4): a card, and an Android secure element. */
export const TOKEN_LABELS = ['JPKIAPICCTOKEN2', 'JPKIAPGPSETOKEN'] as const;

/** Tries before lock-out (jpki-reference §1): signing password 5, 4-digit PINs 3. */
export const PIN_TRIES = { signing: 5, auth: 3, textAp: 3 } as const;

/** Upper bounds for what a file may announce in its header before we read it (fail closed). */
export const MAX_CERTIFICATE_BYTES = 8192;
/** Same cap as the gateway's cardData fields (src/sessions/read-submission.ts). */
export const MAX_TEXT_AP_FILE_BYTES = 6000;
/** jpki-reference §3: EF0001 is 17 bytes physical (the TLV is 15, then 2 filler bytes). */
export const EF0001_LENGTH = 17;
