import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { aspmSourcesExtensionPoint } from '@aspm/plugin-aspm-node';
import { GithubAlertsSource } from './GithubAlertsSource';

/**
 * Adds the `github` ingestion source (code scanning, Dependabot and secret
 * scanning alerts) to the ASPM backend.
 * @public
 */
export const aspmModuleGithub = createBackendModule({
  pluginId: 'aspm',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        sources: aspmSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        sources.addSource(GithubAlertsSource.fromConfig(config, { logger }));
      },
    });
  },
});
