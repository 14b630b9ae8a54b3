/**
 * Log scans for 12-digit runs (a My Number's shape): request ids are random UUIDs, whose last
 * group is 12 hex digits — all decimal about once in 300 ids — so ids are masked first.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export const TWELVE_DIGITS = /(?<![0-9])[0-9]{12}(?![0-9])/;

/** The log text with every UUID replaced by `<uuid>`. */
export function withoutUuids(text: string): string {
  return text.replace(UUID, '<uuid>');
}
