/** What the session verbs need, injected (architecture.md: ports, injected time, no process). */
import type { Clock } from '../clock.js';
import type { MyNumberVault } from '../identity/my-number/vault/index.js';
import type { Verifier } from '../verifier/types.js';
import type { SessionLimits } from './limits.js';
import type { SessionStore, SingleUseStore } from './ports.js';
import type { SessionStatus, SessionType } from './types.js';

/** The core's verbs the sessions use (createVerifier() satisfies it). */
export type SessionVerifier = Pick<Verifier, 'verifySignature' | 'verifyCertificate' | 'verifyCardData'>;

export interface SessionStatusChange {
  readonly tenantId: string;
  readonly sessionId: string;
  readonly type: SessionType;
  readonly status: SessionStatus;
}

export interface SessionDeps {
  readonly sessions: SessionStore;
  readonly singleUse: SingleUseStore;
  readonly vault: MyNumberVault;
  readonly verifier: SessionVerifier;
  readonly clock: Clock;
  /** GATEWAY_PUBLIC_URL: the widget URL handed to the RP starts with it (a function when the
   *  port is known only once the server listens). */
  readonly publicUrl: string | (() => string);
  readonly limits: SessionLimits;
  /** Called after every transition to a terminal state (webhooks attach here). Must not throw. */
  readonly onStatusChange?: (change: SessionStatusChange) => void;
}
