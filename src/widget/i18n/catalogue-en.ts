/** The English message catalogue: words a customer understands, and what to do next. */
import type { Catalogue, Msg } from './catalogue-types.js';

const m = (title: string, action: string): Msg => ({ title, action });

const RETRY = 'Please try again.';
const START_OVER = 'Go back to the site you came from and start again.';
const CONTACT = 'If this keeps happening, contact the company you are applying to.';
const CARD_BROKEN = 'The card could not be read properly. Place the card again and retry.';
const OFFICE = 'your city or town office';

export const EN: Catalogue = {
  hints: {
    waiting_for_user: m('Waiting for you', 'Follow the steps on the screen.'),
    signing: m('Checking your signature', 'Please wait.'),
    signature_invalid: m('Your signature could not be confirmed', `${START_OVER} ${CONTACT}`),
    certificate_revoked: m(
      "Your card's signing certificate has been revoked",
      `A move, a change of name or a new card revokes it. Have a new signing certificate issued at ${OFFICE}, then try again.`,
    ),
    certificate_expired: m(
      "Your card's signing certificate has expired",
      `Renew the signing certificate at ${OFFICE}, then try again.`,
    ),
    certificate_not_yet_valid: m('Your signing certificate is not valid yet', `Wait a little. ${RETRY}`),
    certificate_not_trusted: m(
      "This card's certificate could not be confirmed",
      "Check that you are using a My Number Card's signing certificate.",
    ),
    certificate_not_accepted: m(
      'This certificate cannot be used here',
      'Use the signing certificate (password of 6–16 letters and digits), not the 4-digit user authentication PIN.',
    ),
    revocation_unavailable: m('The certificate cannot be checked right now', `Wait a few minutes. ${RETRY}`),
    card_data_invalid: m(
      "Your card's face data (My Number) could not be confirmed",
      'Start again and use the same card for signing and for reading the card data.',
    ),
    expired: m('This request has expired', START_OVER),
    cancelled_by_rp: m('The company cancelled this request', 'Go back to the site you came from.'),
  },
  codes: {
    ERR_SESSION_INPUT: m('This request is incomplete', `${START_OVER} ${CONTACT}`),
    ERR_SESSION_SCOPE: m('The company cannot use this service', 'Contact the company you are applying to.'),
    ERR_SESSION_ORIGIN_NOT_ALLOWED: m(
      "The company's web site is not the registered one",
      "Do not continue on this page. Start again from the company's real web site.",
    ),
    ERR_SESSION_NOT_FOUND: m('This request was not found', START_OVER),
    ERR_SESSION_STATE: m('This request is already finished', 'Go back to the site you came from to see the result.'),
    ERR_SESSION_EXPIRED: m('This request has expired', START_OVER),
    ERR_SESSION_CLIENT_TOKEN: m(
      'This page can no longer be used',
      'The request is finished or has expired. Go back to the site you came from.',
    ),
    ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: m(
      "This card's certificate cannot be used here",
      "Use your My Number Card's signing certificate.",
    ),
    ERR_SESSION_NOT_PREPARED: m('Signing was not prepared', RETRY),
    ERR_SESSION_SIGNATURE_REPLAYED: m('This signature was already sent', START_OVER),
    ERR_SESSION_NONCE_USED: m('This request was already used', START_OVER),
    ERR_SESSION_CHALLENGE_USED: m('The card check was already used', START_OVER),
    ERR_SESSION_CARD_DATA_REQUIRED: m(
      'Your card data must be read',
      'Enter the 4-digit PIN of the card-face (text) application.',
    ),
    ERR_SESSION_CARD_DATA_UNEXPECTED: m('This request does not read your My Number', RETRY),
    ERR_SESSION_DOCUMENT_CONTENT_REQUIRED: m(
      'The document cannot be checked',
      'Contact the company you are applying to.',
    ),
    ERR_SESSION_SIGNING_TIME: m(
      'The signing time is outside this request',
      "Check your device's clock, then start again.",
    ),
    ERR_CARD_EF0001_MALFORMED: m('Your My Number could not be read properly', CARD_BROKEN),
    ERR_CARD_EF0002_MALFORMED: m('Your name, address, date of birth and sex could not be read properly', CARD_BROKEN),
    ERR_CARD_EF0003_MALFORMED: m("The card data's integrity record could not be read", CARD_BROKEN),
    ERR_CARD_EF0004_MALFORMED: m("The card data's certificate could not be read", CARD_BROKEN),
    ERR_CARD_EF0007_MALFORMED: m("The card's key could not be read", CARD_BROKEN),
    ERR_CARD_CV_CA_UNKNOWN: m("The card's issuer could not be confirmed", 'Check that this is a My Number Card.'),
    ERR_CARD_CV_SIGNATURE_INVALID: m(
      'The card could not be confirmed as genuine',
      'Check that this is a My Number Card.',
    ),
    ERR_CARD_INTEGRITY_SIGNATURE_INVALID: m('The card data could not be confirmed as genuine', CONTACT),
    ERR_CARD_MY_NUMBER_HASH_MISMATCH: m("The card's My Number does not match its integrity record", CONTACT),
    ERR_CARD_BASIC_FOUR_HASH_MISMATCH: m("The card's personal data does not match its integrity record", CONTACT),
    ERR_CARD_KEY_SIGNATURE_INVALID: m("The card's key could not be confirmed", CARD_BROKEN),
    ERR_CARD_CHALLENGE_SIGNATURE_INVALID: m(
      'The card could not be confirmed as present',
      'Keep the card on the reader or phone and start again.',
    ),
    ERR_CARD_NAME_MISMATCH: m(
      "The card's name differs from the signing certificate's",
      `Use the same card for both steps. After a change of name, renew the certificate at ${OFFICE}.`,
    ),
    ERR_CARD_ADDRESS_MISMATCH: m(
      "The card's address differs from the signing certificate's",
      `The certificate may not have been renewed after a move. Renew it at ${OFFICE}.`,
    ),
    ERR_CARD_BIRTH_DATE_MISMATCH: m(
      "The card's date of birth differs from the certificate's",
      'Use the same card for both steps.',
    ),
    ERR_CARD_SEX_MISMATCH: m("The card's sex differs from the certificate's", 'Use the same card for both steps.'),
    ERR_MY_NUMBER_CHECK_DIGIT: m('Your My Number could not be read properly', CARD_BROKEN),
    ERR_MY_NUMBER_NOT_REQUESTED: m('This request does not share your My Number', 'You can continue.'),
    ERR_MY_NUMBER_GONE: m('The time to share your My Number has passed', START_OVER),
  },
  http: {
    ERR_VALIDATION: m('What was sent could not be accepted', `${RETRY} ${CONTACT}`),
    ERR_UNAUTHORIZED: m('This page can no longer be used', 'Go back to the site you came from.'),
    ERR_FORBIDDEN_SCOPE: m('The company cannot use this service', 'Contact the company you are applying to.'),
    ERR_FORBIDDEN_ORIGIN: m("The company's web site is not the registered one", 'Do not continue on this page.'),
    ERR_NOT_FOUND: m('This request was not found', START_OVER),
    ERR_METHOD_NOT_ALLOWED: m('This action is not possible', START_OVER),
    ERR_CONFLICT: m('The request changed in the meantime', RETRY),
    ERR_SESSION_NOT_PENDING: m(
      'This request is already finished',
      'Go back to the site you came from to see the result.',
    ),
    ERR_SESSION_EXPIRED: m('This request has expired', START_OVER),
    ERR_REPLAY: m('This signature was already used', START_OVER),
    ERR_MY_NUMBER_GONE: m('The time to share your My Number has passed', START_OVER),
    ERR_IDEMPOTENCY_KEY_REUSED: m('The same action was sent twice', RETRY),
    ERR_IDEMPOTENCY_IN_PROGRESS: m('The previous action is still being processed', `Wait a moment. ${RETRY}`),
    ERR_PAYLOAD_TOO_LARGE: m('The data sent is too large', CONTACT),
    ERR_UNSUPPORTED_MEDIA_TYPE: m('The data sent has an unsupported format', CONTACT),
    ERR_RATE_LIMITED: m('Too many attempts right now', `Wait a minute. ${RETRY}`),
    ERR_TIMEOUT: m('This is taking too long', `Wait a few minutes. ${RETRY}`),
    ERR_NOT_IMPLEMENTED: m('This feature is not available yet', 'Contact the company you are applying to.'),
    ERR_UNAVAILABLE: m('The service is temporarily unavailable', `Wait a few minutes. ${RETRY}`),
    ERR_INTERNAL: m('Something went wrong on our side', `Wait a few minutes. ${RETRY} ${CONTACT}`),
  },
  card: {
    CARD_PIN_FORMAT: m(
      'The password has the wrong format (nothing was sent to the card)',
      'The signing password is 6–16 capital letters and digits; a PIN is 4 digits.',
    ),
    CARD_PIN_WRONG: m('Wrong password', 'Enter the correct password. Too many wrong tries lock it.'),
    CARD_PIN_LOCKED: m('The password is locked', `Unlock and reset it at ${OFFICE} (or a convenience-store kiosk).`),
    CARD_SECURITY_NOT_SATISFIED: m('The password was not checked yet', 'Enter your password, then try again.'),
    CARD_APPLICATION_NOT_FOUND: m(
      'This card has no electronic certificate',
      `Check that this is a My Number Card. Certificates are issued at ${OFFICE}.`,
    ),
    CARD_FILE_NOT_FOUND: m('The card lacks some required data', `Have the card checked at ${OFFICE}.`),
    CARD_DATA_MALFORMED: m('The card could not be read properly', CARD_BROKEN),
    CARD_UNEXPECTED_STATUS: m('The card refused the operation', CARD_BROKEN),
    CARD_BRIDGE_UNAVAILABLE: m(
      'The card reader app cannot be reached',
      'Start the reader app and allow this site, then choose again, or use your smartphone.',
    ),
    CARD_READER_NOT_FOUND: m('No card reader found', 'Connect a card reader and start its reader app.'),
    CARD_NOT_PRESENT: m('No card found', 'Place the card on the reader (or hold it to your phone).'),
    CARD_TRANSPORT: m('The connection to the card reader failed', 'Reconnect the reader and try again.'),
    CARD_TIMEOUT: m('The card did not answer', 'Place the card again and retry.'),
  },
  statusWords: {
    OK: m('The card finished the operation', 'You can continue.'),
    END_OF_FILE: m('The card data was read to the end', 'You can continue.'),
    VERIFY_FAILED: m('Wrong password', 'Enter the correct password. Mind the tries left.'),
    WRONG_LENGTH: m('A command to the card had the wrong length', CARD_BROKEN),
    INCOMPATIBLE_FILE: m('The card data is of the wrong kind', CARD_BROKEN),
    SECURITY_STATUS_NOT_SATISFIED: m('The password was not checked yet', 'Enter your password.'),
    AUTHENTICATION_BLOCKED: m('The password is locked', `Unlock and reset it at ${OFFICE}.`),
    CONDITIONS_NOT_SATISFIED: m('The card did not accept this operation', CARD_BROKEN),
    NO_CURRENT_EF: m('No card data was selected', CARD_BROKEN),
    FILE_NOT_FOUND: m('The card lacks some required data', 'Check that this is a My Number Card.'),
    INCORRECT_P1P2: m('A command to the card was wrong', CARD_BROKEN),
    WRONG_OFFSET: m('A read went past the end of the card data', CARD_BROKEN),
    INS_NOT_SUPPORTED: m('The card does not support this command', 'Check that this is a My Number Card.'),
    CLA_NOT_SUPPORTED: m('The card does not support this command', 'Check that this is a My Number Card.'),
  },
  subIndications: {
    FORMAT_FAILURE: m('The signature data is malformed', `${START_OVER} ${CONTACT}`),
    HASH_FAILURE: m('What was signed differs from what was shown', START_OVER),
    SIG_CRYPTO_FAILURE: m('Your signature could not be confirmed', START_OVER),
    REVOKED: m('Your signing certificate has been revoked', `Have a new one issued at ${OFFICE}.`),
    REVOKED_NO_POE: m('Your signing certificate has been revoked', `Have a new one issued at ${OFFICE}.`),
    EXPIRED: m('Your signing certificate has expired', `Renew it at ${OFFICE}.`),
    NOT_YET_VALID: m('Your signing certificate is not valid yet', `Wait a little. ${RETRY}`),
    NO_CERTIFICATE_CHAIN_FOUND: m(
      "This card's certificate could not be confirmed",
      'Check that you are using a My Number Card.',
    ),
    CERTIFICATE_CHAIN_GENERAL_FAILURE: m("This card's certificate could not be confirmed", CONTACT),
    CHAIN_CONSTRAINTS_FAILURE: m("This card's certificate could not be confirmed", CONTACT),
    SIG_CONSTRAINTS_FAILURE: m(
      'This certificate cannot be used for signing',
      'Use the signing certificate (password of 6–16 letters and digits).',
    ),
    CRYPTO_CONSTRAINTS_FAILURE: m('The signature method is outdated or too weak', CONTACT),
    TRY_LATER: m('The certificate cannot be checked right now', `Wait a few minutes. ${RETRY}`),
    NO_SIGNING_CERTIFICATE_FOUND: m('No signing certificate was found', START_OVER),
    SIGNED_DATA_NOT_FOUND: m('What was signed is missing', START_OVER),
  },
  widget: {
    network: m('Could not connect', 'Check your internet connection and try again.'),
    origin_mismatch: m(
      'This page is not the site that started this request',
      'It may be a fake site. Do not enter your password; close this page.',
    ),
    no_card: m('No card', 'Get your card ready, then try again.'),
    qr_expired: m('This QR code has expired', 'Scan the new QR code shown on your computer.'),
    qr_claimed: m(
      'This QR code was already scanned by another device',
      'If that was not you, stop and contact the company you are applying to.',
    ),
    cancelled_by_user: m('You cancelled', 'Go back to the site you came from.'),
    unknown: m('Something went wrong', `${RETRY} ${CONTACT}`),
  },
};
