/**
 * helmkit — a Helm-compatible chart engine for Node.js.
 *
 * @packageDocumentation
 */

export type { ErrorLocation } from './util/errors.js';
export { HelmkitError } from './util/errors.js';
export { VERSION } from './version.js';
