/**
 * ASPM ingestion source for GitHub code scanning, Dependabot and secret
 * scanning alerts.
 *
 * @packageDocumentation
 */
export { aspmModuleGithub as default } from './module';
export {
  GithubAlertsSource,
  GITHUB_ALERT_TYPES,
  type GithubAlertType,
  type GithubAlertsSourceOptions,
} from './GithubAlertsSource';
export {
  mapCodeScanningAlert,
  mapDependabotAlert,
  mapSecretScanningAlert,
  CODE_SCANNING_DISMISSED_STATES,
  DEPENDABOT_DISMISSED_STATES,
  SECRET_SCANNING_RESOLUTION_STATES,
} from './mappers';
