/**
 * Wires the session domain for the API: the vault (key ring from GATEWAY_VAULT_KEYS, or an
 * ephemeral one in sandbox mode), the audit port (default: one structured line per event on
 * the app's logger), the service, the TTL sweeper of the vault, and the routes for buildApp:
 *
 *   const sessions = createSessionModule({ verifier, clock, publicUrl: () => url, mode: config.mode,
 *     vaultKeys: config.vaultKeys, stores: stores.redis ? createRedisSessionStores(stores.redis)
 *                                                       : createMemorySessionStores(clock) });
 *   buildApp({ …, routes: [sessions.routes] });
 */
import type { AuditEvent, AuditLog } from '../../audit/audit-log.js';
import { createLoggerAuditLog } from '../../audit/logger-audit-log.js';
import type { Clock } from '../../clock.js';
import {
  createMyNumberVault,
  createVaultKeyRing,
  generateEphemeralVaultKeyRing,
  type MyNumberVault,
  type VaultKeyInput,
} from '../../identity/my-number/vault/index.js';
import {
  createSessionService,
  type SessionLimits,
  type SessionService,
  type SessionStatusChange,
  type SessionVerifier,
} from '../../sessions/index.js';
import type { SessionStores } from '../../storage/sessions/index.js';
import type { ApiRoutes } from '../api-router.js';
import { sessionRoutes } from './session-routes.js';

export interface SessionModuleOptions {
  readonly verifier: SessionVerifier;
  readonly clock: Clock;
  readonly publicUrl: string | (() => string);
  readonly stores: SessionStores;
  readonly mode: 'sandbox' | 'production';
  /** GATEWAY_VAULT_KEYS, first = active. Empty: an ephemeral ring, sandbox mode only. */
  readonly vaultKeys: readonly VaultKeyInput[];
  readonly audit?: AuditLog;
  readonly limits?: Partial<SessionLimits>;
  /** How long a verified My Number stays readable (default 1 hour). */
  readonly vaultTtlMs?: number;
  /** How often expired vault records are deleted and audited (default 30 s). */
  readonly sweepIntervalMs?: number;
  readonly onStatusChange?: (change: SessionStatusChange) => void;
}

export interface SessionModule {
  readonly routes: ApiRoutes;
  readonly service: SessionService;
  readonly vault: MyNumberVault;
}

export function createSessionModule(o: SessionModuleOptions): SessionModule {
  if (o.vaultKeys.length === 0 && o.mode !== 'sandbox')
    throw new TypeError('production needs GATEWAY_VAULT_KEYS (an ephemeral vault key is for sandbox mode only)');
  const keyRing = o.vaultKeys.length ? createVaultKeyRing(o.vaultKeys) : generateEphemeralVaultKeyRing();
  // Until the routes are registered the app's logger does not exist: events wait for it.
  let sink: AuditLog | undefined = o.audit;
  const audit: AuditLog = {
    record: async (e: AuditEvent) => {
      if (!sink) throw new Error('audit log not ready (routes not registered)');
      await sink.record(e);
    },
  };
  const vault = createMyNumberVault({
    store: o.stores.vault,
    keyRing,
    audit,
    clock: o.clock,
    ...(o.vaultTtlMs !== undefined ? { ttlMs: o.vaultTtlMs } : {}),
  });
  const service = createSessionService({
    sessions: o.stores.sessions,
    singleUse: o.stores.singleUse,
    vault,
    verifier: o.verifier,
    clock: o.clock,
    publicUrl: o.publicUrl,
    ...(o.limits ? { limits: o.limits } : {}),
    ...(o.onStatusChange ? { onStatusChange: o.onStatusChange } : {}),
  });
  const routes: ApiRoutes = async (router) => {
    const { app } = router;
    sink ??= createLoggerAuditLog(app.log);
    sessionRoutes(service)(router);
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      timer = setInterval(() => {
        vault.sweepExpired().catch((err: unknown) => app.log.warn({ err }, 'vault sweep failed; retrying'));
      }, o.sweepIntervalMs ?? 30_000);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));
  };
  return { routes, service, vault };
}
