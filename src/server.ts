/** The only module that reads process.env and listens. */
import { buildApp } from './app.js';
import { loadConfig } from './config/load-config.js';

export async function startServer(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<() => Promise<void>> {
  const config = loadConfig(env);
  const app = buildApp({ config });
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  console.log(`jpki-gateway ${config.mode} mode listening on ${shown}`);
  const stop = async (): Promise<void> => {
    await app.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return stop;
}
