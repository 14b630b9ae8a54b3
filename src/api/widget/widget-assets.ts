/**
 * Serves the built browser files (src/widget/build → dist/widget): read once, answered with a
 * strong ETag. A gateway started without the bundle says so (503) instead of serving nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http-errors.js';

export const ASSET_TYPES: Readonly<Record<string, string>> = {
  'app.js': 'text/javascript; charset=utf-8',
  'embed.js': 'text/javascript; charset=utf-8',
  'demo.js': 'text/javascript; charset=utf-8',
  'widget.css': 'text/css; charset=utf-8',
  'sample-loan-contract.pdf': 'application/pdf',
};

/** dist/widget of the package this file belongs to (src/… under tsx, dist/… when built). */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'widget');
  }
  return resolve('dist/widget');
}

export interface Assets {
  read(file: string): { body: Buffer; etag: string } | undefined;
  send(request: FastifyRequest, reply: FastifyReply, file: string): FastifyReply;
}

export function createAssets(dir: string): Assets {
  const cache = new Map<string, { body: Buffer; etag: string }>();
  const read = (file: string): { body: Buffer; etag: string } | undefined => {
    if (!Object.hasOwn(ASSET_TYPES, file)) return undefined;
    let hit = cache.get(file);
    if (!hit) {
      const path = join(dir, file);
      if (!existsSync(path)) return undefined;
      const body = readFileSync(path);
      hit = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      cache.set(file, hit);
    }
    return hit;
  };
  return {
    read,
    send(request, reply, file) {
      const type = ASSET_TYPES[file];
      if (!type) throw new ApiError('ERR_NOT_FOUND');
      const hit = read(file);
      if (!hit) throw new ApiError('ERR_UNAVAILABLE', `widget asset ${file} is not built: run npm run build:widget`);
      reply.header('etag', hit.etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff');
      // embed.js is loaded by RP pages on other origins (also under Cross-Origin-Embedder-Policy).
      if (file === 'embed.js') reply.header('cross-origin-resource-policy', 'cross-origin');
      if (request.headers['if-none-match'] === hit.etag) return reply.code(304).send();
      return reply.type(type).send(hit.body);
    },
  };
}
