/**
 * Audit adapter writing one structured line per event (`{ audit: { type, tenantId, sessionId,
 * at, … } }`) to a pino-style logger, so operators see every My Number access in the log
 * stream until the hash-chained log lands. Only whitelisted identifier fields are copied.
 */
import type { AuditLog } from './audit-log.js';

export interface AuditLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}

export function createLoggerAuditLog(logger: AuditLogger): AuditLog {
  return {
    record: async (e) => {
      const audit: Record<string, string> = { type: e.type, tenantId: e.tenantId, sessionId: e.sessionId, at: e.at };
      if (e.reason) audit.reason = e.reason;
      if (e.keyId) audit.keyId = e.keyId;
      logger.info({ audit }, `audit ${e.type}`);
    },
  };
}
