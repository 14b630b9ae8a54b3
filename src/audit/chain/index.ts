// The hash-chained audit log: an adapter of the audit port (src/audit/audit-log.ts) plus the
// security events beyond My Number access, and its verifier.
export { canonicalJson } from './canonical-json.js';
export { GENESIS_HASH, chainLine, lineHash, type ChainHead, type ChainLine } from './chain-line.js';
export type { ChainSink } from './chain-sink.js';
export {
  createChainedAuditLog,
  type ChainedAuditLog,
  type ChainedAuditLogOptions,
} from './create-chained-audit-log.js';
export { openFsChainSink, type FsChainSinkOptions } from './fs-chain-sink.js';
export { createMemoryChainSink, type MemoryChainSink } from './memory-chain-sink.js';
export { readChains, type WriterChain } from './read-chains.js';
export {
  SECURITY_EVENT_TYPES,
  checkSecurityEvent,
  fromAuditEvent,
  type SecurityEvent,
  type SecurityEventType,
} from './security-event.js';
export { verifyChain, type ChainBreak, type ChainBreakReason, type ChainVerification } from './verify-chain.js';
