/** Request/response types of an operation, derived from the generated OpenAPI types. */
import type { operations } from './generated/openapi.js';

export type OperationId = keyof operations;

type Content<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON request body of an operation (undefined when the body is optional). */
export type RequestBody<Op extends OperationId> = operations[Op] extends { requestBody: infer R }
  ? undefined extends R
    ? Content<NonNullable<R>> | undefined
    : Content<R>
  : never;

/** The JSON body of one response status of an operation. */
export type JsonResponse<Op extends OperationId, Status extends keyof operations[Op]['responses']> = Content<
  operations[Op]['responses'][Status]
>;

export type PathParams<Op extends OperationId> = operations[Op]['parameters'] extends { path: infer P }
  ? P extends Record<string, unknown>
    ? P
    : Record<string, never>
  : Record<string, never>;
