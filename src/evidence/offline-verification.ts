/**
 * How an auditor re-verifies an exported record without us: which export fields become which
 * files (JSON pointers into the export, base64 → bytes) and the `jpki-gateway verify` command
 * line over them, at the recorded validation time. `jpki-gateway audit unpack` writes exactly
 * these files; anyone can do the same with jq and base64 -d.
 */
import type { EvidenceRecord } from './types.js';

export interface OfflineVerification {
  readonly validationTime: string;
  /** file name → JSON pointer (RFC 6901) of a base64 field of the export. */
  readonly files: Readonly<Record<string, string>>;
  /** Arguments after `jpki-gateway`, run in the directory holding the files. */
  readonly command: readonly string[];
  readonly notes: readonly string[];
}

export function offlineVerification(record: EvidenceRecord, crlCount: number): OfflineVerification {
  const files: Record<string, string> = { 'signature.p7s': '/record/signedData/signature' };
  const args: string[] = ['verify', '--json', '--profile', record.report.profile, '--at', record.times.validationTime];
  const notes: string[] = [];
  const anchor = record.chain.length - 1;
  record.chain.forEach((c, i) => {
    if (!c.der) {
      notes.push(`CA certificate ${c.sha256} (${c.subject}) is not in this export: obtain it from J-LIS`);
      return;
    }
    const name = i === anchor ? 'trust-anchor.der' : `intermediate-${i + 1}.der`;
    files[name] = `/record/chain/${i}/der`;
    args.push(i === anchor ? '--trust' : '--intermediate', name);
  });
  if (anchor >= 0)
    notes.push(
      `--trust trust-anchor.der trusts the root shipped in this export: check that its SHA-256 ` +
        `${record.chain[anchor]!.sha256} is a published J-LIS root, or leave --trust out to use ` +
        `the J-LIS roots bundled with jpki-gateway`,
    );
  for (let i = 0; i < crlCount; i++) {
    files[`crl-${i + 1}.der`] = `/crls/${i}/der`;
    args.push('--crl', `crl-${i + 1}.der`);
  }
  const { revocation, signedData } = record;
  if (revocation.facts.source === 'ocsp') {
    if (revocation.ocspResponse) files['ocsp-response.der'] = '/record/revocation/ocspResponse';
    args.push('--no-revocation');
    notes.push(
      'revocation was checked by OCSP: ocsp-response.der is the responder answer the gateway ' +
        'used (check it with e.g. openssl ocsp -respin ocsp-response.der -issuer <CA> -resp_text)',
    );
  } else if (crlCount === 0) {
    notes.push(
      'the CRL that answered is not in this export: obtain CRL ' +
        `${revocation.facts.crlNumber ?? '?'} of ${revocation.facts.thisUpdate ?? '?'} from J-LIS and pass it with --crl`,
    );
  }
  if (signedData.detached) {
    if (signedData.content !== undefined) files['content.bin'] = '/record/signedData/content';
    else
      notes.push(
        `the signed document was kept by the relying party: save it as content.bin (its SHA-256 ` +
          `must be ${signedData.contentSha256})`,
      );
    args.push('--content', 'content.bin');
  }
  args.push('signature.p7s');
  return { validationTime: record.times.validationTime, files, command: args, notes };
}
