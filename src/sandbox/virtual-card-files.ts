/**
 * The virtual card's file system (jpki-reference §3, §4): two applications, their EFs and the
 * access rule of each. Access rules not stated in the reference are choices, written here:
 * - JPKI-AP: the signing certificate (0001) needs the signing password; the CA certificates,
 *   the authentication certificate and the token label are free; the private keys (0017, 001A)
 *   are never readable, only usable for a signature after their PIN is verified.
 * - Text AP: EF0001–EF0003 (My Number, basic four, their integrity record) need the text-AP
 *   PIN; EF0004 and EF0007 hold only public keys and are free; internal authentication uses the
 *   card key without a PIN (jpki-reference §3 step 4).
 */
import type { PinKind } from '../card/card-error.js';
import { AID, JPKI_EF, TEXT_AP_EF } from '../card/jpki-constants.js';
import type { VirtualCardProfile } from './virtual-card-profile.js';

export type VirtualFile =
  | { readonly kind: 'binary'; readonly data: Uint8Array; readonly needs?: PinKind }
  | { readonly kind: 'pin'; readonly pin: PinKind }
  | { readonly kind: 'key'; readonly key: 'signing' | 'auth'; readonly needs: PinKind };

export type ApplicationName = 'jpki' | 'textAp';

export interface VirtualApplication {
  readonly name: ApplicationName;
  readonly aid: Uint8Array;
  readonly files: ReadonlyMap<number, VirtualFile>;
}

/** Lengths a PIN of each kind can have (jpki-reference §1, §3); VERIFY data outside them is 6700. */
export const PIN_LENGTHS: Readonly<Record<PinKind, readonly [number, number]>> = {
  signing: [6, 16],
  auth: [4, 4],
  textAp: [4, 4],
};

const TOKEN_LABEL_BYTES = 20;

/** The label as stored: ASCII, padded with spaces to 20 bytes (the length is our choice). */
function tokenLabelFile(label: string): Uint8Array {
  if (!/^[\x21-\x7e]{1,20}$/.test(label)) throw new TypeError('token label: 1–20 printable ASCII characters');
  const out = new Uint8Array(TOKEN_LABEL_BYTES).fill(0x20);
  for (let i = 0; i < label.length; i++) out[i] = label.charCodeAt(i);
  return out;
}

export function buildApplications(p: VirtualCardProfile): readonly VirtualApplication[] {
  const bin = (data: Uint8Array, needs?: PinKind): VirtualFile =>
    needs ? { kind: 'binary', data, needs } : { kind: 'binary', data };
  const jpki = new Map<number, VirtualFile>([
    [JPKI_EF.signingCertificate, bin(p.signingCertificate, 'signing')],
    [JPKI_EF.signingCaCertificate, bin(p.signingCaCertificate)],
    [JPKI_EF.tokenLabel, bin(tokenLabelFile(p.tokenLabel ?? 'JPKIAPICCTOKEN2'))],
    [JPKI_EF.authenticationCertificate, bin(p.authenticationCertificate)],
    [JPKI_EF.authenticationCaCertificate, bin(p.authenticationCaCertificate)],
    [JPKI_EF.authenticationKey, { kind: 'key', key: 'auth', needs: 'auth' }],
    [JPKI_EF.authenticationPin, { kind: 'pin', pin: 'auth' }],
    [JPKI_EF.signingKey, { kind: 'key', key: 'signing', needs: 'signing' }],
    [JPKI_EF.signingPassword, { kind: 'pin', pin: 'signing' }],
  ]);
  const textAp = new Map<number, VirtualFile>([
    [TEXT_AP_EF.ef0001, bin(p.textAp.ef0001, 'textAp')],
    [TEXT_AP_EF.ef0002, bin(p.textAp.ef0002, 'textAp')],
    [TEXT_AP_EF.ef0003, bin(p.textAp.ef0003, 'textAp')],
    [TEXT_AP_EF.ef0004, bin(p.textAp.ef0004)],
    [TEXT_AP_EF.ef0007, bin(p.textAp.ef0007)],
    [TEXT_AP_EF.pin, { kind: 'pin', pin: 'textAp' }],
  ]);
  return [
    { name: 'jpki', aid: AID.jpki, files: jpki },
    { name: 'textAp', aid: AID.textAp, files: textAp },
  ];
}
