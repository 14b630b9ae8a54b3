/**
 * The closed union of error codes. Callers switch on `code`, never on messages.
 * Untrusted input throws GatewayError; caller bugs throw TypeError.
 *
 * Adding a code: add it here with a one-line public message, map it to an ETSI
 * sub-indication in src/report/sub-indication.ts, and add a negative test asserting it.
 */
export const ERROR_MESSAGES = {
  // --- input and DER (RFC 5280 §4.1, X.690 §10) ---
  ERR_INPUT_TOO_LARGE: 'input exceeds the size limit',
  ERR_INPUT_ENCODING: 'input is not DER, PEM or base64',
  ERR_DER_TRUNCATED: 'DER data ends before the announced length',
  ERR_DER_LENGTH: 'DER length is indefinite, non-minimal or too large',
  ERR_DER_TAG: 'DER tag is malformed or not the expected one',
  ERR_DER_NOT_CANONICAL: 'encoding is BER, not the required DER',
  ERR_DER_TRAILING_DATA: 'trailing bytes after the DER value',
  ERR_DER_TOO_DEEP: 'DER nesting exceeds the depth limit',
  ERR_DER_STRUCTURE: 'DER value does not have the expected structure',
  // --- certificates (RFC 5280 §4) ---
  ERR_CERT_MALFORMED: 'certificate is malformed',
  ERR_CERT_VERSION: 'certificate version is not v3',
  ERR_CERT_DUPLICATE_EXTENSION: 'certificate repeats an extension',
  ERR_CERT_UNKNOWN_CRITICAL_EXTENSION: 'certificate has an unrecognised critical extension',
  ERR_CERT_SIGNATURE_ALG_MISMATCH: 'signature algorithm differs between TBS and outer certificate',
  ERR_CERT_SIGNATURE_INVALID: 'certificate signature does not verify with the issuer key',
  ERR_CERT_EXPIRED: 'certificate has expired at the validation time',
  ERR_CERT_NOT_YET_VALID: 'certificate is not yet valid at the validation time',
  ERR_CERT_KEY_USAGE: 'certificate keyUsage does not allow this use',
  ERR_CERT_EXT_KEY_USAGE: 'certificate extendedKeyUsage does not allow this use',
  ERR_CERT_POLICY: 'certificate does not carry the policy required by the profile',
  ERR_CERT_WRONG_PURPOSE: 'certificate is for another purpose (signing vs authentication)',
  ERR_CERT_PROFILE: 'certificate violates the JPKI certificate profile',
  // --- path validation (RFC 5280 §6) ---
  ERR_PATH_NOT_FOUND: 'no certification path to a trusted root',
  ERR_PATH_TOO_LONG: 'certification path exceeds the allowed depth',
  ERR_PATH_SEARCH_LIMIT: 'certification path search exceeded its candidate limit',
  ERR_PATH_NAME_CHAINING: 'issuer name does not match the issuing certificate subject',
  ERR_PATH_BASIC_CONSTRAINTS: 'issuing certificate is not a CA (basicConstraints)',
  ERR_PATH_LEN_CONSTRAINT: 'pathLenConstraint exceeded',
  ERR_PATH_CA_KEY_USAGE: 'issuing certificate keyUsage lacks keyCertSign',
  ERR_PATH_POLICY_UNSUPPORTED: 'policy mapping / policy constraints are not supported (fail closed)',
  ERR_PATH_NAME_CONSTRAINTS_UNSUPPORTED: 'name constraints are not supported (fail closed)',
  ERR_PATH_TRUST_ANCHOR_INVALID: 'trust anchor is unusable',
  // --- algorithms and keys ---
  ERR_ALG_NOT_ALLOWED: 'algorithm is not allowed',
  ERR_KEY_TOO_WEAK: 'public key is too weak',
  ERR_KEY_MALFORMED: 'public key cannot be decoded',
  // --- CMS SignedData (RFC 5652) ---
  ERR_CMS_NOT_SIGNED_DATA: 'input is not a CMS SignedData ContentInfo',
  ERR_CMS_VERSION: 'CMS version is not one this profile accepts',
  ERR_CMS_SIGNER_COUNT: 'CMS must contain exactly one SignerInfo',
  ERR_CMS_SIGNER_CERT_NOT_FOUND: 'the signer certificate is not in the CMS',
  ERR_CMS_SIGNER_CERT_AMBIGUOUS: 'the signer identifier matches more than one certificate',
  ERR_CMS_CONTENT_MISSING: 'detached signature without the signed content',
  ERR_CMS_CONTENT_CONFLICT: 'content given both inside the CMS and separately',
  ERR_CMS_DIGEST_ALG_MISMATCH: 'SignerInfo digest algorithm is not in SignedData.digestAlgorithms',
  ERR_CMS_SIGNED_ATTRS_MISSING: 'signed attributes are required but absent',
  ERR_CMS_SIGNED_ATTRS_NOT_DER: 'signed attributes are not DER encoded',
  ERR_CMS_ATTR_CONTENT_TYPE: 'content-type attribute missing, repeated or not equal to eContentType',
  ERR_CMS_ATTR_MESSAGE_DIGEST: 'message-digest attribute missing, repeated or malformed',
  ERR_CMS_ATTR_SIGNING_CERT: 'signing-certificate-v2 does not identify the signer certificate',
  ERR_CMS_ATTR_SIGNING_TIME: 'signing-time attribute is malformed or repeated',
  ERR_CMS_ATTR_DUPLICATE: 'a signed attribute is repeated',
  ERR_HASH_MISMATCH: 'the content digest does not match',
  ERR_SIGNATURE_INVALID: 'the signature value does not verify',
  ERR_RAW_DIGEST_LENGTH: 'digest length does not match the digest algorithm',
  // --- revocation (RFC 5280 §5, §6.3) ---
  ERR_REVOKED: 'certificate is revoked',
  ERR_REVOCATION_UNAVAILABLE: 'no usable revocation information',
  ERR_CRL_MALFORMED: 'CRL is malformed',
  ERR_CRL_ISSUER_MISMATCH: 'CRL issuer does not match the certificate issuer (name and key)',
  ERR_CRL_SIGNATURE_INVALID: 'CRL signature does not verify',
  ERR_CRL_STALE: 'CRL nextUpdate has passed',
  ERR_CRL_NOT_YET_VALID: 'CRL thisUpdate is in the future',
  ERR_CRL_UNKNOWN_CRITICAL_EXTENSION: 'CRL has an unrecognised critical extension',
  ERR_CRL_UNSUPPORTED_SCOPE: 'CRL is delta, indirect or partitioned in a way not supported',
  ERR_CRL_TOO_LARGE: 'CRL exceeds the size limit',
  ERR_CRL_NUMBER_REGRESSED: 'CRL is not newer than the one in use (CRL number or thisUpdate went backwards)',
  ERR_CRL_FETCH_FAILED: 'CRL source unreachable, slow, failing, redirecting or cut off',
  ERR_CRL_SNAPSHOT_INVALID: 'shared CRL index snapshot is corrupt, foreign or does not match its partition',
  ERR_CRL_SHARED_UNAVAILABLE: 'shared revocation snapshot store (Redis) is unreachable',
  // --- OCSP (RFC 6960, RFC 8954) ---
  ERR_OCSP_UNAVAILABLE: 'OCSP responder unreachable, slow, failing, redirecting or answering too much',
  ERR_OCSP_MALFORMED: 'OCSP response is malformed or not an OCSP response',
  ERR_OCSP_RESPONSE_STATUS: 'OCSP responder did not answer successfully (responseStatus)',
  ERR_OCSP_SIGNATURE_INVALID: 'OCSP response signature does not verify or uses a disallowed algorithm',
  ERR_OCSP_RESPONDER_UNAUTHORIZED: 'OCSP response is not signed by the issuer or an authorized responder',
  ERR_OCSP_CERT_ID_MISMATCH: 'OCSP response does not answer for exactly the requested certificate',
  ERR_OCSP_STALE: 'OCSP response is older than allowed or past its nextUpdate',
  ERR_OCSP_NOT_YET_VALID: 'OCSP response is dated in the future beyond the allowed skew',
  ERR_OCSP_NONCE_MISMATCH: 'OCSP response does not echo the request nonce',
  ERR_OCSP_UNKNOWN: 'OCSP responder does not know the certificate (unknown = not valid)',
  // --- identity (jpki-reference §2) ---
  ERR_IDENTITY_MISSING: 'signing certificate lacks a required identity attribute',
  ERR_IDENTITY_MALFORMED: 'an identity attribute is malformed',
  // --- card text application and the My Number (jpki-reference §3) ---
  ERR_CARD_EF0001_MALFORMED: 'text-AP EF0001 (My Number) is not FF10 + 12 digits + 2 filler bytes',
  ERR_CARD_EF0002_MALFORMED: 'text-AP EF0002 (basic four) is malformed',
  ERR_CARD_EF0003_MALFORMED: 'text-AP EF0003 (integrity record) is malformed',
  ERR_CARD_EF0004_MALFORMED: 'text-AP EF0004 (CV certificate) is malformed',
  ERR_CARD_EF0007_MALFORMED: 'text-AP EF0007 (card key) is malformed',
  ERR_CARD_CV_CA_UNKNOWN: 'the CV certificate names a CV CA key that is not configured',
  ERR_CARD_CV_SIGNATURE_INVALID: 'the CV certificate signature does not verify with the CV CA key',
  ERR_CARD_INTEGRITY_SIGNATURE_INVALID: 'the integrity record signature does not verify',
  ERR_CARD_MY_NUMBER_HASH_MISMATCH: 'EF0001 does not match the hash in the integrity record',
  ERR_CARD_BASIC_FOUR_HASH_MISMATCH: 'EF0002 does not match the hash in the integrity record',
  ERR_CARD_KEY_SIGNATURE_INVALID: "the card key's signature (EF0007) does not verify",
  ERR_CARD_CHALLENGE_SIGNATURE_INVALID: 'the card did not sign the challenge with its key (not present or replayed)',
  ERR_CARD_NAME_MISMATCH: "the card's name differs from the signing certificate's",
  ERR_CARD_ADDRESS_MISMATCH: "the card's address differs from the signing certificate's",
  ERR_CARD_BIRTH_DATE_MISMATCH: "the card's date of birth differs from the signing certificate's",
  ERR_CARD_SEX_MISMATCH: "the card's sex differs from the signing certificate's",
  ERR_MY_NUMBER_CHECK_DIGIT: 'the My Number check digit is wrong',
  // --- sessions, widget calls and the My Number vault (contract §5) ---
  ERR_SESSION_INPUT: 'the session request is invalid',
  ERR_SESSION_SCOPE: 'the tenant lacks the scope this session needs',
  ERR_SESSION_ORIGIN_NOT_ALLOWED: "the origin is not one of the tenant's allowed origins",
  ERR_SESSION_NOT_FOUND: 'no such session',
  ERR_SESSION_STATE: 'the session is not in a state that allows this',
  ERR_SESSION_EXPIRED: 'the session has expired',
  ERR_SESSION_CLIENT_TOKEN: 'the client token is unknown, already used or expired',
  ERR_SESSION_CERTIFICATE_NOT_ACCEPTED: 'the certificate is not a JPKI signing certificate of the configured trust',
  ERR_SESSION_NOT_PREPARED: 'no data-to-sign was issued for this session',
  ERR_SESSION_SIGNATURE_REPLAYED: 'this signature was already submitted',
  ERR_SESSION_NONCE_USED: "the statement's nonce was already used",
  ERR_SESSION_CHALLENGE_USED: 'the card challenge was already used',
  ERR_SESSION_CARD_DATA_REQUIRED: 'card data is required: the session requests the My Number',
  ERR_SESSION_CARD_DATA_UNEXPECTED: 'card data was sent but the session does not request the My Number',
  ERR_SESSION_DOCUMENT_CONTENT_REQUIRED: 'a client-built CMS needs the document content; use two-step signing',
  ERR_SESSION_SIGNING_TIME: 'the signing time is missing or outside the session',
  ERR_MY_NUMBER_NOT_REQUESTED: 'the session did not request the My Number',
  ERR_MY_NUMBER_GONE: 'the My Number was already read, expired or was never stored',
  ERR_VAULT_KEY_UNKNOWN: 'the vault record names a key that is not in the key ring',
  ERR_VAULT_DECRYPT: 'the vault record does not decrypt for this tenant and session',
  ERR_VAULT_RECORD_MALFORMED: 'the vault record is malformed',
  // --- evidence, webhooks and 現況確認 monitors (issue 6) ---
  ERR_EVIDENCE_NOT_FOUND: 'no evidence record with this id for this tenant',
  ERR_EVIDENCE_INTEGRITY: 'the stored evidence record does not match its recorded hash',
  ERR_WEBHOOK_URL: 'the webhook URL must be https (http only on a loopback host) without credentials',
  ERR_WEBHOOK_TIMEOUT: 'the webhook receiver did not answer within the attempt timeout',
  ERR_WEBHOOK_UNREACHABLE: 'the webhook receiver could not be reached',
  ERR_WEBHOOK_STATUS: 'the webhook receiver answered with a status other than 2xx',
  ERR_WEBHOOK_REDIRECT: 'the webhook receiver answered with a redirect (never followed)',
  ERR_WEBHOOK_RESPONSE_TOO_LARGE: "the webhook receiver's response exceeds the size cap",
  ERR_DEAD_LETTER_NOT_FOUND: 'no dead-lettered webhook event with this id for this tenant',
  ERR_MONITOR_INPUT: 'the monitor request is invalid',
  ERR_MONITOR_NOT_FOUND: 'no monitor with this id for this tenant',
  ERR_MONITOR_SESSION_NOT_COMPLETED: 'the session has not completed with a signing certificate',
  ERR_MONITOR_UNSUPPORTED_CERTIFICATE: 'the certificate names no JPKI CRL partition that could be monitored',
  // --- anything unexpected: fail closed ---
  ERR_INTERNAL: 'internal error during validation',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.freeze(Object.keys(ERROR_MESSAGES) as ErrorCode[]);

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  readonly code: ErrorCode;
  /** Private detail for logs; never sent to clients by the HTTP mapper. */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${ERROR_MESSAGES[code]}: ${detail}` : ERROR_MESSAGES[code], options);
    this.code = code;
    this.detail = detail;
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}

/** Throws a coded error. Handy inside expressions. */
export function fail(code: ErrorCode, detail?: string): never {
  throw new GatewayError(code, detail);
}
