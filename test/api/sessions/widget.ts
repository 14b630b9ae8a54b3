/** What the widget does over HTTP with a sandbox card: read the session, data-to-sign, sign, submit. */
import type { SandboxCard } from '../../../src/sandbox/card.js';
import { cardData, cardSign, certB64 } from '../../sessions/fixtures.js';
import { call, type Answer } from './support.js';

export interface WidgetRun {
  readonly view: Answer;
  readonly dataToSign: Answer;
  readonly submitted: Answer;
  readonly body: Record<string, unknown>;
}

export async function widgetSigns(
  url: string,
  clientToken: string,
  card: SandboxCard,
  opts: { withCardData?: boolean; certificate?: Uint8Array; submitUrl?: string } = {},
): Promise<WidgetRun> {
  const view = await call(url, 'GET', '/v1/client/session', clientToken);
  const dataToSign = await call(url, 'POST', '/v1/client/session/data-to-sign', clientToken, {
    certificate: certB64(opts.certificate ?? card.signing.der),
  });
  if (dataToSign.status !== 200) return { view, dataToSign, submitted: dataToSign, body: {} };
  const challenge = view.json.cardChallenge as string | undefined;
  const body = {
    signatureValue: cardSign(card, dataToSign.json.digestInfo as string),
    ...(challenge && opts.withCardData !== false ? { cardData: cardData(card, challenge) } : {}),
  };
  const submitted = await call(opts.submitUrl ?? url, 'POST', '/v1/client/session/signature', clientToken, body);
  return { view, dataToSign, submitted, body };
}
