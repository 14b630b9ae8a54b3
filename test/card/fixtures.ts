/**
 * Virtual cards for the card-layer tests. Origin: the default sandbox J-LIS and a sandbox card
 * of seed 'card-layer-tests' (fake holder, synthetic My Number, PINs ABC123 / 1234 / 1234),
 * turned into a virtual card the way a browser does it: the POST /sandbox/cards JSON →
 * virtualCardProfileFromSandboxJson (WebCrypto). Regenerate by rerunning (keys are derived from
 * the seed and cached under node_modules/.cache).
 */
import { createCardSigningCrl, issueSandboxCard, type SandboxCard } from '../../src/sandbox/index.js';
import { sandboxCardJson } from '../../src/sandbox/mode-cards.js';
import { createVirtualCard, type VirtualCard, type VirtualCardOptions } from '../../src/sandbox/virtual-card.js';
import { virtualCardProfileFromSandboxJson, type VirtualCardProfile } from '../../src/sandbox/virtual-card-profile.js';
import { nodeRsaSigner } from '../../src/sandbox/virtual-card-signer-node.js';
import { createVerifier } from '../../src/index.js';
import { CardError, type CardErrorCode } from '../../src/card/index.js';

export const sandboxCard: SandboxCard = issueSandboxCard({ seed: 'card-layer-tests' });
export const profile: VirtualCardProfile = await virtualCardProfileFromSandboxJson(
  sandboxCardJson('card_tests', sandboxCard, 'http://127.0.0.1:8080/sandbox/crl'),
);
export const signer = nodeRsaSigner();

export function virtualCard(opts: Partial<VirtualCardOptions> = {}): VirtualCard {
  return createVirtualCard(profile, { signer, ...opts });
}

export const CHALLENGE = new Uint8Array(32).map((_, i) => (i * 29 + 7) & 0xff);

/** The gateway's own verifiers for this card: its sandbox signing root, a current CRL, the sandbox CV CA. */
export const verifier = createVerifier({
  trustAnchors: [sandboxCard.signing.issuer.der],
  crls: [createCardSigningCrl(sandboxCard)],
  cvCaKeys: sandboxCard.cvCa.cvCaKeys(),
});

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
export const apdu = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.replace(/\s+/g, ''), 'hex'));

/** The CardError a promise rejects with (a test failure if it resolves or rejects otherwise). */
export async function caught(p: Promise<unknown>): Promise<CardError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof CardError)) throw new Error(`expected a CardError, got ${String(e)}`);
  return e;
}

export const codeOf = async (p: Promise<unknown>): Promise<CardErrorCode> => (await caught(p)).code;
