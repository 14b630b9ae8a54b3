/**
 * The identity statement (contract §5): the UTF-8 text an identity session's user signs. One
 * field per line, LF-terminated, bilingual labels, values exactly as validated (no control,
 * line-break or bidi-override characters can reach here), time in UTC to the second:
 *
 *   jpki-gateway identity statement v1 / 本人確認ステートメント
 *   Relying party / 依頼者: 見本証券株式会社
 *   Origin / オリジン: https://brokerage.example
 *   Purpose / 目的: 証券口座の開設 (犯収法 本人確認)
 *   Nonce / ノンス: <32 bytes, base64url, 43 characters>
 *   Issued at / 発行日時: 2026-03-01T00:00:00Z
 *
 * The format is versioned by its first line: change it only with a new version.
 */
export interface StatementFields {
  readonly rpName: string;
  readonly origin: string;
  readonly purpose: string;
  /** base64url of 32 random bytes. */
  readonly nonce: string;
  readonly issuedAt: Date;
}

export const STATEMENT_HEADER = 'jpki-gateway identity statement v1 / 本人確認ステートメント';

export function buildStatement(f: StatementFields): string {
  for (const [name, v] of Object.entries({ rpName: f.rpName, origin: f.origin, purpose: f.purpose, nonce: f.nonce })) {
    // Caller bug: values come from the create checks, which refuse these characters.
    if (/[\p{Cc}\u2028\u2029]/u.test(v)) throw new TypeError(`statement ${name} contains a control character`);
  }
  return [
    STATEMENT_HEADER,
    `Relying party / 依頼者: ${f.rpName}`,
    `Origin / オリジン: ${f.origin}`,
    `Purpose / 目的: ${f.purpose}`,
    `Nonce / ノンス: ${f.nonce}`,
    `Issued at / 発行日時: ${f.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    '',
  ].join('\n');
}
