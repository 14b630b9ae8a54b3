// The sandbox demo pages and their backend (sandbox mode only).
export { demoRoutes, type DemoOptions } from './demo-routes.js';
