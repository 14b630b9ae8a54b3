// HTTP adapter of the sessions domain: routes for buildApp and the module that wires them.
export { createSessionModule, type SessionModule, type SessionModuleOptions } from './create-session-module.js';
export { sessionRoutes } from './session-routes.js';
export { toApiError } from './to-api-error.js';
