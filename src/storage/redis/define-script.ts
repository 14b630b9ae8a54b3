/**
 * defineScript: a Lua script as an async function (EVALSHA, falling back to EVAL once when
 * Redis lost its script cache, e.g. after a restart). Keys get the client's keyPrefix like any
 * other command.
 */
import type { Redis } from 'ioredis';

export type RedisScript = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

let counter = 0;

export function defineScript(redis: Redis, numberOfKeys: number, lua: string): RedisScript {
  const name = `jpkiGatewayScript${++counter}`;
  redis.defineCommand(name, { numberOfKeys, lua });
  const command = (redis as unknown as Record<string, (...a: (string | number)[]) => Promise<unknown>>)[name];
  if (typeof command !== 'function') throw new TypeError('defineScript: ioredis did not define the command');
  return (keys, args) => {
    if (keys.length !== numberOfKeys) throw new TypeError(`script expects ${numberOfKeys} keys`);
    return command.call(redis, ...keys, ...args);
  };
}
