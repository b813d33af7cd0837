import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import SecurityIcon from '@material-ui/icons/Security';
import { AspmClient, aspmApiRef } from './api';
import { rootRouteRef } from './routes';

/** Components and Systems get the Security tab and card. */
const componentOrSystem = { kind: { $in: ['component', 'system'] } };

/** @alpha */
export const aspmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: aspmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new AspmClient({ discoveryApi, fetchApi }),
    }),
});

/** The org page at /aspm. @alpha */
export const aspmPage = PageBlueprint.make({
  params: {
    path: '/aspm',
    title: 'Security posture',
    icon: <SecurityIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page renders its own Backstage header.
    noHeader: true,
    loader: () =>
      import('./components/AspmOrgPage').then(m => <m.AspmOrgPage />),
  },
});

/** The Security tab of Components and Systems. @alpha */
export const aspmEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'security',
    title: 'Security',
    filter: componentOrSystem,
    loader: () =>
      import('./components/EntitySecurityContent').then(m => (
        <m.EntitySecurityContent />
      )),
  },
});

/** The Security tab of Group pages: the team scorecard. @alpha */
export const aspmGroupContent = EntityContentBlueprint.make({
  name: 'group',
  params: {
    path: 'security',
    title: 'Security',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/GroupAspmContent').then(m => <m.GroupAspmContent />),
  },
});

/** Compact security posture card on the entity overview. @alpha */
export const aspmEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'info',
    filter: componentOrSystem,
    loader: () =>
      import('./components/EntityAspmCard').then(m => <m.EntityAspmCard />),
  },
});

/** The ASPM frontend plugin for the new frontend system. @alpha */
export default createFrontendPlugin({
  pluginId: 'aspm',
  title: 'Security posture',
  icon: <SecurityIcon />,
  extensions: [
    aspmApi,
    aspmPage,
    aspmEntityContent,
    aspmEntityCard,
    aspmGroupContent,
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
});
