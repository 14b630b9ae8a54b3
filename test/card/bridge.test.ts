/**
 * The reader-bridge transport (issue 7 item 4(c)) against virtual cards: the protocol client
 * (connectBridge) and the virtual bridge over an in-memory carrier, a WebSocket double and real
 * native messaging through a child process; reader selection, removal, busy readers, the
 * command allow-list, protocol violations and timeouts.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  isAllowedJpkiCommand,
  parseBridgeMessage,
  parseBridgeRequest,
  type BridgeMessage,
} from '../../src/card/bridge-protocol.js';
import { connectBridge, type BridgeChannel } from '../../src/card/bridge-transport.js';
import { isLoopbackBridgeUrl, openWebSocketChannel } from '../../src/card/bridge-websocket.js';
import { createJpkiCard, readCardData, recordingTransport, signDigestInfo } from '../../src/card/index.js';
import { encodeDigestInfo } from '../../src/cms/digest-info.js';
import { createVirtualBridge, VIRTUAL_CARD_ATR } from '../../src/sandbox/virtual-card-bridge.js';
import { CHALLENGE, apdu, hex, sandboxCard, verifier, virtualCard, caught, codeOf } from './fixtures.js';
import { childProcessChannel, fakeWebSocketFactory, memoryChannel } from './support/bridge-channels.js';

const digest = new Uint8Array(32).fill(0x5a);
const DI = encodeDigestInfo('SHA-256', digest);

async function signedOk(signature: Uint8Array, certificate: Uint8Array): Promise<void> {
  const report = await verifier.verifySignature({
    signatureValue: signature,
    certificate,
    digest,
    digestAlgorithm: 'SHA-256',
    at: sandboxCard.at,
  });
  expect(report.indication).toBe('TOTAL_PASSED');
}

const oneReader = () => createVirtualBridge({ readers: [{ name: 'Reader A', card: virtualCard() }] });

describe('connectBridge over an in-memory carrier', () => {
  it('runs signDigestInfo and readCardData through the bridge, verified by the gateway', async () => {
    const bridge = oneReader();
    const conn = await connectBridge(memoryChannel(bridge));
    expect([conn.bridge, conn.reader, hex(conn.atr).toUpperCase()]).toEqual([
      'jpki-gateway-virtual-bridge/1',
      'Reader A',
      VIRTUAL_CARD_ATR,
    ]);
    const card = createJpkiCard(conn);
    const r = await signDigestInfo(card, { password: 'ABC123', digestInfo: DI });
    await signedOk(r.signature, r.certificate);
    const data = await readCardData(card, { pin: '1234', challenge: CHALLENGE });
    const result = await verifier.verifyCardData({ ...data, challenge: CHALLENGE, signingCertificate: r.certificate });
    expect(result.status).toBe('verified');
    await conn.close();
    expect(await codeOf(conn.transmit(apdu('00A4040C0AD392F000260100000001')))).toBe('CARD_TRANSPORT');
  });

  it('picks the first reader with a card, a named reader, or a chooser', async () => {
    const bridge = createVirtualBridge({
      readers: [{ name: 'Empty' }, { name: 'Full', card: virtualCard() }, { name: 'Other', card: virtualCard() }],
    });
    expect((await connectBridge(memoryChannel(bridge))).reader).toBe('Full');
    expect((await connectBridge(memoryChannel(bridge), { reader: 'Other' })).reader).toBe('Other');
    const chosen = await connectBridge(
      memoryChannel(createVirtualBridge({ readers: [{ name: 'X', card: virtualCard() }] })),
      {
        reader: (readers) => readers.at(-1)?.name,
      },
    );
    expect(chosen.reader).toBe('X');
  });

  it('CARD_READER_NOT_FOUND with no reader or an unknown name; CARD_NOT_PRESENT with no card', async () => {
    expect(await codeOf(connectBridge(memoryChannel(createVirtualBridge({ readers: [] }))))).toBe(
      'CARD_READER_NOT_FOUND',
    );
    expect(await codeOf(connectBridge(memoryChannel(oneReader()), { reader: 'Nope' }))).toBe('CARD_READER_NOT_FOUND');
    const empty = createVirtualBridge({ readers: [{ name: 'Empty' }] });
    expect(await codeOf(connectBridge(memoryChannel(empty)))).toBe('CARD_NOT_PRESENT');
    expect(await codeOf(connectBridge(memoryChannel(empty), { reader: 'Empty' }))).toBe('CARD_NOT_PRESENT');
  });

  it('a removed card ends the connection with CARD_NOT_PRESENT', async () => {
    const bridge = oneReader();
    const card = createJpkiCard(await connectBridge(memoryChannel(bridge)));
    await card.selectJpkiAp();
    bridge.removeCard('Reader A');
    await new Promise((r) => setImmediate(r));
    expect(await codeOf(card.readAuthenticationCertificate())).toBe('CARD_NOT_PRESENT');
  });

  it('a reader held by another page is CARD_BRIDGE_UNAVAILABLE (BUSY); released when that page closes', async () => {
    const bridge = oneReader();
    const first = await connectBridge(memoryChannel(bridge));
    expect(await codeOf(connectBridge(memoryChannel(bridge)))).toBe('CARD_BRIDGE_UNAVAILABLE');
    await first.close();
    expect((await connectBridge(memoryChannel(bridge))).reader).toBe('Reader A');
  });

  it('disconnect resets the card: a verified password does not outlive the connection', async () => {
    const bridge = oneReader();
    const first = await connectBridge(memoryChannel(bridge));
    await createJpkiCard(first).verifyPin('signing', 'ABC123');
    await first.close();
    const again = createJpkiCard(await connectBridge(memoryChannel(bridge)));
    expect(await codeOf(again.readSigningCertificate())).toBe('CARD_SECURITY_NOT_SATISFIED');
  });

  it('forwards only JPKI commands: others are refused by the bridge and never reach the card', async () => {
    const seen = recordingTransport(virtualCard());
    const bridge = createVirtualBridge({
      readers: [{ name: 'R', card: Object.assign(virtualCard(), { transmit: seen.transmit }) }],
    });
    const conn = await connectBridge(memoryChannel(bridge));
    for (const c of [
      '0024008000',
      '002C008000',
      '00D6000001FF',
      '00A4040000',
      '00A40400 0AD392F000260100000001',
      '00B0800008',
    ]) {
      const e = await caught(conn.transmit(apdu(c)));
      expect([e.code, e.detail]).toEqual(['CARD_TRANSPORT', 'bridge: COMMAND_NOT_ALLOWED']);
    }
    expect(seen.transcript).toHaveLength(0);
    expect(hex(await conn.transmit(apdu('00A4040C0AD392F000260100000001')))).toBe('9000');
  });

  it('a message outside the protocol ends the connection (CARD_TRANSPORT) and closes the channel', async () => {
    let closed = false;
    const tamper = (m: unknown) => ((m as BridgeMessage).type === 'response' ? { ...(m as object), rapdu: 'zz' } : m);
    const channel = memoryChannel(oneReader(), { fromBridge: tamper });
    channel.onClose(() => (closed = true));
    const conn = await connectBridge(channel);
    const e = await caught(conn.transmit(apdu('00A4040C0AD392F000260100000001')));
    expect([e.code, e.detail]).toEqual(['CARD_TRANSPORT', 'bridge sent a message outside the protocol']);
    expect(closed).toBe(true);
  });

  it('CARD_TIMEOUT when the bridge does not answer', async () => {
    const silent: BridgeChannel = {
      send: () => undefined,
      onMessage: () => undefined,
      onClose: () => undefined,
      close: () => undefined,
    };
    expect(await codeOf(connectBridge(silent, { timeoutMs: 5 }))).toBe('CARD_TIMEOUT');
  });

  it('CARD_BRIDGE_UNAVAILABLE when the bridge does not speak version 1', async () => {
    const bridge = oneReader();
    const channel = memoryChannel(bridge, {
      fromBridge: (m) => ((m as BridgeMessage).type === 'hello' ? { ...(m as object), versions: [2] } : m),
    });
    expect(await codeOf(connectBridge(channel))).toBe('CARD_BRIDGE_UNAVAILABLE');
  });
});

describe('the virtual bridge answers protocol errors', () => {
  const ask = async (messages: unknown[]): Promise<BridgeMessage[]> => {
    const out: BridgeMessage[] = [];
    const session = oneReader().openSession((m) => out.push(m));
    for (const m of messages) await session.receive(m);
    return out;
  };

  it('BAD_REQUEST before hello and for non-requests; NOT_CONNECTED before connect; NO_READER', async () => {
    const out = await ask([
      { v: 1, id: 1, type: 'list-readers' },
      { v: 1, id: 2, type: 'hello', client: 't' },
      { v: 1, id: 3, type: 'transmit', apdu: '00A4040C' },
      { v: 1, id: 4, type: 'connect', reader: 'Nope' },
      { v: 1, id: 5, type: 'transmit', apdu: 'zz' },
      { v: 2, id: 6, type: 'list-readers' },
      'hello',
    ]);
    expect(out.map((m) => (m.type === 'error' ? `${m.id}:${m.code}` : `${'id' in m ? m.id : ''}:${m.type}`))).toEqual([
      '1:BAD_REQUEST',
      '2:hello',
      '3:NOT_CONNECTED',
      '4:NO_READER',
      '5:BAD_REQUEST',
      '6:BAD_REQUEST',
      '0:BAD_REQUEST',
    ]);
  });
});

describe('message parsing is strict on both sides', () => {
  it('parseBridgeMessage refuses anything not exactly a message', () => {
    const ok: BridgeMessage = { v: 1, id: 1, type: 'response', rapdu: '9000' };
    expect(parseBridgeMessage(ok)).toEqual(ok);
    for (const bad of [
      null,
      [],
      { ...ok, v: 2 },
      { ...ok, id: -1 },
      { ...ok, id: 1.5 },
      { ...ok, rapdu: '90' },
      { ...ok, rapdu: '9000'.repeat(200) },
      { v: 1, id: 1, type: 'error', code: 'NOPE', message: '' },
      { v: 1, id: 1, type: 'readers', readers: [{ name: '', cardPresent: true }] },
      { v: 1, id: 1, type: 'connected', atr: '' },
      { v: 1, id: 1, type: 'mystery' },
      { v: 1, type: 'card-removed' },
    ])
      expect(parseBridgeMessage(bad)).toBeUndefined();
  });

  it('parseBridgeRequest refuses anything not exactly a request', () => {
    expect(parseBridgeRequest({ v: 1, id: 0, type: 'transmit', apdu: '00A4040C' })).toBeDefined();
    for (const bad of [
      { v: 1, id: 0, type: 'transmit', apdu: '00A404' },
      { v: 1, id: 0, type: 'transmit', apdu: '00'.repeat(262) },
      { v: 1, id: 0, type: 'connect', reader: 'x'.repeat(201) },
      { v: 1, type: 'hello', client: 'c' },
    ])
      expect(parseBridgeRequest(bad)).toBeUndefined();
  });

  it('the command allow-list is the JPKI set', () => {
    const allowed = [
      '00A4040C0AD392F000260100000001',
      '00A4020C02001B',
      '00200080',
      '002000800431323334',
      '00B07FFF00',
      `802A008033${hex(DI)}00`,
      '802A000001AA00',
    ];
    const refused = [
      '00A4040C',
      '00A4020C02001B00',
      '00B00000',
      '802A008001AA',
      '00A4000C023F00',
      '00200081',
      '00B0810000',
      '802A01800100',
      '00CA010100',
      '8024008000',
      '00',
    ];
    for (const c of allowed) expect(isAllowedJpkiCommand(apdu(c))).toBe(true);
    for (const c of refused) expect(isAllowedJpkiCommand(apdu(c))).toBe(false);
  });
});

describe('WebSocket carrier', () => {
  it('runs the signing flow over a WebSocket (double) to the virtual bridge', async () => {
    const ws = fakeWebSocketFactory(oneReader());
    const conn = await connectBridge(await openWebSocketChannel(undefined, { createWebSocket: ws.create }));
    const r = await signDigestInfo(createJpkiCard(conn), { password: 'ABC123', digestInfo: DI });
    await signedOk(r.signature, r.certificate);
    expect(ws.urls).toEqual(['ws://127.0.0.1:54321/jpki-bridge/v1']);
    await conn.close();
  });

  it('loopback ws:// only, refused before connecting', () => {
    expect(isLoopbackBridgeUrl('ws://127.0.0.1:54321/jpki-bridge/v1')).toBe(true);
    expect(isLoopbackBridgeUrl('ws://[::1]:54321/')).toBe(true);
    expect(isLoopbackBridgeUrl('ws://localhost:1/')).toBe(true);
    for (const url of [
      'ws://192.168.1.2:54321/',
      'wss://127.0.0.1/',
      'ws://evil.example/',
      'ws://u:p@127.0.0.1/',
      'nope',
    ])
      expect(isLoopbackBridgeUrl(url)).toBe(false);
    expect(() => openWebSocketChannel('ws://example.com/')).toThrow(TypeError);
  });

  it('CARD_BRIDGE_UNAVAILABLE when nothing listens, or no WebSocket exists', async () => {
    const ws = fakeWebSocketFactory(oneReader(), { refuse: true });
    expect(await codeOf(openWebSocketChannel(undefined, { createWebSocket: ws.create }))).toBe(
      'CARD_BRIDGE_UNAVAILABLE',
    );
    if (!('WebSocket' in globalThis))
      expect(await codeOf(Promise.resolve().then(() => openWebSocketChannel()))).toBe('CARD_BRIDGE_UNAVAILABLE');
  });

  it('a binary or oversized frame ends the connection', async () => {
    for (const frames of [
      (t: string) => new TextEncoder().encode(t),
      (t: string) => t + ' '.repeat(20_000),
      () => '{not json',
    ]) {
      const ws = fakeWebSocketFactory(oneReader(), { frames });
      expect(await codeOf(connectBridge(await openWebSocketChannel(undefined, { createWebSocket: ws.create })))).toBe(
        'CARD_TRANSPORT',
      );
    }
  });
});

describe('native messaging carrier (a real host process)', () => {
  it('signs through framed stdio with the host process in between', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/card/support/native-host-main.ts'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      const conn = await connectBridge(childProcessChannel(child), { timeoutMs: 60_000 });
      expect(conn.bridge).toBe('native-host-test/1');
      const r = await signDigestInfo(createJpkiCard(conn), { password: 'ABC123', digestInfo: DI });
      await signedOk(r.signature, r.certificate);
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await conn.close();
      expect(await exited).toBe(0);
    } finally {
      child.kill();
    }
  });
});

it('a channel that cannot send fails the request with CARD_TRANSPORT', async () => {
  const broken: BridgeChannel = {
    send: () => {
      throw new Error('socket not open');
    },
    onMessage: () => undefined,
    onClose: () => undefined,
    close: () => undefined,
  };
  const e = await caught(connectBridge(broken, { timeoutMs: 60_000 }));
  expect([e.code, e.detail]).toEqual(['CARD_TRANSPORT', 'cannot send to the bridge']);
});
