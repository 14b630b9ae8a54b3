/** Path validation: the verb, its types, and the per-link view the revocation step needs. */
export { validatePath, GENERIC_DEFAULT_MAX_DEPTH, RFC5280_PATH_CHECKS } from './validate-path.js';
export { pathElements, type PathElement, type PathIssuer } from './path-elements.js';
export { MAX_SIGNATURE_CHECKS, MAX_SEARCH_STEPS, MAX_INTERMEDIATES } from './find-path.js';
export { JPKI_DEFAULT_MAX_DEPTH } from './profiles/jpki-profile.js';
export { admittedPolicies } from './profiles/check-jpki-policy.js';
export type { PathProfile, ValidatePathInput, ValidatedPath, CandidatePath } from './types.js';
