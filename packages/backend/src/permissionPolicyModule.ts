import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DemoPermissionPolicy } from './DemoPermissionPolicy';

/**
 * Installs the demo portal's permission policy; exception approvers come from
 * `aspmDemoPolicy.exceptionApprovers` (default `group:default/security`),
 * pack editors from `aspmDemoPolicy.packEditors` (default
 * `group:default/directors`).
 */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'aspm-demo-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const demoPolicy = DemoPermissionPolicy.fromConfig(config);
        logger.info(
          `ASPM demo policy: exceptions are approved by members of ${
            demoPolicy.exceptionApprovers.join(', ') || 'nobody'
          }; director packs are edited by members of ${
            demoPolicy.packEditors.join(', ') || 'nobody'
          }`,
        );
        policy.setPolicy(demoPolicy);
      },
    });
  },
});
