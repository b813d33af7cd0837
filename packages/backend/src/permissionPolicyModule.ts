import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DemoPermissionPolicy } from './DemoPermissionPolicy';

/** Installs the demo portal's permission policy. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'aspm-demo-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DemoPermissionPolicy());
      },
    });
  },
});
