// Identity and signing sessions (contract §5), no HTTP inside.
export { createSessionService, type SessionService, type SessionServiceDeps } from './create-session-service.js';
export type { SessionDeps, SessionStatusChange, SessionVerifier } from './deps.js';
export { DEFAULT_SESSION_LIMITS, type SessionLimits } from './limits.js';
export type { SessionStore, SingleUseKey, SingleUseKind, SingleUseStore, StoredSession } from './ports.js';
export { CertificateNotAcceptedError } from './certificate-not-accepted.js';
export { SESSION_BINDING_OID, readSessionBinding, type SessionBinding } from './session-binding.js';
export { STATEMENT_HEADER, buildStatement, type StatementFields } from './statement.js';
export { TRANSITIONS, transition, type SessionEvent } from './transitions.js';
export * from './types.js';
