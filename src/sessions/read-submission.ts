/**
 * The widget's signature submission, checked for shape BEFORE anything single-use is consumed:
 * a malformed request changes nothing. Two forms: `signatureValue` (two-step, over what
 * data-to-sign prepared) or `signature` (a client-built CMS over the statement / document).
 */
import { GatewayError } from '../errors.js';
import { parseSignedData } from '../cms/parse-signed-data.js';
import { checkSignerCount } from '../cms/checks/signer-count.js';
import { parseSignerInfo } from '../cms/parse-signer-info.js';
import type { TextApFiles } from '../identity/my-number/types.js';
import { decodeBase64Field } from './checks/decode-base64.js';
import type { PreparedSignature, SessionRecord } from './types.js';

const MAX_SIGNATURE_VALUE_BYTES = 1024;
const MAX_CMS_BYTES = 1024 * 1024;
const MAX_CARD_FILE_BYTES = 6000;

export type Submission =
  | { readonly kind: 'two-step'; readonly signatureValue: Uint8Array; readonly prepared: PreparedSignature }
  | { readonly kind: 'cms'; readonly cms: Uint8Array };

export interface CardDataInput {
  readonly textAp: TextApFiles;
  readonly challengeSignature: Uint8Array;
}

export interface ReadSubmission {
  readonly submission: Submission;
  /** What makes this signature single-use: the signature value itself. */
  readonly replayValue: Uint8Array;
  readonly cardData: CardDataInput | undefined;
}

export function readSubmission(r: SessionRecord, unverified: unknown): ReadSubmission {
  if (typeof unverified !== 'object' || unverified === null)
    throw new GatewayError('ERR_SESSION_INPUT', 'body must be an object');
  const b = unverified as Record<string, unknown>;
  if ((b.signatureValue === undefined) === (b.signature === undefined))
    throw new GatewayError('ERR_SESSION_INPUT', 'give exactly one of signatureValue, signature');
  const cardData = readCardData(r, b.cardData);
  if (b.signatureValue !== undefined) {
    const signatureValue = decodeBase64Field(b.signatureValue, 'signatureValue', 1, MAX_SIGNATURE_VALUE_BYTES);
    if (!r.prepared) throw new GatewayError('ERR_SESSION_NOT_PREPARED');
    return {
      submission: { kind: 'two-step', signatureValue, prepared: r.prepared },
      replayValue: signatureValue,
      cardData,
    };
  }
  // A CMS needs the signed bytes to be verified: a document given only by digest has none here.
  if (r.type === 'signing' && r.document?.content === undefined)
    throw new GatewayError('ERR_SESSION_DOCUMENT_CONTENT_REQUIRED');
  const cms = decodeBase64Field(b.signature, 'signature', 1, MAX_CMS_BYTES);
  return { submission: { kind: 'cms', cms }, replayValue: cmsSignatureValue(cms), cardData };
}

/** The SignerInfo's signature value; a CMS too broken to say fails verification anyway (keyed by its bytes). */
function cmsSignatureValue(cms: Uint8Array): Uint8Array {
  try {
    return parseSignerInfo(cms, checkSignerCount(parseSignedData(cms, 32))).signature;
  } catch {
    return cms;
  }
}

function readCardData(r: SessionRecord, v: unknown): CardDataInput | undefined {
  const wanted = r.include.includes('my_number');
  if (v === undefined) {
    if (wanted) throw new GatewayError('ERR_SESSION_CARD_DATA_REQUIRED');
    return undefined;
  }
  if (!wanted) throw new GatewayError('ERR_SESSION_CARD_DATA_UNEXPECTED');
  if (typeof v !== 'object' || v === null) throw new GatewayError('ERR_SESSION_INPUT', 'cardData must be an object');
  const c = v as Record<string, unknown>;
  if (typeof c.textAp !== 'object' || c.textAp === null)
    throw new GatewayError('ERR_SESSION_INPUT', 'cardData.textAp must be an object');
  const t = c.textAp as Record<string, unknown>;
  const file = (name: keyof TextApFiles): Uint8Array =>
    decodeBase64Field(t[name], `cardData.textAp.${name}`, 1, MAX_CARD_FILE_BYTES);
  return {
    textAp: {
      ef0001: file('ef0001'),
      ef0002: file('ef0002'),
      ef0003: file('ef0003'),
      ef0004: file('ef0004'),
      ef0007: file('ef0007'),
    },
    challengeSignature: decodeBase64Field(c.challengeSignature, 'cardData.challengeSignature', 1, 1024),
  };
}
