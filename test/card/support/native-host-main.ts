/**
 * A native-messaging host process for the bridge test: one reader "Virtual Reader 0" holding
 * the fixture card, served on stdin/stdout until stdin ends. Writes nothing else to stdout.
 */
import { createVirtualBridge } from '../../../src/sandbox/virtual-card-bridge.js';
import { serveNativeMessaging } from '../../../src/sandbox/virtual-card-native-host.js';
import { virtualCard } from '../fixtures.js';

const bridge = createVirtualBridge({
  readers: [{ name: 'Virtual Reader 0', card: virtualCard() }],
  bridge: 'native-host-test/1',
});
await serveNativeMessaging(bridge, process.stdin, process.stdout);
