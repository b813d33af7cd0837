/**
 * The ASPM backend plugin: a store with history for security posture data,
 * fed by the software catalog, with an HTTP API under /api/aspm.
 *
 * @packageDocumentation
 */
export { aspmPlugin as default } from './plugin';
