/**
 * loadConfig(env): validates the environment once at boot, reports every problem at once,
 * returns a frozen Config. Only src/server.ts passes process.env in.
 */
export type GatewayMode = 'sandbox' | 'production';

export interface Config {
  readonly mode: GatewayMode;
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'silent' | 'fatal' | 'error' | 'warn' | 'info' | 'debug';
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug'] as const;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems: string[] = [];
  const mode = env.GATEWAY_MODE ?? 'sandbox';
  if (mode !== 'sandbox' && mode !== 'production')
    problems.push(`GATEWAY_MODE must be sandbox or production, got '${mode}'`);
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be 0..65535, got '${env.PORT}'`);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  if (mode === 'production') {
    // contract §6: production refuses to start without trust anchors, tenants and a vault key.
    problems.push('GATEWAY_MODE=production is not available yet: the REST API (tenants, vault) has not landed');
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    mode: mode as GatewayMode,
    port,
    host: env.HOST ?? '0.0.0.0',
    logLevel: logLevel as Config['logLevel'],
  });
}
