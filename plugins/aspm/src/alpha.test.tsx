import userEvent from '@testing-library/user-event';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { screen } from '@testing-library/react';
import { aspmApiRef } from './api';
import { catalogEntity, fakeAspmApi } from './__testUtils__/fixtures';
import { demoPack } from './__testUtils__/packFixtures';
import aspmPlugin, {
  aspmApi,
  aspmEntityContent,
  aspmGroupContent,
} from './alpha';

describe('alpha plugin', () => {
  it('is the aspm plugin with its extensions', () => {
    expect(aspmPlugin.id).toBe('aspm');
    expect(aspmPlugin.getExtension('page:aspm')).toMatchObject({
      kind: 'page',
    });
    expect(aspmPlugin.getExtension('api:aspm')).toMatchObject({ kind: 'api' });
    expect(aspmPlugin.getExtension('entity-content:aspm')).toMatchObject({
      kind: 'entity-content',
    });
    expect(aspmPlugin.getExtension('entity-card:aspm')).toMatchObject({
      kind: 'entity-card',
    });
    expect(aspmPlugin.getExtension('entity-content:aspm/group')).toMatchObject({
      kind: 'entity-content',
    });
  });

  it('adds the team scorecard as the Security tab of Groups only', () => {
    const tester = createExtensionTester(aspmGroupContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('security');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Security');
    const shows = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(shows?.(catalogEntity('team-ledger', 'Group'))).toBe(true);
    expect(shows?.(catalogEntity('payments-api', 'Component'))).toBe(false);
  });

  it('provides the API client', () => {
    const factory = createExtensionTester(aspmApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(aspmApiRef.id);
  });

  it('adds the Security tab at "security"', () => {
    const tester = createExtensionTester(aspmEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('security');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Security');
  });

  it('renders the org page at /aspm: the director pack, with the ownership tab', async () => {
    const api = fakeAspmApi({ getPack: jest.fn(async () => demoPack()) });
    const tester = createExtensionTester(aspmPlugin.getExtension('page:aspm'), {
      apis: [[aspmApiRef, api]],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('/aspm');

    renderInTestApp(tester.reactElement(), {
      apis: [[aspmApiRef, api]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
    });

    // The page is lazy-loaded and heavy: allow a loaded CI machine time.
    const slow = { timeout: 15_000 };
    expect(
      await screen.findByRole('heading', { name: 'Security posture' }, slow),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole(
        'heading',
        {
          name: 'Security review: platform and product leadership, November 2026',
        },
        slow,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'Ownership' }));
    expect(
      await screen.findByTestId('aspm-org-percent', {}, slow),
    ).toHaveTextContent('92.5%');
  });
});
