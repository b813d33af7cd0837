import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { AspmClient, aspmApiRef } from './api';
import { rootRouteRef } from './routes';

/** The ASPM frontend plugin (legacy frontend system). @public */
export const aspmPlugin = createPlugin({
  id: 'aspm',
  apis: [
    createApiFactory({
      api: aspmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AspmClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/** The org page: ownership completeness across the catalog. @public */
export const AspmPage = aspmPlugin.provide(
  createRoutableExtension({
    name: 'AspmPage',
    component: () =>
      import('./components/AspmOrgPage').then(m => m.AspmOrgPage),
    mountPoint: rootRouteRef,
  }),
);

/** The Security tab of Components and Systems. @public */
export const EntityAspmContent = aspmPlugin.provide(
  createComponentExtension({
    name: 'EntityAspmContent',
    component: {
      lazy: () =>
        import('./components/EntitySecurityContent').then(
          m => m.EntitySecurityContent,
        ),
    },
  }),
);

/**
 * The Security tab of Group pages: the team's scorecard over the services
 * it and its sub-teams own. @public
 */
export const GroupAspmContent = aspmPlugin.provide(
  createComponentExtension({
    name: 'GroupAspmContent',
    component: {
      lazy: () =>
        import('./components/GroupAspmContent').then(m => m.GroupAspmContent),
    },
  }),
);

/** Compact security posture card for an entity's overview. @public */
export const EntityAspmCard = aspmPlugin.provide(
  createComponentExtension({
    name: 'EntityAspmCard',
    component: {
      lazy: () =>
        import('./components/EntityAspmCard').then(m => m.EntityAspmCard),
    },
  }),
);
