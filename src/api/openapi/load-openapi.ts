/**
 * loadOpenApi: reads openapi/gateway.yaml once at boot and indexes its operations by
 * operationId, each with the fastify schema (request validation, 2xx JSON serialization) and
 * the security requirements the auth hook enforces. The spec is the single source: routes take
 * method, path, schemas and scopes from here, never from hand-written copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { operationSchema, type OperationSchema } from './operation-schema.js';

export interface SecurityRequirement {
  /** 'apiKey' (tenant API key) or 'clientToken' (a session's widget token). */
  readonly scheme: string;
  /** Scopes all required for this alternative (apiKey). */
  readonly scopes: readonly string[];
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, e.g. /v1/sessions/{id} */
  readonly path: string;
  /** fastify form, e.g. /v1/sessions/:id */
  readonly url: string;
  /** Alternatives; empty = public. */
  readonly security: readonly SecurityRequirement[];
  readonly schema: OperationSchema;
  /** Mutating calls accept Idempotency-Key (the spec lists the parameter). */
  readonly idempotent: boolean;
}

export interface OpenApi {
  readonly document: Readonly<Record<string, unknown>>;
  readonly operations: ReadonlyMap<string, OperationSpec>;
  operation(operationId: string): OperationSpec;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Absolute path of openapi/gateway.yaml, found by walking up to the package root (src/ or dist/). */
export function specPath(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const candidate = join(dir, 'openapi', 'gateway.yaml');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`openapi/gateway.yaml not found above ${from}`);
    dir = parent;
  }
}

type Json = Record<string, unknown>;

function securityOf(op: Json, doc: Json): SecurityRequirement[] {
  const list = (op.security ?? doc.security ?? []) as Json[];
  return list.flatMap((req) => Object.entries(req).map(([scheme, scopes]) => ({ scheme, scopes: scopes as string[] })));
}

let cached: OpenApi | undefined;

export function loadOpenApi(path: string = specPath()): OpenApi {
  if (cached && path === specPath()) return cached;
  const document = parseYaml(readFileSync(path, 'utf8')) as Json;
  const operations = new Map<string, OperationSpec>();
  for (const [p, item] of Object.entries(document.paths as Json)) {
    for (const m of METHODS) {
      const op = (item as Json)[m] as Json | undefined;
      if (!op) continue;
      const operationId = op.operationId as string;
      if (!operationId || operations.has(operationId))
        throw new Error(`spec: missing or repeated operationId at ${m} ${p}`);
      const params = (op.parameters ?? []) as Json[];
      operations.set(operationId, {
        operationId,
        method: m.toUpperCase() as OperationSpec['method'],
        path: p,
        url: p.replace(/\{([^}]+)\}/g, ':$1'),
        security: securityOf(op, document),
        schema: operationSchema(op, document),
        idempotent: params.some((x) => x.$ref === '#/components/parameters/IdempotencyKey'),
      });
    }
  }
  const api: OpenApi = Object.freeze({
    document: Object.freeze(document),
    operations,
    operation(operationId: string): OperationSpec {
      const op = operations.get(operationId);
      if (!op) throw new TypeError(`unknown operationId ${operationId}`);
      return op;
    },
  });
  if (path === specPath()) cached = api;
  return api;
}
