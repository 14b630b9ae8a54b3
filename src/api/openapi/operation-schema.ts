/**
 * operationSchema: an OpenAPI operation → the fastify route schema (body, params, headers,
 * querystring, 2xx JSON responses). Local $refs are inlined (the spec has no cycles) and
 * OpenAPI-only annotations the validator does not know are dropped.
 */
type Json = Record<string, unknown>;

export interface OperationSchema {
  body?: Json;
  params?: Json;
  headers?: Json;
  querystring?: Json;
  response?: Record<string, Json>;
  /** The body may be absent (requestBody.required false). */
  bodyOptional?: boolean;
}

const DROP = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
  'contentEncoding',
  'contentMediaType',
]);

function resolveRef(ref: string, doc: Json): unknown {
  if (!ref.startsWith('#/')) throw new Error(`spec: only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`spec: unresolved $ref ${ref}`);
  }
  return node;
}

/** Deep copy with $refs inlined and annotations dropped (depth-guarded against cycles). */
export function inline(node: unknown, doc: Json, depth = 0): unknown {
  if (depth > 64) throw new Error('spec: $ref nesting too deep (cycle?)');
  if (Array.isArray(node)) return node.map((n) => inline(n, doc, depth + 1));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') return inline(resolveRef(obj.$ref, doc), doc, depth + 1);
  const out: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (DROP.has(k)) continue;
    out[k] = k === 'properties' ? mapValues(v as Json, (s) => inline(s, doc, depth + 1)) : inline(v, doc, depth + 1);
  }
  return out;
}

function mapValues(obj: Json, f: (v: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, f(v)]));
}

function parametersSchema(params: Json[], where: string): Json | undefined {
  const list = params.filter((p) => p.in === where);
  if (!list.length) return undefined;
  const name = (p: Json): string => (where === 'header' ? String(p.name).toLowerCase() : String(p.name));
  return {
    type: 'object',
    properties: Object.fromEntries(list.map((p) => [name(p), p.schema ?? {}])),
    required: list.filter((p) => p.required).map(name),
  };
}

export function operationSchema(operation: Json, doc: Json): OperationSchema {
  const op = inline(operation, doc) as Json;
  const params = (op.parameters ?? []) as Json[];
  const schema: OperationSchema = {};
  const params_ = parametersSchema(params, 'path');
  if (params_) schema.params = params_;
  const headers = parametersSchema(params, 'header');
  if (headers) schema.headers = headers;
  const query = parametersSchema(params, 'query');
  if (query) schema.querystring = query;
  const body = op.requestBody as Json | undefined;
  const jsonBody = ((body?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
  if (jsonBody) {
    schema.body = jsonBody as Json;
    if (body?.required !== true) schema.bodyOptional = true;
  }
  const response: Record<string, Json> = {};
  for (const [status, r] of Object.entries((op.responses ?? {}) as Json)) {
    const json = (((r as Json).content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
    if (/^2\d\d$/.test(status) && json) response[status] = json as Json;
  }
  if (Object.keys(response).length) schema.response = response;
  return schema;
}
