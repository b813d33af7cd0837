import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { aspmSourcesExtensionPoint } from '@aspm/plugin-aspm-node';
import { DefectDojoSource } from './DefectDojoSource';

/**
 * Adds the DefectDojo ingestion source to the ASPM backend when
 * `aspm.sources.defectdojo` is configured.
 * @public
 */
export const aspmModuleDefectDojo = createBackendModule({
  pluginId: 'aspm',
  moduleId: 'defectdojo',
  register(env) {
    env.registerInit({
      deps: {
        sources: aspmSourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        if (!config.has('aspm.sources.defectdojo')) {
          logger.info(
            'DefectDojo source is not configured (aspm.sources.defectdojo); not pulling DefectDojo findings',
          );
          return;
        }
        const source = DefectDojoSource.fromConfig(config);
        sources.addSource(source);
        logger.info(`DefectDojo source added: ${source.description}`);
      },
    });
  },
});
