/** Trust anchors and stores; the bundled J-LIS roots. */
export { createTrustStore, isTrustStore, type TrustStore } from './create-trust-store.js';
export { loadBundledRoots, bundledRootsDirectory } from './load-bundled-roots.js';
export { toTrustAnchor, purposeFromSubject, isTestRoot, type TrustAnchor, type JpkiPurpose } from './trust-anchor.js';
