/**
 * The spec itself: every operation complete (operationId, examples, problem+json errors,
 * security on /v1), every example valid against its schema, and every spec operation served.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { inline } from '../../src/api/openapi/operation-schema.js';
import { loadOpenApi } from '../../src/api/openapi/load-openapi.js';
import { HTTP_ERRORS } from '../../src/api/http-errors.js';
import { testApp } from './support/test-app.js';

type Json = Record<string, unknown>;
const api = loadOpenApi();
const doc = api.document as Json;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

function operations(): [string, string, Json][] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]): [string, string, Json] => [
      `${method.toUpperCase()} ${path}`,
      method,
      op as Json,
    ]),
  );
}

/** Resolves a top-level local $ref only (keeps examples, which inline() drops). */
function deref(node: unknown): Json {
  let n = node as Json;
  while (n && typeof n.$ref === 'string') {
    n = (n.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((o, k) => o[k] as Json, doc);
  }
  return n;
}

function examplesOf(media: Json): [string, unknown][] {
  const named = Object.entries((media.examples ?? {}) as Json).map(([k, e]) => [k, inline(e, doc) as Json] as const);
  const out: [string, unknown][] = named.map(([k, e]) => [k, e.value]);
  if ('example' in media) out.push(['example', media.example]);
  return out;
}

describe('openapi/gateway.yaml', () => {
  it('has the contract §5 operations', () => {
    const ids = [...api.operations.keys()];
    for (const id of [
      'createValidation',
      'createSession',
      'getSession',
      'cancelSession',
      'getSessionMyNumber',
      'getEvidence',
      'getClientSession',
      'createClientDataToSign',
      'submitClientSignature',
      'getHealth',
      'getReadiness',
      'getMetrics',
      'getDocs',
      'getOpenApiDocument',
      'createSandboxCard',
      'revokeSandboxCard',
      'getSandboxCrl',
      'sandboxOcsp',
    ])
      expect(ids).toContain(id);
  });

  for (const [name, , op] of operations()) {
    describe(name, () => {
      const responses = op.responses as Json;
      it('has an operationId, a summary and responses', () => {
        expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op.summary).toBeTruthy();
        expect(Object.keys(responses).length).toBeGreaterThan(0);
      });

      it('every error response is problem+json with a code the union knows', () => {
        for (const [status, r] of Object.entries(responses)) {
          if (Number(status) < 400) continue;
          if (name === 'GET /readyz') continue; // 503 carries the readiness report itself
          const resolved = deref(r);
          const media = (resolved.content as Json)['application/problem+json'] as Json;
          expect(media, `${name} ${status}`).toBeDefined();
          for (const [, example] of examplesOf(media)) {
            const code = (example as Json).code as keyof typeof HTTP_ERRORS;
            expect(HTTP_ERRORS[code], `${name} ${status} ${code}`).toBeDefined();
            expect(HTTP_ERRORS[code].status).toBe(Number(status));
          }
        }
      });

      if (name.includes(' /v1/')) {
        it('declares its security (API key scopes or client token) and 401', () => {
          expect((op.security as unknown[]).length).toBeGreaterThan(0);
          expect(responses['401']).toBeDefined();
        });
      }

      it('every JSON example validates against its schema', () => {
        const body = deref(op.requestBody ?? {}).content as Json | undefined;
        const media: [string, Json][] = [];
        if (body?.['application/json']) media.push(['request', body['application/json'] as Json]);
        for (const [status, r] of Object.entries(responses)) {
          const json = (deref(r).content as Json | undefined)?.['application/json'] as Json | undefined;
          if (json) media.push([status, json]);
        }
        for (const [where, m] of media) {
          const examples = examplesOf(m);
          if (where === 'request') expect(examples.length, `${name} request examples`).toBeGreaterThan(0);
          const validate = ajv.compile(inline(m.schema, doc) as object);
          for (const [k, value] of examples) {
            if (JSON.stringify(value).includes('…')) continue; // abbreviated base64 is illustrative
            expect(validate(value), `${name} ${where} example ${k}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          }
        }
      });
    });
  }

  it('every spec operation is served (no route without a spec entry, no spec entry without a route)', async () => {
    const { app } = testApp();
    await app.ready();
    for (const op of api.operations.values()) {
      const res = await app.inject({ method: op.method, url: op.path.replace(/\{[^}]+\}/g, 'x') });
      // anything but the not-found handler's answer for the path means a route exists
      const notFoundRoute = res.statusCode === 404 && res.json().code === 'ERR_NOT_FOUND' && !op.path.includes('{');
      expect(notFoundRoute, `${op.operationId} is not routed`).toBe(false);
    }
  });
});
