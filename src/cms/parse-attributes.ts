/** SignedAttributes ::= SET SIZE (1..MAX) OF Attribute (RFC 5652 §5.3). */
import { GatewayError } from '../errors.js';
import { TAG, cursor, type Tlv } from '../pki/der.js';
import { readOid } from '../pki/der-values.js';
import type { Attribute } from './types.js';

export function parseAttributes(buf: Uint8Array, set: Tlv): Attribute[] {
  const out: Attribute[] = [];
  const c = cursor(buf, set, 'SignedAttributes');
  if (c.done) throw new GatewayError('ERR_DER_STRUCTURE', 'empty SignedAttributes (SIZE 1..MAX)');
  while (!c.done) {
    const tlv = c.next(TAG.SEQUENCE);
    const a = cursor(buf, tlv, 'Attribute');
    const type = readOid(buf, a.next(TAG.OID));
    const valuesSet = a.next(TAG.SET);
    a.end();
    const values: Tlv[] = [];
    const v = cursor(buf, valuesSet, 'AttributeValues');
    while (!v.done) values.push(v.next());
    // RFC 5652 §5.3: attrValues is SET OF AttributeValue with at least one value (X.501).
    if (values.length === 0) throw new GatewayError('ERR_DER_STRUCTURE', `attribute ${type} has no value`);
    out.push({ type, tlv, valuesSet, values });
  }
  return out;
}

/** Every attribute of `type`, in encoding order. */
export function attributesOfType(attributes: readonly Attribute[], type: string): Attribute[] {
  return attributes.filter((a) => a.type === type);
}
