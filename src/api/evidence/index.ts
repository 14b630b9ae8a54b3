// HTTP adapter and wiring of issue 6: evidence, audit chain, webhooks, 現況確認.
export { createEvidenceModule, type EvidenceModule, type EvidenceModuleOptions } from './create-evidence-module.js';
export { configLoadedEvent } from './config-loaded-event.js';
export { evidenceRoutes } from './evidence-routes.js';
export { registerSecurityAudit } from './security-audit-hooks.js';
