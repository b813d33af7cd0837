/**
 * Frontend of the ASPM plugins: the org security posture page, the entity
 * Security tab and the overview card, and the Security tab of Groups.
 *
 * @packageDocumentation
 */
export {
  aspmPlugin,
  AspmPage,
  EntityAspmContent,
  EntityAspmCard,
  GroupAspmContent,
} from './plugin';
export { rootRouteRef } from './routes';
export * from './api';
