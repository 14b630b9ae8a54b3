/** Small readers for environment values: each returns the value or records one problem. */

export function readInt(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer ${min}..${max}, got '${raw}'`);
    return fallback;
  }
  return n;
}

export function readEnum<T extends string>(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    problems.push(`${name} must be one of ${allowed.join(', ')}, got '${raw}'`);
    return fallback;
  }
  return raw as T;
}

/** An absolute http(s) URL without query or fragment; returned without a trailing slash. */
export function readBaseUrl(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  problems: string[],
): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash && !u.username && !u.password)
      return u.href.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`${name} must be an absolute http(s) URL without query, fragment or credentials`);
  return undefined;
}

/** A redis:// or rediss:// URL; the message never repeats it (it may hold a password). */
export function readRedisUrl(
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
): string | undefined {
  const raw = env.REDIS_URL;
  if (raw === undefined || raw === '') return undefined;
  try {
    const u = new URL(raw);
    if ((u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname) return raw;
  } catch {
    // reported below
  }
  problems.push('REDIS_URL must be redis://[user:password@]host:port[/db] or rediss://…');
  return undefined;
}
