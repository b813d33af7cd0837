import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aspmApiRef } from '../../api';
import {
  emptyReport,
  fakeAspmApi,
  lastSync,
} from '../../__testUtils__/fixtures';
import { demoPack } from '../../__testUtils__/packFixtures';
import { formatDateTime } from '../../utils/format';
import { AspmOrgPage } from './AspmOrgPage';

/** The page at one of its tabs: `/` (director pack), `/ownership`, `/exceptions`. */
function render(api = fakeAspmApi(), route = '/ownership') {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <AspmOrgPage />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The body rows of the table with the given title. */
function tableRows(title: string) {
  const heading = screen.getByRole('heading', { name: title });
  const table = heading
    .closest('[class*="MuiPaper-root"]')!
    .querySelector('table')!;
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
}

describe('AspmOrgPage', () => {
  it('opens on the director pack, with the ownership overview and the exception register as tabs', async () => {
    const api = fakeAspmApi({ getPack: jest.fn(async () => demoPack()) });
    await render(api, '/');
    expect(
      await screen.findByRole('heading', {
        name: 'Security review: platform and product leadership, November 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getOwnership).not.toHaveBeenCalled();
    expect(screen.getAllByRole('tab').map(t => t.textContent)).toEqual([
      'Director pack',
      'Ownership',
      'Exceptions',
    ]);
    await userEvent.click(screen.getByRole('tab', { name: 'Ownership' }));
    expect(await screen.findByTestId('aspm-org-percent')).toHaveTextContent(
      '92.5%',
    );
  });

  it('shows the org ownership completeness', async () => {
    const api = fakeAspmApi();
    await render(api);

    expect(
      screen.getByRole('heading', { name: 'Security posture' }),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('aspm-org-percent')).toHaveTextContent(
      '92.5%',
    );
    expect(screen.getByText('37 of 40 components owned')).toBeInTheDocument();
    expect(api.getOwnership).toHaveBeenCalledWith({
      groupBy: 'businessUnit',
      offendersLimit: 1000,
    });
    const time = screen.getByText(formatDateTime(lastSync.finishedAt));
    expect(time).toHaveAttribute('datetime', lastSync.finishedAt);
    expect(time.parentElement).toHaveTextContent(/^Last catalog sync: /);
  });

  it('lists business units worst first', async () => {
    await render();
    await screen.findByTestId('aspm-org-percent');
    expect(tableRows('By business unit')).toEqual([
      ['Commerce', '9', '10', '90.0%'],
      ['Platform & Infrastructure', '9', '10', '90.0%'],
      ['Payments', '10', '11', '90.9%'],
      ['Data & Analytics', '6', '6', '100.0%'],
      ['No business unit', '3', '3', '100.0%'],
    ]);
  });

  it('shows tiers against their targets and flags untiered components', async () => {
    await render();
    await screen.findByTestId('aspm-org-percent');
    expect(tableRows('By tier')).toEqual([
      ['Tier 1', '14', '14', '100.0%', '100.0%', 'Meets target'],
      ['Tier 2', '12', '13', '92.3%', '100.0%', 'Below target'],
      ['Tier 3', '7', '8', '87.5%', '—', 'No target'],
      ['Untiered', '4', '5', '80.0%', '—', 'Gap: no tier set'],
    ]);
  });

  it('describes the chart in words', async () => {
    await render();
    const chart = await screen.findByRole('img', {
      name: /^Ownership completeness by business unit:/,
    });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('Payments 90.9% (10 of 11)'),
    );
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('No business unit 100.0% (3 of 3)'),
    );
  });

  it('lists the unowned components with links to their catalog pages', async () => {
    await render();
    await screen.findByTestId('aspm-org-percent');

    const link = screen.getByRole('link', { name: 'Invoice Renderer' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/invoice-renderer',
    );
    expect(screen.getByRole('link', { name: 'promo-banner' })).toHaveAttribute(
      'href',
      '/catalog/default/component/promo-banner',
    );

    const rows = tableRows('Unowned components');
    expect(rows).toEqual([
      [
        'Invoice Renderer',
        'group:default/team-billing',
        'Owner not in catalog',
        'spec.owner points at group:default/team-billing, which is not in the catalog',
        'Tier 2',
        'Payments',
      ],
      [
        'promo-banner',
        'unknown',
        'No owner',
        'spec.owner "unknown" is a placeholder, not a named owner',
        'Untiered',
        'Commerce',
      ],
      [
        'legacy-cron',
        'user:default/contractor-jane',
        'User without a team',
        'the user is a member of no existing Group',
        'Tier 3',
        'Platform & Infrastructure',
      ],
    ]);
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-bu',
    );
  });

  it('shows the exception register with its category summary', async () => {
    const api = fakeAspmApi();
    await render(api, '/exceptions');
    expect(
      await screen.findByRole('region', { name: 'Exception register' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Exception register' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('table', {
        name: 'Repeated categories by business unit',
      }),
    ).toBeInTheDocument();
    expect(api.listExceptions).toHaveBeenCalled();
    expect(api.getExceptionPolicy).toHaveBeenCalled();
  });

  it('runs the catalog sync and reloads', async () => {
    const api = fakeAspmApi();
    await render(api);
    await screen.findByTestId('aspm-org-percent');
    expect(api.getOwnership).toHaveBeenCalledTimes(1);

    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));

    await waitFor(() => expect(api.getOwnership).toHaveBeenCalledTimes(2));
    expect(api.runCatalogSync).toHaveBeenCalledTimes(1);
  });

  it('shows an empty state with a sync action when there are no components', async () => {
    const api = fakeAspmApi({
      getOwnership: jest.fn(async () => emptyReport),
    });
    await render(api);
    expect(
      await screen.findByText('No components in the ASPM store yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Add catalog locations/)).toBeInTheDocument();
    expect(screen.getByText('Last catalog sync: never')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api.runCatalogSync).toHaveBeenCalled());
  });

  it('shows the error of a failed request', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          name: 'NotAllowedError',
          message: 'You may not read ASPM data',
        },
        response: { statusCode: 403 },
      }),
      { status: 403, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response as any);
    await render(
      fakeAspmApi({ getOwnership: jest.fn(async () => Promise.reject(error)) }),
    );
    expect(
      (await screen.findAllByText(/You may not read ASPM data/))[0],
    ).toBeInTheDocument();
  });
});
