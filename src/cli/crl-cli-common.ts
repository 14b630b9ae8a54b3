/** What `crl import` and `crl status` share: trust anchors as CRL issuers, time, display. */
import type { Clock } from '../clock.js';
import { fixedClock, systemClock } from '../clock.js';
import { parseCertificate, type Certificate } from '../pki/certificate.js';
import { loadBundledRoots } from '../trust/load-bundled-roots.js';
import { UsageError, parseAt, readDerFiles } from './io.js';

/** --trust files, else the bundled J-LIS roots: the CAs whose CRLs are accepted. */
export async function crlIssuers(trust: readonly string[]): Promise<Certificate[]> {
  if (trust.length === 0) return loadBundledRoots().anchors.map((a) => a.certificate);
  const ders = await readDerFiles(trust);
  try {
    return ders.map(parseCertificate);
  } catch (e) {
    throw new UsageError(`--trust: ${(e as Error).message}`);
  }
}

export function cliClock(at: string | undefined): Clock {
  const d = parseAt(at);
  return d ? fixedClock(d) : systemClock;
}

export function age(seconds: number | undefined): string {
  if (seconds === undefined) return '-';
  const s = Math.abs(seconds);
  const minutes = Math.round(s / 60);
  const txt = s >= 86_400 ? `${(s / 86_400).toFixed(1)}d` : minutes >= 60 ? `${(s / 3600).toFixed(1)}h` : `${minutes}m`;
  return seconds < 0 ? `-${txt}` : txt;
}
