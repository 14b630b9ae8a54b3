/** Retention: 犯収法 keeps 確認記録 for 7 years; calendar years from the recording time. */
export const DEFAULT_RETENTION_YEARS = 7;

export function retainUntil(recordedAt: Date, years: number): Date {
  if (!Number.isInteger(years) || years < 1) throw new TypeError('retention years must be a positive integer');
  const d = new Date(recordedAt.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}
