/**
 * (c) A PC card reader through the reader bridge (src/card/bridge-*.ts, docs/card-transport.md):
 * a local program on this computer owning the PC/SC reader, reached over ws:// on loopback
 * only. The card step is then the same protocol as with the virtual card.
 */
import { connectBridge } from '../../card/bridge-transport.js';
import { DEFAULT_BRIDGE_URL, openWebSocketChannel } from '../../card/bridge-websocket.js';
import { createJpkiCard } from '../../card/index.js';
import type { Widget } from '../widget-context.js';
import { cardStep, type CardHandle } from './card-step.js';

async function obtainBridgeCard(w: Widget): Promise<CardHandle> {
  const connection = await connectBridge(await openWebSocketChannel(DEFAULT_BRIDGE_URL), {
    client: `jpki-gateway-widget/1 (${w.session.rp.name})`,
  });
  w.onLeave(() => void connection.close().catch(() => undefined));
  return { label: connection.reader, card: createJpkiCard(connection), triesLeft: () => 0 };
}

export function bridgeScreen(w: Widget): HTMLElement {
  return cardStep(w, 'bridge', () => obtainBridgeCard(w));
}
