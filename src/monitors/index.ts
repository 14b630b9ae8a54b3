// 現況確認: on-demand certificate status and monitors that turn CRL updates into webhooks.
export {
  checkCertificateStatus,
  type CertificateStatus,
  type CertificateStatusRequest,
  type CertificateStatusResult,
} from './check-certificate-status.js';
export { createMonitor, type CreateMonitorRequest, type MonitorDeps } from './create-monitor.js';
export { createMemoryMonitorStore } from './memory/memory-monitor-store.js';
export { createRedisMonitorStore } from './redis/redis-monitor-store.js';
export { onCrlRevocations, revokedWebhook, type RevocationWebhookDeps } from './revocation-webhooks.js';
export * from './types.js';
export { createMonitorService, type MonitorService, type MonitorServiceDeps } from './create-monitor-service.js';
