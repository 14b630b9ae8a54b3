/**
 * The session-binding signed attribute: ties a two-step signature to exactly one session, so a
 * signature value cannot be moved to another session even over the same document.
 *
 *   id-aa-jpkiGatewaySessionBinding OBJECT IDENTIFIER ::= { 1 3 6 1 4 1 32473 7351 1 }
 *   SessionBinding ::= SEQUENCE {
 *     version    INTEGER (1),
 *     sessionId  UTF8String,
 *     nonceHash  OCTET STRING  -- SHA-256 of the session's 32-byte nonce
 *   }
 *
 * Arc: 1.3.6.1.4.1.32473 is IANA's enterprise number for documentation (RFC 5612), used as a
 * placeholder because an X.667 UUID arc (2.25.<uuid>) exceeds what our strict OID reader
 * accepts (arcs < 2^46). Before production the operator registers its own PEN with IANA and
 * changes SESSION_BINDING_OID here; the attribute is read only by this gateway, so old
 * signatures stay verifiable (the verifier ignores unknown signed attributes).
 */
import { createHash } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { AttributeSpec } from '../cms/build-signed-attributes.js';
import { TAG, cursor, parseDer } from '../pki/der.js';
import { readOctetString, readSmallInt, readString } from '../pki/der-values.js';
import { integer, octetString, seq, utf8 } from '../pki/der-write.js';

export const SESSION_BINDING_OID = '1.3.6.1.4.1.32473.7351.1';

export interface SessionBinding {
  readonly sessionId: string;
  readonly nonceHash: Uint8Array;
}

export function nonceHash(nonce: Uint8Array): Uint8Array {
  return createHash('sha256').update(nonce).digest();
}

export function sessionBindingAttribute(sessionId: string, nonce: Uint8Array): AttributeSpec {
  return {
    oid: SESSION_BINDING_OID,
    valuesDer: [seq(integer(1), utf8(sessionId), octetString(nonceHash(nonce)))],
  };
}

/** Decodes one SessionBinding value (evidence, tests); throws coded DER errors. */
export function readSessionBinding(valueDer: Uint8Array): SessionBinding {
  const root = parseDer(valueDer);
  const c = cursor(valueDer, root, 'SessionBinding');
  if (readSmallInt(valueDer, c.next(TAG.INTEGER)) !== 1)
    throw new GatewayError('ERR_DER_STRUCTURE', 'SessionBinding version');
  const sessionId = readString(valueDer, c.next(TAG.UTF8_STRING));
  const hash = readOctetString(valueDer, c.next(TAG.OCTET_STRING));
  c.end();
  return { sessionId, nonceHash: hash };
}
