import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AspmAnnotationProcessor,
  AspmAnnotationValidationMode,
} from './AspmAnnotationProcessor';

/**
 * Catalog module that validates ASPM annotations while the catalog processes
 * entities. Config: `aspm.catalogValidation.mode` (`status` | `reject`).
 * @public
 */
export const catalogModuleAspm = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aspm',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const mode = (config.getOptionalString('aspm.catalogValidation.mode') ??
          'status') as AspmAnnotationValidationMode;
        if (mode !== 'status' && mode !== 'reject') {
          throw new Error(
            `aspm.catalogValidation.mode must be "status" or "reject", got "${mode}"`,
          );
        }
        catalog.addProcessor(new AspmAnnotationProcessor({ mode }));
      },
    });
  },
});
