/**
 * Frontend of the ASPM plugins: the org security posture page, the entity
 * Security tab and the overview card.
 *
 * @packageDocumentation
 */
export {
  aspmPlugin,
  AspmPage,
  EntityAspmContent,
  EntityAspmCard,
} from './plugin';
export { rootRouteRef } from './routes';
export * from './api';
