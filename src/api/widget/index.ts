// The widget's HTTP side: pages, built files, cross-device handoff with the animated QR.
export { createWidgetModule, type WidgetModule, type WidgetModuleOptions } from './create-widget-module.js';
export {
  createMemoryHandoffStore,
  type HandoffStore,
  type HandoffRecord,
  type SessionOutcome,
} from './handoff-store.js';
export { checkQrCode, qrCode, qrSecretFrom, QR_MAX_AGE_SECONDS } from './qr-code.js';
export { contentSecurityPolicy } from './widget-pages.js';
export { defaultAssetsDir } from './widget-assets.js';
export { createRedisHandoffStore } from './redis-handoff-store.js';
