/**
 * Signatures made with sandbox cards for HTTP tests: CMS (detached) and raw PKCS#1 over a
 * SHA-256 digest. Origin: src/sandbox (issueSandboxCard via the sandbox mode's registry).
 */
import { createHash, sign } from 'node:crypto';
import { signCms } from '../../../src/sandbox/cms.js';
import type { SandboxCard } from '../../../src/sandbox/card.js';
import type { SandboxMode } from '../../../src/sandbox/mode.js';
import type { SandboxCardRequest } from '../../../src/sandbox/mode-cards.js';

export const CONTENT = new TextEncoder().encode('金銭消費貸借契約書 (sandbox)');
export const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

export function card(sandbox: SandboxMode, request: SandboxCardRequest = {}): { id: string; card: SandboxCard } {
  return sandbox.cards.issue(request);
}

export function cmsBody(c: SandboxCard, content: Uint8Array = CONTENT) {
  const signature = signCms({
    content,
    certificate: c.signing.der,
    privateKey: c.signing.privateKey,
    signingTime: c.at,
  });
  return { signature: b64(signature), content: b64(content) };
}

export function rawBody(c: SandboxCard, content: Uint8Array = CONTENT) {
  const digest = createHash('sha256').update(content).digest();
  const signatureValue = sign('sha256', content, c.signing.privateKey);
  return {
    signatureValue: b64(signatureValue),
    certificate: b64(c.signing.der),
    digest: b64(digest),
    digestAlgorithm: 'SHA-256' as const,
  };
}
