/**
 * canonicalJson: one byte-exact JSON text per value, so a hash over it is reproducible by
 * anyone (an auditor with `jq -cS` or any language). Object keys sorted by UTF-16 code units
 * (as RFC 8785 §3.2.3), no whitespace, strings as JSON.stringify writes them; only finite
 * numbers; `undefined` members are left out, `undefined` elsewhere is a caller bug.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}
