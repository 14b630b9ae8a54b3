/**
 * GENERATED from openapi/gateway.yaml by `npm run openapi:types` (openapi-typescript). Do not edit:
 * change the spec and regenerate; `npm run openapi:check` fails when this file is stale.
 */
export interface paths {
  '/v1/validations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Validate a CMS signature or a raw signature over a digest
     * @description Either a CMS SignedData (`signature`, attached or with detached `content`) or a raw
     *     PKCS#1 / ECDSA signature value over a digest with the signer's certificate. Answers 200
     *     with a validation report whatever the outcome of the signature: `indication` is
     *     `TOTAL_PASSED` only for a valid signature.
     */
    post: operations['createValidation'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create an identity verification or a document signing session
     * @description `identity` sessions need the scope `identity` (and `my_number` when `include` asks for
     *     it); `signing` sessions need `sign` and a `document` with its `content` or its SHA-256
     *     `digest`. The answer gives the widget URL and the single session's client token: hand
     *     both to the browser, never the API key. Sessions expire after `ttlSeconds` (default 600).
     *     `origin` must be one of the tenant's origins (403 `ERR_FORBIDDEN_ORIGIN`); `purpose`,
     *     `reference` and the document name may not contain control, line-break or bidi-override
     *     characters (they are shown to the user and written into the statement).
     */
    post: operations['createSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a session's status and, once completed, its result
     * @description Only the tenant that created the session sees it; any other tenant gets 404.
     */
    get: operations['getSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a pending session
     * @description A session that is no longer pending cannot be cancelled (409; an expired one, 410).
     */
    post: operations['cancelSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sessions/{id}/my-number': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the verified My Number once
     * @description Available when the session completed with `include: [my_number]` and the card data
     *     verified. The number is returned exactly once and then deleted (also deleted when the
     *     session's retention ends): a second read is 410 `ERR_MY_NUMBER_GONE`. Every store, read
     *     and deletion is an audit event. Never log the response.
     */
    get: operations['getSessionMyNumber'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evidence/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a stored verification record
     * @description The record kept for a completed session (犯収法 確認記録, method 施行規則第6条第1項第1号ワ):
     *     times, the verified identity items, the signing certificate and chain, the signed data
     *     (or its SHA-256 when the RP kept the document), the revocation evidence used, the report
     *     and the policy. Owner tenant only (another tenant's id is 404); kept for the configured
     *     retention (default 7 years), then deleted with a deletion record. Every read is an audit
     *     event. Use the export for offline re-verification.
     */
    get: operations['getEvidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/evidence/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Export a verification record for offline re-verification
     * @description One self-contained JSON document (DER as base64): the record, the SHA-256 of its
     *     canonical JSON (also anchored in the audit chain), the CRLs the verifier used, and
     *     `verification` — which fields become which files and the `jpki-gateway verify` command
     *     that re-verifies the signature at the recorded validation time. An auditor runs
     *     `jpki-gateway audit unpack --out DIR export.json` and then the printed command, without
     *     the gateway. Owner tenant only; every export is an audit event.
     */
    get: operations['exportEvidence'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/certificates/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-check a stored certificate now (現況確認)
     * @description Validates the certificate at the current time with the deployment's trust and revocation
     *     policy (the refreshed CRL partitions and/or OCSP) and answers in one word: `valid`,
     *     `revoked` (with the reason and its JPKI meaning — `affiliationChanged`: the customer's
     *     registered data changed, re-verify them), `expired`, `unknown` (no usable revocation
     *     information right now: try later, never treat as valid) or `invalid`; plus the full report.
     */
    post: operations['checkCertificateStatus'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List this tenant's monitors, newest first */
    get: operations['listMonitors'];
    put?: never;
    /**
     * Watch a certificate for revocation (現況確認)
     * @description For a certificate (base64 DER) or a completed session of this tenant (its signing
     *     certificate): when a CRL update revokes it, a signed `certificate.revoked` webhook goes
     *     to `webhookUrl` with the reason and its JPKI meaning and ids only (never the identity).
     *     Each monitor fires once. Refusals: 400 `ERR_VALIDATION` whose detail starts with
     *     `ERR_MONITOR_INPUT`, `ERR_WEBHOOK_URL`, `ERR_MONITOR_SESSION_NOT_COMPLETED` or
     *     `ERR_MONITOR_UNSUPPORTED_CERTIFICATE` (no JPKI CRL partition).
     */
    post: operations['createMonitor'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/monitors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a monitor (and whether it fired) */
    get: operations['getMonitor'];
    put?: never;
    post?: never;
    /** Stop watching a certificate */
    delete: operations['deleteMonitor'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Webhook events that failed every attempt, newest first
     * @description Each webhook event is retried with exponential backoff and jitter up to the configured
     *     number of attempts (GATEWAY_WEBHOOK_MAX_ATTEMPTS); then it lands here with its last
     *     error (`ERR_WEBHOOK_TIMEOUT`, `ERR_WEBHOOK_STATUS`, `ERR_WEBHOOK_REDIRECT`,
     *     `ERR_WEBHOOK_RESPONSE_TOO_LARGE`, `ERR_WEBHOOK_UNREACHABLE`), kept 30 days.
     */
    get: operations['listWebhookDeadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhooks/dead-letters/{id}/redrive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a dead-lettered event again
     * @description The event (same id and body) goes back to the outbox, due now, with a fresh attempt budget.
     */
    post: operations['redriveWebhookDeadLetter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/client/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the widget shows before the user signs */
    get: operations['getClientSession'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/client/session/data-to-sign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Two-step signing, step 1 — the DigestInfo the card must sign
     * @description Takes the signing certificate read from the card; the gateway builds the CMS signed
     *     attributes (content-type, messageDigest of the statement or document,
     *     signing-certificate-v2, signing time, the session-binding attribute) and returns their
     *     DER (`dataToSign`) and the DigestInfo over them (`digestInfo`) — the value a card or
     *     app that signs a hash signs with RSASSA-PKCS1-v1_5. Calling it again (e.g. with
     *     another card) replaces what was prepared.
     *
     *     The session-binding attribute is `1.3.6.1.4.1.32473.7351.1` with the value
     *     `SEQUENCE { version INTEGER (1), sessionId UTF8String, nonceHash OCTET STRING }`
     *     (nonceHash = SHA-256 of the session's 32-byte nonce); the arc is a documented
     *     placeholder until the operator's own enterprise number replaces it.
     *
     *     A certificate that is not a JPKI signing certificate of the configured trust (e.g. the
     *     authentication certificate) is refused with 400 whose `detail` starts with
     *     `ERR_SESSION_CERTIFICATE_NOT_ACCEPTED` and names the report's codes; revocation and
     *     expiry are decided on the signature, with a full report.
     */
    post: operations['createClientDataToSign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/client/session/signature': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit the signature (and the card data) and complete the session
     * @description `signatureValue` after data-to-sign (two-step), or `signature`: a complete CMS over the
     *     statement / document built by the client. `cardData` is required when the session
     *     asked for the My Number. Single use, across replicas: the client token works for one
     *     submission, a signature value is accepted once (409 `ERR_REPLAY`), the statement nonce
     *     and the card challenge are consumed. A client-built CMS must sign exactly the statement
     *     (identity) or the document (signing, by content; a document given by digest needs
     *     two-step) and, for documents, carry a signing time within the session. The answer says
     *     only the new status; the RP reads the result.
     *
     *     Refusals that change nothing: 400 (shape, `cardData` missing or unexpected), 409
     *     (`ERR_CONFLICT`: no data-to-sign yet; `ERR_REPLAY`), 401 (token unknown or used), 410
     *     (session expired). For the widget, `detail` starts with the precise reason code
     *     (`ERR_SESSION_…`).
     */
    post: operations['submitClientSignature'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness (the process answers) */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness (store reachable, trust and revocation usable) */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This document as JSON */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Interactive API documentation (self-hosted, no third-party requests) */
    get: operations['getDocs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Issue a virtual My Number Card (sandbox mode only)
     * @description The same material as `jpki-gateway sandbox card`: key pairs (PKCS#8 PEM) and
     *     certificates (PEM) of the JPKI signing and authentication applications, the text-AP
     *     files (base64) and the card's internal-authentication key. Sandbox PINs: signing
     *     password `ABC123`, authentication and text-AP PIN `1234`. Sandbox only: these keys are
     *     test material.
     */
    post: operations['createSandboxCard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/cards/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Revoke a virtual card's signing certificate (sandbox mode only)
     * @description Adds the certificate to its partition's CRL, issued anew (next crlNumber) and used by the verifier at once.
     */
    post: operations['revokeSandboxCard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/crl': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sandbox's current CRLs (sandbox mode only) */
    get: operations['listSandboxCrls'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/crl/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One current sandbox CRL, DER (sandbox mode only) */
    get: operations['getSandboxCrl'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/ocsp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** OCSP responder of the sandbox CAs (RFC 6960, sandbox mode only) */
    post: operations['sandboxOcsp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sandbox/tsa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Time-stamp authority of the sandbox (RFC 3161, sandbox mode only) */
    post: operations['sandboxTimestamp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  jpkiGatewayEvent: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What the gateway POSTs to your webhookUrl (session.* and certificate.revoked)
     * @description Signed with your tenant's webhook secret (contract §5):
     *     `JPKI-Gateway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
     *     Verify the HMAC over the raw bytes before parsing, reject a `t` far from now, and
     *     de-duplicate by `id`: delivery is at least once (retries with exponential backoff and
     *     jitter; the same id and body every time). Answer 2xx within the timeout with a small
     *     body; redirects are not followed. No personal data is ever sent: ids, status, and for
     *     `certificate.revoked` the reason and its JPKI meaning.
     */
    post: operations['receiveJpkiGatewayEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    /** @description RFC 9457 problem details with a stable `code`. */
    Problem: {
      /** @description URI naming the problem type */
      type: string;
      title: string;
      status: number;
      code: components['schemas']['HttpErrorCode'];
      detail?: string;
      /** @description The request id */
      instance?: string;
    };
    /**
     * @description Stable HTTP-level codes (a closed union; not validation-report codes, which appear
     *     inside reports).
     * @enum {string}
     */
    HttpErrorCode:
      | 'ERR_VALIDATION'
      | 'ERR_UNAUTHORIZED'
      | 'ERR_FORBIDDEN_SCOPE'
      | 'ERR_FORBIDDEN_ORIGIN'
      | 'ERR_NOT_FOUND'
      | 'ERR_METHOD_NOT_ALLOWED'
      | 'ERR_CONFLICT'
      | 'ERR_SESSION_NOT_PENDING'
      | 'ERR_SESSION_EXPIRED'
      | 'ERR_REPLAY'
      | 'ERR_MY_NUMBER_GONE'
      | 'ERR_IDEMPOTENCY_KEY_REUSED'
      | 'ERR_IDEMPOTENCY_IN_PROGRESS'
      | 'ERR_PAYLOAD_TOO_LARGE'
      | 'ERR_UNSUPPORTED_MEDIA_TYPE'
      | 'ERR_RATE_LIMITED'
      | 'ERR_TIMEOUT'
      | 'ERR_NOT_IMPLEMENTED'
      | 'ERR_UNAVAILABLE'
      | 'ERR_INTERNAL';
    /** @description Standard base64 (RFC 4648 §4) with padding. */
    Base64: string;
    /**
     * @description Standard base64 (RFC 4648 §4) of up to about 1 MiB (the request body limit bounds it). The
     *     server checks the alphabet and padding after parsing and answers ERR_VALIDATION otherwise:
     *     a schema pattern over a megabyte costs more than the signature check it guards.
     */
    LargeBase64: string;
    /**
     * @default jpki-signing
     * @enum {string}
     */
    Profile: 'jpki-signing' | 'jpki-authentication' | 'generic';
    ValidationRequest: components['schemas']['CmsValidationRequest'] | components['schemas']['RawValidationRequest'];
    CmsValidationRequest: {
      /** @description CMS SignedData (ContentInfo), DER, base64. */
      signature: components['schemas']['LargeBase64'];
      /** @description The signed content of a detached signature, base64. */
      content?: components['schemas']['LargeBase64'];
      profile?: components['schemas']['Profile'];
      /**
       * Format: date-time
       * @description Validate at this time instead of now (e.g. the signing time).
       */
      validationTime?: string;
    };
    RawValidationRequest: {
      signatureValue: components['schemas']['Base64'];
      /** @description The signer's certificate, DER, base64. */
      certificate: components['schemas']['Base64'];
      digest: components['schemas']['Base64'];
      /** @enum {string} */
      digestAlgorithm: 'SHA-256' | 'SHA-384' | 'SHA-512';
      profile?: components['schemas']['Profile'];
      /** Format: date-time */
      validationTime?: string;
    };
    ReportMessage: {
      code: string;
      message: string;
    };
    CertificateFacts: {
      /** @description hex */
      serialNumber: string;
      issuer: string;
      subject: string;
      /** Format: date-time */
      notBefore: string;
      /** Format: date-time */
      notAfter: string;
      /** @description SHA-256 of the DER */
      sha256: string;
      policies?: string[];
      keyUsage?: string[];
    };
    /** @description The basic four (基本4情報) from the signing certificate, raw and normalized. */
    SignerIdentity: {
      name?: string;
      nameNormalized?: string;
      nameSubstituteFlags?: string;
      nameSubstitutePositions?: number[];
      address?: string;
      addressNormalized?: string;
      addressSubstituteFlags?: string;
      addressSubstitutePositions?: number[];
      /** @description YYYY-MM-DD, YYYY-MM or YYYY (unknown parts left out) */
      birthDate?: string | null;
      birthDateRaw?: string;
      /** @enum {string} */
      birthEra?: 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa' | 'unknown';
      /** @enum {string} */
      sex?: 'male' | 'female' | 'unknown';
      sexCode?: string;
    };
    RevocationFacts: {
      /** @enum {string} */
      status: 'good' | 'revoked' | 'unknown' | 'not_checked';
      /** @enum {string} */
      source: 'crl' | 'ocsp' | 'none';
      reason?: string;
      reasonMeaning?: string;
      /** Format: date-time */
      revokedAt?: string;
      /** Format: date-time */
      checkedAt?: string;
      /** Format: date-time */
      thisUpdate?: string;
      /** Format: date-time */
      nextUpdate?: string;
      crlNumber?: string;
      policy?: string;
    };
    /** @description Contract §3. `TOTAL_PASSED` (with a null subIndication) only for a valid signature. */
    ValidationReport: {
      /** @enum {string} */
      indication: 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';
      /** @enum {string|null} */
      subIndication:
        | 'FORMAT_FAILURE'
        | 'HASH_FAILURE'
        | 'SIG_CRYPTO_FAILURE'
        | 'REVOKED'
        | 'REVOKED_NO_POE'
        | 'EXPIRED'
        | 'NOT_YET_VALID'
        | 'NO_CERTIFICATE_CHAIN_FOUND'
        | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
        | 'CHAIN_CONSTRAINTS_FAILURE'
        | 'SIG_CONSTRAINTS_FAILURE'
        | 'CRYPTO_CONSTRAINTS_FAILURE'
        | 'TRY_LATER'
        | 'NO_SIGNING_CERTIFICATE_FOUND'
        | 'SIGNED_DATA_NOT_FOUND'
        | null;
      errors: components['schemas']['ReportMessage'][];
      warnings: components['schemas']['ReportMessage'][];
      profile: components['schemas']['Profile'];
      /** Format: date-time */
      validationTime: string;
      /** Format: date-time */
      signingTime: string | null;
      signer: {
        certificate: components['schemas']['CertificateFacts'];
        identity: components['schemas']['SignerIdentity'] | null;
        chain: components['schemas']['CertificateFacts'][];
      } | null;
      revocation: components['schemas']['RevocationFacts'];
    };
    /** @enum {string} */
    SessionType: 'identity' | 'signing';
    /** @enum {string} */
    SessionState: 'pending' | 'completed' | 'failed' | 'expired' | 'cancelled';
    /**
     * @description What a UI can tell the user or operator about a session's progress or failure (absent
     *     once completed). Pending: `waiting_for_user` (created), `signing` (data-to-sign issued).
     *     Failed: `signature_invalid`, `certificate_revoked` (re-verify the customer: a move or a
     *     name change revokes the signing certificate), `certificate_expired`,
     *     `certificate_not_yet_valid`, `certificate_not_trusted` (no path to the configured
     *     roots), `certificate_not_accepted` (wrong purpose, e.g. the authentication
     *     certificate), `revocation_unavailable` (try later), `card_data_invalid` (text-AP data
     *     tampered, of another person or not signed by the present card). Ended otherwise:
     *     `expired`, `cancelled_by_rp`.
     * @enum {string}
     */
    SessionHint:
      | 'waiting_for_user'
      | 'signing'
      | 'signature_invalid'
      | 'certificate_revoked'
      | 'certificate_expired'
      | 'certificate_not_yet_valid'
      | 'certificate_not_trusted'
      | 'certificate_not_accepted'
      | 'revocation_unavailable'
      | 'card_data_invalid'
      | 'expired'
      | 'cancelled_by_rp';
    /** @description The document to sign — its `content` (base64, up to 1 MiB) or its SHA-256 `digest` (base64). */
    DocumentInput: {
      name: string;
      content?: components['schemas']['Base64'];
      /** @description SHA-256 of the document, base64 (32 bytes). */
      digest?: components['schemas']['Base64'];
      /** @default application/octet-stream */
      mediaType: string;
    };
    CreateSessionRequest: {
      type: components['schemas']['SessionType'];
      /** @description Why the RP asks; shown to the user and written into the statement. */
      purpose: string;
      /**
       * Format: uri
       * @description The web origin embedding the widget; must be one of the tenant's origins.
       */
      origin: string;
      /** @description What an identity session shares (default `[basic4]`; `my_number` needs the scope). */
      include?: ('basic4' | 'my_number')[];
      document?: components['schemas']['DocumentInput'];
      /**
       * Format: uri
       * @description https URL receiving session.* events (signed, no personal data).
       */
      webhookUrl?: string;
      /** @description The RP's own reference, returned as is (no personal data please). */
      reference?: string;
      /** @default 600 */
      ttlSeconds: number;
    };
    CreatedSession: {
      id: string;
      type: components['schemas']['SessionType'];
      /** @enum {string} */
      status: 'pending';
      /** Format: date-time */
      expiresAt: string;
      /** Format: uri */
      widgetUrl: string;
      /** @description Bearer token for the widget's /v1/client calls of this session only. */
      clientToken: string;
    };
    /** @description The signer's certificate; `sha256` is its stable id. */
    CertificateSummary: {
      sha256: string;
      serialNumber: string;
      issuer: string;
      subject: string;
      /** Format: date-time */
      notBefore: string;
      /** Format: date-time */
      notAfter: string;
      der?: components['schemas']['Base64'];
    };
    /**
     * @description Present once a session completed or failed. A failed session shares no identity (the
     *     report keeps the certificate facts and every error code).
     */
    SessionResult: {
      /**
       * @description The core's report of the signature; for a failed session it also lists the session's
       *     own errors (card data `ERR_CARD_*`, `ERR_SESSION_SIGNING_TIME`, …) and is never
       *     TOTAL_PASSED.
       */
      report: components['schemas']['ValidationReport'];
      /** @description The verified basic four (犯収法 本人特定事項), when `include` has `basic4` and the session completed. */
      identity?: components['schemas']['SignerIdentity'];
      /** @description The signing certificate, when one was identified (keep `der` to re-check it later, 現況確認). */
      certificate?: components['schemas']['CertificateSummary'];
      /**
       * @description The id of the verification record (GET /v1/evidence/{id}) written when the session
       *     completed; failed sessions have no record.
       */
      evidenceId: string;
      /**
       * @description The CMS SignedData (DER, base64): for signing sessions the detached CAdES baseline-B
       *     signature of the document; for identity sessions the signature with the statement
       *     attached.
       */
      signature?: components['schemas']['Base64'];
      /** @description The My Number is stored and not yet read (GET /v1/sessions/{id}/my-number, once). */
      myNumberAvailable: boolean;
    };
    SessionStatus: {
      id: string;
      type: components['schemas']['SessionType'];
      status: components['schemas']['SessionState'];
      hint?: components['schemas']['SessionHint'];
      reference?: string;
      purpose?: string;
      origin?: string;
      include?: ('basic4' | 'my_number')[];
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      result?: components['schemas']['SessionResult'];
      /** @description Why a session failed (report / card-data codes). */
      errors?: components['schemas']['ReportMessage'][];
    };
    MyNumberResponse: {
      myNumber: string;
    };
    Evidence: {
      id: string;
      sessionId: string;
      type: components['schemas']['SessionType'];
      /**
       * Format: date-time
       * @description When the record was written.
       */
      createdAt: string;
      /** @description hex SHA-256 of the record's canonical JSON (anchored in the audit chain) */
      sha256?: string;
      /**
       * @description The stored record (`format: jpki-gateway/evidence/v1`): id, tenantId, sessionId,
       *     sessionType, reference, method, purpose, origin, times (sessionCreatedAt,
       *     completedAt, signingTime, validationTime, recordedAt, retainUntil), identity,
       *     certificate (der, sha256, serialNumber, issuer, subject, notBefore, notAfter), chain,
       *     signedData (signature, detached, contentKind, content?, contentSha256, name?,
       *     mediaType?), revocation (facts, crls, crlMaterial, ocspResponse?), report, policy.
       */
      record: {
        [key: string]: unknown;
      };
    };
    /** @description A self-contained export of one record for offline re-verification (`jpki-gateway audit unpack`). */
    EvidenceExport: {
      /** @enum {string} */
      format: 'jpki-gateway/evidence-export/v1';
      /** Format: date-time */
      exportedAt: string;
      /** @description hex SHA-256 of the record's canonical JSON */
      recordSha256: string;
      /** @description The evidence record (see Evidence). */
      record: {
        [key: string]: unknown;
      };
      crls: {
        sha256: string;
        /** @description The CRL (DER) base64 */
        der: string;
      }[];
      verification: {
        /** Format: date-time */
        validationTime: string;
        /** @description file name → JSON pointer of a base64 field of this export */
        files: {
          [key: string]: string;
        };
        /** @description Arguments after `jpki-gateway`, run where the files were written. */
        command: string[];
        notes: string[];
      };
    } & {
      [key: string]: unknown;
    };
    CertificateStatusRequest: {
      /** @description The certificate, DER, base64. */
      certificate: components['schemas']['Base64'];
      intermediates?: components['schemas']['Base64'][];
      profile?: components['schemas']['Profile'];
    };
    CertificateStatusResult: {
      /** @enum {string} */
      status: 'valid' | 'revoked' | 'expired' | 'unknown' | 'invalid';
      /** Format: date-time */
      checkedAt: string;
      reason?: string;
      reasonMeaning?: string;
      /** Format: date-time */
      revokedAt?: string;
      report: components['schemas']['ValidationReport'];
    };
    /** @description Exactly one of `certificate` and `sessionId`. */
    CreateMonitorRequest: {
      certificate?: components['schemas']['Base64'];
      sessionId?: string;
      /**
       * Format: uri
       * @description https URL receiving the certificate.revoked event (signed, no personal data).
       */
      webhookUrl: string;
      /** @description The RP's own reference, returned in the webhook (no personal data please). */
      reference?: string;
    };
    Monitor: {
      id: string;
      /** Format: date-time */
      createdAt: string;
      webhookUrl: string;
      reference?: string;
      sessionId?: string;
      certificate: {
        sha256: string;
        /** @description lower-case hex */
        serialNumber: string;
        issuer: string;
        /** Format: date-time */
        notAfter: string;
      };
      /** @description The JPKI CRL partition: purpose/prefecture/municipality */
      partition: string;
      /** @enum {string} */
      status: 'active' | 'revoked';
      revocation?: {
        reason: string;
        reasonMeaning: string;
        /** Format: date-time */
        revokedAt: string;
        /** Format: date-time */
        detectedAt: string;
        crlNumber?: string;
      };
    };
    DeadLetter: {
      id: string;
      /** @enum {string} */
      type: 'session.completed' | 'session.failed' | 'session.expired' | 'certificate.revoked';
      url: string;
      /** Format: date-time */
      createdAt: string;
      /** @description The exact JSON body sent on every attempt. */
      body: string;
      attempts: number;
      lastError?: {
        code: string;
        detail?: string;
        /** Format: date-time */
        at: string;
      };
      /** Format: date-time */
      deadAt: string;
    };
    ClientSession: {
      id: string;
      type: components['schemas']['SessionType'];
      status: components['schemas']['SessionState'];
      hint?: components['schemas']['SessionHint'];
      rp: {
        name: string;
      };
      origin: string;
      purpose: string;
      /**
       * @description Identity sessions — the exact UTF-8 text the user signs, shown before signing. Format
       *     v1, one field per line, LF-terminated: `jpki-gateway identity statement v1 /
       *     本人確認ステートメント`, `Relying party / 依頼者: <tenant name>`, `Origin / オリジン:
       *     <origin>`, `Purpose / 目的: <purpose>`, `Nonce / ノンス: <32 random bytes, base64url>`,
       *     `Issued at / 発行日時: <UTC, YYYY-MM-DDTHH:MM:SSZ>`. The nonce is single-use.
       */
      statement?: string;
      document?: {
        name: string;
        mediaType: string;
        /** @description SHA-256 */
        digest: string;
        size?: number;
        content?: components['schemas']['Base64'];
      };
      shares: ('basic4' | 'my_number')[];
      /** Format: date-time */
      expiresAt: string;
      /** @description When the My Number is requested — the nonce for the card's internal authentication. */
      cardChallenge?: components['schemas']['Base64'];
    };
    DataToSignRequest: {
      /** @description The card's signing certificate, DER, base64. */
      certificate: components['schemas']['Base64'];
    };
    DataToSign: {
      /** @description DER of the signed attributes (SET OF Attribute). */
      dataToSign: components['schemas']['Base64'];
      /** @description DigestInfo over dataToSign — what the card signs. */
      digestInfo: components['schemas']['Base64'];
      /** @enum {string} */
      digestAlgorithm: 'SHA-256' | 'SHA-384' | 'SHA-512';
    };
    CardData: {
      textAp: {
        ef0001: components['schemas']['Base64'];
        ef0002: components['schemas']['Base64'];
        ef0003: components['schemas']['Base64'];
        ef0004: components['schemas']['Base64'];
        ef0007: components['schemas']['Base64'];
      };
      /** @description The card's internal-authentication signature over cardChallenge. */
      challengeSignature: components['schemas']['Base64'];
    };
    /** @description Exactly one of `signatureValue` (two-step) and `signature` (a full CMS). */
    SignatureSubmission: {
      signatureValue?: components['schemas']['Base64'];
      signature?: components['schemas']['Base64'];
      cardData?: components['schemas']['CardData'];
    } & (unknown | unknown);
    SignatureResult: {
      status: components['schemas']['SessionState'];
      hint?: components['schemas']['SessionHint'];
    };
    Health: {
      /** @enum {string} */
      status: 'ok';
    };
    Readiness: {
      /** @enum {string} */
      status: 'ready' | 'not_ready';
      /** @enum {string} */
      mode: 'sandbox' | 'production';
      checks: {
        name: string;
        ok: boolean;
        detail?: string;
      }[];
    };
    SandboxIdentityInput: {
      name?: string;
      address?: string;
      birthDate?: string;
      /** @enum {string} */
      sex?: 'male' | 'female' | 'unknown';
    };
    SandboxCardRequest: {
      identity?: components['schemas']['SandboxIdentityInput'];
      /**
       * @default valid
       * @enum {string}
       */
      scenario:
        | 'valid'
        | 'expired'
        | 'not-yet-valid'
        | 'text-ap-tampered'
        | 'text-ap-of-another-person'
        | 'foreign-characters'
        | 'partial-birth-date';
      /** @description Sandbox number with a valid check digit (default derived from the card id, starting 00000). */
      myNumber?: string;
    };
    SandboxCard: {
      id: string;
      scenario: string;
      /** @description PKCS#8 PEM */
      signingKey: string;
      /** @description PEM */
      signingCertificate: string;
      /** @description PKCS#8 PEM */
      authenticationKey: string;
      /** @description PEM */
      authenticationCertificate: string;
      /** @description PEM */
      signingCaCertificate?: string;
      /** @description PEM */
      authenticationCaCertificate?: string;
      textAp: {
        ef0001: string;
        ef0002: string;
        ef0003: string;
        ef0004: string;
        ef0007: string;
      };
      /** @description PKCS#8 PEM of the internal-authentication key */
      cardKey: string;
      cvCaKeys?: {
        keyId: string;
        publicKey: string;
      }[];
      pins?: {
        signing: string;
        authentication: string;
        textAp: string;
      };
      crlUrl?: string;
    };
    SandboxRevokeRequest: {
      /** @enum {string} */
      reason:
        | 'affiliationChanged'
        | 'superseded'
        | 'cessationOfOperation'
        | 'certificateHold'
        | 'keyCompromise'
        | 'unspecified';
    };
    SandboxRevocation: {
      id: string;
      serialNumber: string;
      reason: string;
      /** Format: date-time */
      revokedAt: string;
      crl: string;
      crlNumber: string;
    };
    SandboxCrlList: {
      crls: {
        name: string;
        url: string;
        crlNumber: string;
        /** Format: date-time */
        thisUpdate: string;
        /** Format: date-time */
        nextUpdate: string;
        entries: number;
      }[];
    };
  };
  responses: {
    /** @description The request does not match the schema (`ERR_VALIDATION`) or is malformed. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Missing or unknown API key / client token. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The tenant lacks a scope this operation needs. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No such resource for this tenant (another tenant's resource is also 404). */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The resource is not in a state that allows this (e.g. session no longer pending, replay). */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Read once already, or expired. */
    Gone: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A request with the same Idempotency-Key is still being processed. */
    IdempotencyInProgress: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The Idempotency-Key was used before with a different request. */
    IdempotencyKeyReused: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The body exceeds the limit. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The tenant's rate limit is exhausted. */
    RateLimited: {
      headers: {
        'Retry-After': components['headers']['RetryAfter'];
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description An unexpected error (details are logged with the request id, never sent). */
    Internal: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description A dependency is unavailable — a store is unreachable, or every verifier worker is busy or restarting (then with Retry-After); retry later. Never a verdict on the input. */
    Unavailable: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description This sandbox responder is not available in this build. */
    NotImplemented: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
  };
  parameters: {
    /**
     * @description Replays the stored response for a retried request (24 h, per tenant).
     * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
     */
    IdempotencyKey: string;
    /** @example evd_4T8mQz1wX6rB2nL9kV5cJ3 */
    EvidenceId: string;
    /** @example mon_7HkQ2pW9xZ4cV1bN6mL3tR */
    MonitorId: string;
    /**
     * @description At most this many items (1–1000, default 100).
     * @example 100
     */
    Limit: string;
    /** @example ses_9QnE4xq2rX7mV3kT1bYw5c */
    SessionId: string;
  };
  requestBodies: never;
  headers: {
    /** @description `true` when this response is a replay of a stored one. */
    IdempotentReplayed: 'true';
    /** @description Seconds until the tenant may try again. */
    RetryAfter: number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  createValidation: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Replays the stored response for a retried request (24 h, per tenant).
         * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ValidationRequest'];
      };
    };
    responses: {
      /** @description The validation report (also for a signature that failed). */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ValidationReport'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['IdempotencyInProgress'];
      413: components['responses']['PayloadTooLarge'];
      422: components['responses']['IdempotencyKeyReused'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  createSession: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Replays the stored response for a retried request (24 h, per tenant).
         * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSessionRequest'];
      };
    };
    responses: {
      /** @description The session was created. */
      201: {
        headers: {
          /** @description /v1/sessions/{id} */
          Location?: string;
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedSession'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['IdempotencyInProgress'];
      413: components['responses']['PayloadTooLarge'];
      422: components['responses']['IdempotencyKeyReused'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example ses_9QnE4xq2rX7mV3kT1bYw5c */
        id: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionStatus'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  cancelSession: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Replays the stored response for a retried request (24 h, per tenant).
         * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @example ses_9QnE4xq2rX7mV3kT1bYw5c */
        id: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cancelled session. */
      200: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionStatus'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      422: components['responses']['IdempotencyKeyReused'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getSessionMyNumber: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example ses_9QnE4xq2rX7mV3kT1bYw5c */
        id: components['parameters']['SessionId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The My Number (12 digits). Answered with Cache-Control: no-store. */
      200: {
        headers: {
          'Cache-Control'?: 'no-store';
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyNumberResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example evd_4T8mQz1wX6rB2nL9kV5cJ3 */
        id: components['parameters']['EvidenceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The evidence record. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Evidence'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  exportEvidence: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example evd_4T8mQz1wX6rB2nL9kV5cJ3 */
        id: components['parameters']['EvidenceId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export. Answered with Cache-Control no-store (it holds personal data). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EvidenceExport'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  checkCertificateStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CertificateStatusRequest'];
      };
    };
    responses: {
      /** @description The status now (also for a revoked or invalid certificate). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CertificateStatusResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      413: components['responses']['PayloadTooLarge'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  listMonitors: {
    parameters: {
      query?: {
        /**
         * @description At most this many items (1–1000, default 100).
         * @example 100
         */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The monitors. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            monitors: components['schemas']['Monitor'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  createMonitor: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Replays the stored response for a retried request (24 h, per tenant).
         * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateMonitorRequest'];
      };
    };
    responses: {
      /** @description The monitor. */
      201: {
        headers: {
          'Idempotent-Replayed': components['headers']['IdempotentReplayed'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Monitor'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['IdempotencyInProgress'];
      422: components['responses']['IdempotencyKeyReused'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example mon_7HkQ2pW9xZ4cV1bN6mL3tR */
        id: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The monitor. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Monitor'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  deleteMonitor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example mon_7HkQ2pW9xZ4cV1bN6mL3tR */
        id: components['parameters']['MonitorId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  listWebhookDeadLetters: {
    parameters: {
      query?: {
        /**
         * @description At most this many items (1–1000, default 100).
         * @example 100
         */
        limit?: components['parameters']['Limit'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The tenant's dead letters. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deadLetters: components['schemas']['DeadLetter'][];
          };
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  redriveWebhookDeadLetter: {
    parameters: {
      query?: never;
      header?: {
        /**
         * @description Replays the stored response for a retried request (24 h, per tenant).
         * @example 5f0c3e1a-8b7d-4c2e-9f10-2a3b4c5d6e7f
         */
        'Idempotency-Key'?: components['parameters']['IdempotencyKey'];
      };
      path: {
        /** @example evt_5d41402abc4b2a76b9719d911017c592 */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued for delivery. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            /** @enum {string} */
            status: 'queued';
          };
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      409: components['responses']['IdempotencyInProgress'];
      422: components['responses']['IdempotencyKeyReused'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getClientSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The session as the widget presents it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClientSession'];
        };
      };
      401: components['responses']['Unauthorized'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  createClientDataToSign: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DataToSignRequest'];
      };
    };
    responses: {
      /** @description What to sign. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DataToSign'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      413: components['responses']['PayloadTooLarge'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  submitClientSignature: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignatureSubmission'];
      };
    };
    responses: {
      /** @description The session's new status. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignatureResult'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      409: components['responses']['Conflict'];
      410: components['responses']['Gone'];
      413: components['responses']['PayloadTooLarge'];
      429: components['responses']['RateLimited'];
      500: components['responses']['Internal'];
      503: components['responses']['Unavailable'];
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready to serve. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
      /** @description Not ready; `checks` says which part is not. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Readiness'];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example # TYPE jpki_gateway_http_request_duration_seconds histogram
           *     jpki_gateway_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/v1/validations",status="200"} 118
           */
          'text/plain': string;
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  getDocs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description HTML page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
  createSandboxCard: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SandboxCardRequest'];
      };
    };
    responses: {
      /** @description The card. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxCard'];
        };
      };
      400: components['responses']['BadRequest'];
      500: components['responses']['Internal'];
    };
  };
  revokeSandboxCard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SandboxRevokeRequest'];
      };
    };
    responses: {
      /** @description The revocation entry and the CRL now carrying it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxRevocation'];
        };
      };
      400: components['responses']['BadRequest'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      500: components['responses']['Internal'];
    };
  };
  listSandboxCrls: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One entry per CRL partition the sandbox has issued. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SandboxCrlList'];
        };
      };
    };
  };
  getSandboxCrl: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @example signing-Tokyo-to-Chiyoda-ku.crl */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The CRL (RFC 5280, DER). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pkix-crl': string;
        };
      };
      404: components['responses']['NotFound'];
    };
  };
  sandboxOcsp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/ocsp-request': string;
      };
    };
    responses: {
      /** @description An OCSP response (also for unknown certificates or malformed requests, as RFC 6960 says). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/ocsp-response': string;
        };
      };
      501: components['responses']['NotImplemented'];
    };
  };
  sandboxTimestamp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/timestamp-query': string;
      };
    };
    responses: {
      /** @description A TimeStampResp. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/timestamp-reply': string;
        };
      };
      501: components['responses']['NotImplemented'];
    };
  };
  receiveJpkiGatewayEvent: {
    parameters: {
      query?: never;
      header: {
        'JPKI-Gateway-Signature': string;
        'JPKI-Gateway-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          /** @enum {string} */
          type: 'session.completed' | 'session.failed' | 'session.expired' | 'certificate.revoked';
          /** Format: date-time */
          created: string;
          /**
           * @description `sessionId` and `status` (session events; certificate.revoked when the monitor
           *     was created for a session), plus for certificate.revoked: monitorId,
           *     certificateSha256, serialNumber, reason, reasonMeaning, revokedAt, reference.
           */
          data: {
            [key: string]: string;
          };
        };
      };
    };
    responses: {
      /** @description Received (any 2xx). Anything else, a timeout or a redirect is retried. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
