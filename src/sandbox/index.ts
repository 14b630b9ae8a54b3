// Simulated JPKI (J-LIS) for tests, sandbox mode and the benchmark. Never imported by the
// production verification path (architecture.md, "Imports point one way").
export * from './keys.js';
export * from './certificate-builder.js';
export * from './name-builder.js';
export * from './extensions.js';
export * from './jpki-names.js';
export * from './jpki-identity.js';
export * from './jpki-roots.js';
export * from './jpki-leaf.js';
export * from './jpki-pki.js';
export { HmacDrbg } from './drbg.js';
export * from './cv-ca.js';
export * from './text-ap.js';
export * from './card-scenarios.js';
export * from './card.js';
export * from './card-crl.js';
