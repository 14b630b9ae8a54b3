/**
 * The card access layer (issue 7 item 3): the JPKI APDU protocol over a transport. Browser-safe
 * (no node: imports, no Buffer): the widget, the mobile page and the tests share it.
 */
export { encodeCommand, decodeResponse, type CommandApdu, type ResponseApdu } from './apdu.js';
export {
  CARD_ERROR_CODES,
  CARD_ERROR_MESSAGES,
  CardError,
  isCardError,
  type CardErrorCode,
  type PinKind,
} from './card-error.js';
export { SW, describeStatusWord, statusWordName, triesLeftOf, type StatusWordName } from './status-words.js';
export { formatTranscript, recordingTransport, type CardTransport, type RecordingTransport } from './transport.js';
export { AID, JPKI_EF, PIN_TRIES, TEXT_AP_EF, TOKEN_LABELS } from './jpki-constants.js';
export { isValidPin, normalizeSigningPassword } from './pin-format.js';
export {
  createJpkiCard,
  type JpkiCard,
  type JpkiCardOptions,
  type SigningKey,
  type TextApFileName,
  type TextApFiles,
} from './jpki-card.js';
export { beginSigning, type SigningSession } from './begin-signing.js';
export { signDigestInfo, type SignDigestInfoResult } from './sign-digest-info.js';
export { readCardData, type CardData } from './read-card-data.js';
export { cardDataJson, type CardDataJson } from './card-data-json.js';
export { sha256DigestInfo, digestInfoHash } from './digest-info.js';
export { toBase64, fromBase64 } from './bytes.js';
export {
  BRIDGE_ERROR_CODES,
  BRIDGE_PROTOCOL_VERSION,
  isAllowedJpkiCommand,
  parseBridgeMessage,
  parseBridgeRequest,
  type BridgeErrorCode,
  type BridgeMessage,
  type BridgeReader,
  type BridgeRequest,
} from './bridge-protocol.js';
export {
  connectBridge,
  type BridgeChannel,
  type BridgeConnectOptions,
  type BridgeConnection,
} from './bridge-transport.js';
export {
  DEFAULT_BRIDGE_URL,
  isLoopbackBridgeUrl,
  openWebSocketChannel,
  type WebSocketFactory,
  type WebSocketLike,
} from './bridge-websocket.js';
