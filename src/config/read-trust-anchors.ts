/**
 * GATEWAY_TRUST_ANCHORS: comma-separated certificate files (DER, PEM or base64) replacing the
 * bundled J-LIS roots. Each must parse as a certificate; in production, without the variable,
 * the bundled roots must be present (a package installed without `trust/` refuses to start).
 */
import { isGatewayError } from '../errors.js';
import { parseCertificate } from '../pki/certificate.js';
import { decodeInput } from '../pki/decode-input.js';
import { loadBundledRoots } from '../trust/load-bundled-roots.js';

export interface TrustAnchorsResult {
  readonly anchors: readonly Uint8Array[];
  readonly problems: readonly string[];
}

export function readTrustAnchors(
  list: string | undefined,
  readBinary: (path: string) => Uint8Array,
  production: boolean,
): TrustAnchorsResult {
  const problems: string[] = [];
  const anchors: Uint8Array[] = [];
  const paths = (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const path of paths) {
    try {
      const der = decodeInput(readBinary(path));
      parseCertificate(der);
      anchors.push(der);
    } catch (e) {
      const why = isGatewayError(e) ? e.code : ((e as NodeJS.ErrnoException).code ?? 'unreadable');
      problems.push(`GATEWAY_TRUST_ANCHORS: ${path} is not a usable certificate (${why})`);
    }
  }
  if (production && paths.length === 0) {
    try {
      if (loadBundledRoots().anchors.length === 0) problems.push('no trust anchors: the bundled J-LIS roots are empty');
    } catch {
      problems.push('no trust anchors: set GATEWAY_TRUST_ANCHORS or install the bundled J-LIS roots (trust/jlis)');
    }
  }
  return { anchors, problems };
}
