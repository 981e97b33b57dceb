/** Validation service: the only way a member's request becomes an upstream body. */
export { validateVideoRequest, type ValidateOptions } from './validateVideoRequest.js';
export { bilingualProblems, renderProblems } from './renderProblems.js';
export type * from './types.js';
