/**
 * partitionOfName: the CRL partition a JPKI CRL distribution point names. JPKI certificates
 * carry no CRL URL but a directoryName per municipality (jpki-reference §1):
 *   C=JP, O=JPKI, OU=JPKI for digital signature, OU=CRL Distribution Points,
 *   OU=<prefecture romaji>, CN=<municipality romaji> CRLDP
 * A partition is identified by `purpose/prefecture/municipality` in slugs ([a-z0-9-], so a
 * partition id can never traverse a path or break a URL). Distinct names that slug alike are
 * caught later: a CRL only answers for certificates whose DP matches its own
 * issuingDistributionPoint exactly (RFC 5280 §6.3.3 (b)(2)(i)).
 */
import { GatewayError } from '../../errors.js';
import type { Name } from '../../pki/name.js';
import { OID } from '../../pki/oids.js';

export interface CrlPartition {
  /** `purpose/prefecture/municipality`, e.g. `signing/tokyo-to/chiyoda-ku`. */
  readonly id: string;
  readonly purpose: string;
  readonly prefecture: string;
  readonly municipality: string;
}

const PURPOSES: Readonly<Record<string, string>> = {
  'jpki for digital signature': 'signing',
  'jpki for user authentication': 'authentication',
};
const DP_MARKER = 'crl distribution points';
const MAX_SLUG = 64;
export const SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SLUG = new RegExp(`^${SLUG_PATTERN}$`);

/**
 * Lower-case ASCII letters and digits kept, space . _ - become '-', any other character its
 * UTF-8 bytes in hex behind an 'x' (lossless for kanji names, still [a-z0-9-]).
 */
export function slug(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').trim().toLowerCase()) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else if (/[\s._-]/.test(ch)) out += '-';
    else out += `x${Buffer.from(ch, 'utf8').toString('hex')}`;
  }
  out = out.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!SLUG.test(out) || out.length > MAX_SLUG) {
    throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', 'CRL partition name part is empty or too long');
  }
  return out;
}

export function isSlug(s: string): boolean {
  return s.length <= MAX_SLUG && SLUG.test(s);
}

export function partitionFromParts(purpose: string, prefecture: string, municipality: string): CrlPartition {
  for (const s of [purpose, prefecture, municipality]) {
    if (!isSlug(s)) throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', `not a CRL partition slug: ${s.slice(0, 80)}`);
  }
  return Object.freeze({ id: `${purpose}/${prefecture}/${municipality}`, purpose, prefecture, municipality });
}

/** `signing/tokyo-to/chiyoda-ku` → its parts (untrusted input: config, CLI, Redis keys). */
export function parsePartitionId(id: string): CrlPartition {
  const parts = id.split('/');
  if (parts.length !== 3)
    throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', `not a CRL partition id: ${id.slice(0, 80)}`);
  return partitionFromParts(parts[0]!, parts[1]!, parts[2]!);
}

export function partitionOfName(name: Name): CrlPartition {
  const ous: string[] = [];
  let cn: string | undefined;
  for (const rdn of name.rdns) {
    for (const a of rdn) {
      if (a.text === undefined) continue;
      if (a.type === OID.organizationalUnitName) ous.push(a.text);
      else if (a.type === OID.commonName) cn = a.text;
    }
  }
  const marker = ous.findIndex((ou) => ou.trim().toLowerCase() === DP_MARKER);
  const purposeOu = marker > 0 ? ous[marker - 1] : undefined;
  const prefecture = marker >= 0 ? ous[marker + 1] : undefined;
  const municipality = cn?.replace(/\s*crldp\s*$/i, '');
  if (purposeOu === undefined || prefecture === undefined || !municipality) {
    throw new GatewayError('ERR_REVOCATION_UNAVAILABLE', 'CRL distribution point is not a JPKI partition name');
  }
  const purpose = PURPOSES[purposeOu.trim().toLowerCase()] ?? slug(purposeOu);
  return partitionFromParts(purpose, slug(prefecture), slug(municipality));
}
