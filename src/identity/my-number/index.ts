// The My Number: check digit, the verified type, and text-AP verification (jpki-reference §3).
export { myNumberCheckDigit, hasValidCheckDigit } from './check-digit.js';
export { MyNumber, REDACTED_MY_NUMBER } from './my-number.js';
export { createCvCaKeyring, type CvCaKeyring } from './cv-ca-keys.js';
export { verifyCardData, MIN_CHALLENGE_BYTES, MAX_CHALLENGE_BYTES } from './verify-card-data.js';
export type {
  CardBasicFour,
  CardDataError,
  CardDataResult,
  CvCaKeyInput,
  TextApFiles,
  VerifyCardDataInput,
} from './types.js';
