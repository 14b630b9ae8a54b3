/**
 * compileCrlTemplate: where a partition's CRL lives, from a configured template such as
 * `{purpose}/{prefecture}/{municipality}.crl` (drop directory) or
 * `https://mirror.example/{purpose}/{prefecture}/{municipality}.crl` (HTTP mirror).
 * Variables expand to slugs ([a-z0-9-]), so an expansion can never contain `..`, `/` inside a
 * part, `?`, `#` or `%`: the template alone decides the shape. A template that would put two
 * partitions in one place (a missing variable, an ambiguous separator) is a configuration error.
 */
import { SLUG_PATTERN, partitionFromParts, type CrlPartition } from './partition-of-name.js';

export interface CrlTemplate {
  readonly text: string;
  expand(partition: CrlPartition): string;
  /** The partition whose expansion is exactly `value` (drop-directory discovery), if any. */
  match(value: string): CrlPartition | undefined;
}

const VARS = ['purpose', 'prefecture', 'municipality'] as const;
type Var = (typeof VARS)[number];
const PLACEHOLDER = /\{([^{}]*)\}/g;

export function compileCrlTemplate(text: string, kind: 'path' | 'url'): CrlTemplate {
  if (typeof text !== 'string' || text.length === 0 || text.length > 512) {
    throw new TypeError('CRL template must be a non-empty string');
  }
  const seen: Var[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const v = m[1] as Var;
    if (!(VARS as readonly string[]).includes(v)) throw new TypeError(`CRL template: unknown variable {${m[1]}}`);
    if (seen.includes(v)) throw new TypeError(`CRL template: {${v}} appears twice`);
    seen.push(v);
  }
  if (seen.length !== VARS.length) {
    throw new TypeError(`CRL template must use ${VARS.map((v) => `{${v}}`).join(', ')} (one place per partition)`);
  }
  const literal = text.replace(PLACEHOLDER, '');
  if (/[{}]/.test(literal)) throw new TypeError('CRL template: unbalanced braces');
  // Slugs contain '-': `{prefecture}-{municipality}` would give tokyo-to + chiyoda-ku and
  // tokyo + to-chiyoda-ku one name. A separator outside [a-z0-9-] keeps every place unique.
  const between = text
    .split(PLACEHOLDER)
    .filter((_, i) => i % 2 === 0)
    .slice(1, -1);
  if (between.some((sep) => !/[^a-z0-9-]/.test(sep))) {
    throw new TypeError('CRL template: separate variables with a character other than a-z 0-9 - (e.g. / . _)');
  }
  if (kind === 'path') checkPathTemplate(text);
  else checkUrlTemplate(text);

  const pattern = new RegExp(
    `^${text
      .split(PLACEHOLDER)
      .map((part, i) => (i % 2 ? `(?<${part}>${SLUG_PATTERN})` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );
  return Object.freeze({
    text,
    expand: (p: CrlPartition) => text.replace(PLACEHOLDER, (_, v: Var) => p[v]),
    match: (value: string) => {
      const g = pattern.exec(value)?.groups;
      if (!g) return undefined;
      try {
        return partitionFromParts(g.purpose!, g.prefecture!, g.municipality!);
      } catch {
        return undefined;
      }
    },
  });
}

function checkPathTemplate(text: string): void {
  if (text.startsWith('/') || text.includes('\\') || text.includes('\0')) {
    throw new TypeError('CRL file template must be a relative path with / separators');
  }
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') {
      throw new TypeError('CRL file template: empty, . or .. path segment');
    }
  }
}

function checkUrlTemplate(text: string): void {
  // The variables may only appear in the path: the host is fixed by configuration.
  const head = text.slice(0, text.indexOf('{'));
  let url: URL;
  try {
    url = new URL(head);
  } catch {
    throw new TypeError('CRL URL template must start with http(s)://host/ before any variable');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError('CRL URL template: http or https only');
  if (!/^https?:\/\/[^/]+\//.test(head)) throw new TypeError('CRL URL template: variables only after the host');
  if (url.username || url.password) throw new TypeError('CRL URL template: no credentials in the URL');
}
