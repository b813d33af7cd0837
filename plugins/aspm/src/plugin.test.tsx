import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { getComponentData } from '@backstage/core-plugin-api';
import { aspmApiRef } from './api';
import {
  catalogEntity,
  fakeAspmApi,
  paymentsApi,
} from './__testUtils__/fixtures';
import {
  AspmPage,
  EntityAspmCard,
  EntityAspmContent,
  aspmPlugin,
} from './plugin';
import { rootRouteRef } from './routes';

/**
 * The legacy (core-plugin-api) exports, as an app on the old frontend system
 * mounts them. The demo app mounts the `alpha` export instead.
 */
describe('legacy exports', () => {
  it('defines the plugin with its API and route', () => {
    expect(aspmPlugin.getId()).toBe('aspm');
    expect([...aspmPlugin.getApis()].map(f => f.api.id)).toEqual([
      aspmApiRef.id,
    ]);
    expect(aspmPlugin.routes.root).toBe(rootRouteRef);
  });

  it('offers AspmPage as a routable extension on the root route', async () => {
    // An app routes it (<Route path="/aspm" element={<AspmPage />} />); the
    // extension carries its mount point for the app's route discovery.
    expect(getComponentData(<AspmPage />, 'core.mountPoint')).toBe(
      rootRouteRef,
    );
    const { AspmOrgPage } = await import('./components/AspmOrgPage');
    await renderInTestApp(
      <TestApiProvider apis={[[aspmApiRef, fakeAspmApi()]]}>
        <AspmOrgPage />
      </TestApiProvider>,
      {
        routeEntries: ['/ownership'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(await screen.findByTestId('aspm-org-percent')).toHaveTextContent(
      '92.5%',
    );
  });

  it('renders EntityAspmContent and EntityAspmCard for an entity', async () => {
    const api = fakeAspmApi({ getEntity: jest.fn(async () => paymentsApi) });
    await renderInTestApp(
      <TestApiProvider apis={[[aspmApiRef, api]]}>
        <EntityProvider entity={catalogEntity('payments-api')}>
          <EntityAspmCard />
          <EntityAspmContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('Deployment criticality'),
    ).toBeInTheDocument();
    // The card leads with the scorecard's overdue action.
    expect(
      await screen.findByText(
        '1 action overdue: Log4j remote code execution (Log4Shell)',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByText('Current top risks')).toBeInTheDocument();
    expect(api.getEntity).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
  });
});
