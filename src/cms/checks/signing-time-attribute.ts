import { GatewayError } from '../../errors.js';
import { TAG } from '../../pki/der.js';
import { readTime } from '../../pki/der-values.js';
import { OID } from '../../pki/oids.js';
import { attributesOfType } from '../parse-attributes.js';
import type { Attribute } from '../types.js';

// RFC 5652 §11.3: at most one signing-time, one value; UTCTime for 1950–2049, GeneralizedTime otherwise.
export function readSigningTimeAttribute(buf: Uint8Array, attributes: readonly Attribute[]): Date | undefined {
  const found = attributesOfType(attributes, OID.signingTime);
  if (found.length === 0) return undefined;
  if (found.length > 1) throw new GatewayError('ERR_CMS_ATTR_SIGNING_TIME', 'repeated signing-time');
  const values = found[0]!.values;
  if (values.length !== 1) throw new GatewayError('ERR_CMS_ATTR_SIGNING_TIME', `${values.length} signing-time values`);
  const t = values[0]!;
  let ms: number;
  try {
    ms = readTime(buf, t);
  } catch (e) {
    throw new GatewayError('ERR_CMS_ATTR_SIGNING_TIME', e instanceof GatewayError ? e.detail : 'unreadable time');
  }
  const year = new Date(ms).getUTCFullYear();
  const utcRange = year >= 1950 && year <= 2049;
  if (utcRange !== (t.tag === TAG.UTC_TIME)) {
    throw new GatewayError('ERR_CMS_ATTR_SIGNING_TIME', `year ${year} in the wrong time type`);
  }
  return new Date(ms);
}
