import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import {
  approvedException,
  daysFromNow,
  demoExceptions,
} from '../../__testUtils__/exceptionFixtures';
import { fakeAspmApi } from '../../__testUtils__/fixtures';
import { ExceptionRegister } from './ExceptionRegister';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <ExceptionRegister />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const register = () =>
  screen.findByRole('table', { name: 'Exception register' });

/** The ids (first column) of the register's rows. */
function ids(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent ?? '');
}

/** Waits until the register shows exactly these exceptions. */
async function expectIds(expected: string[]) {
  await waitFor(async () => expect(ids(await register())).toEqual(expected));
}

/** The filter bar. */
const filters = () =>
  within(screen.getByRole('group', { name: 'Filter exceptions' }));

async function pick(label: RegExp, options: string[]) {
  await userEvent.click(filters().getByRole('button', { name: label }));
  for (const option of options) {
    await userEvent.click(await screen.findByRole('option', { name: option }));
  }
  await userEvent.keyboard('{Escape}');
}

const lastQuery = (api: jest.Mocked<AspmApi>) =>
  api.listExceptions.mock.calls.at(-1)![0];

describe('ExceptionRegister', () => {
  it('lists every exception with its entity, newest request first', async () => {
    const api = fakeAspmApi();
    await render(api);
    await expectIds(['#13', '#12', '#7', '#9']);
    expect(api.listExceptions).toHaveBeenCalledWith({
      orderBy: 'requestedAt',
      order: 'desc',
      limit: 10,
      offset: 0,
    });
    const table = await register();
    const github = within(table).getByText('#7').closest('tr')!;
    expect(
      within(github).getByRole('link', { name: 'checkout-web' }),
    ).toHaveAttribute('href', '/catalog/default/component/checkout-web');
    expect(github).toHaveTextContent('GitHub');
    expect(github).toHaveTextContent('All findings of category Code');
  });

  it('sends each filter to the API and shows what it answers', async () => {
    const api = fakeAspmApi();
    await render(api);
    await expectIds(['#13', '#12', '#7', '#9']);

    await pick(/^Status/, ['Approved']);
    await expectIds(['#12', '#7']);
    expect(lastQuery(api)).toEqual(
      expect.objectContaining({ status: ['approved'], offset: 0 }),
    );
    // The summary counts the same statuses.
    expect(api.getExceptionSummary).toHaveBeenLastCalledWith({
      status: ['approved'],
    });

    await userEvent.click(
      filters().getByRole('button', { name: /^Expiring within/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: '30 days' }));
    await expectIds(['#12']);
    expect(lastQuery(api)).toMatchObject({ expiringWithinDays: 30 });

    await userEvent.click(
      screen.getByRole('button', { name: 'Reset filters' }),
    );
    await expectIds(['#13', '#12', '#7', '#9']);
    expect(lastQuery(api)).toEqual({
      orderBy: 'requestedAt',
      order: 'desc',
      limit: 10,
      offset: 0,
    });

    await userEvent.click(screen.getByLabelText('No compensating control'));
    await expectIds(['#13', '#7', '#9']);
    expect(lastQuery(api)).toMatchObject({ noCompensatingControl: true });
    await userEvent.click(screen.getByLabelText('No review date'));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        noCompensatingControl: true,
        noReviewDate: true,
      }),
    );

    await userEvent.click(
      filters().getByRole('button', { name: /^Requested/ }),
    );
    await userEvent.click(screen.getByRole('option', { name: '90+ days ago' }));
    await expectIds(['#7', '#9']);
    expect(lastQuery(api)).toMatchObject({ minAgeDays: 90 });

    await pick(/^Source/, ['GitHub']);
    await expectIds(['#7']);
    expect(lastQuery(api)).toMatchObject({ source: ['github'] });
  });

  it('filters by category, business unit, team and tier', async () => {
    const api = fakeAspmApi();
    await render(api);
    await expectIds(['#13', '#12', '#7', '#9']);

    await pick(/^Tier/, ['Tier 2']);
    await expectIds(['#7']);
    expect(lastQuery(api)).toMatchObject({ tier: ['2'] });
    await pick(/^Tier/, ['Tier 2', 'Tier 1']);
    await expectIds(['#13', '#12', '#9']);

    await pick(/^Category/, ['Platform gap', 'Ownership']);
    await expectIds(['#12', '#9']);
    expect(lastQuery(api)).toMatchObject({
      category: ['platform-gap', 'ownership'],
    });

    // Business units come from the summary.
    await waitFor(() =>
      expect(
        filters().getByRole('button', { name: /^Business unit/ }),
      ).not.toHaveAttribute('aria-disabled'),
    );
    await pick(/^Business unit/, ['payments-bu']);
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        businessUnit: ['group:default/payments-bu'],
      }),
    );

    await userEvent.type(
      screen.getByLabelText('Team'),
      'group:default/team-checkout',
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        team: ['group:default/team-checkout'],
      }),
    );
    await expectIds([]);
    expect(
      screen.getByText('No exceptions match these filters.'),
    ).toBeInTheDocument();
  });

  it('sorts and pages on the server', async () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      ...approvedException,
      id: 200 + i,
      requestedAt: daysFromNow(-i),
    }));
    const api = fakeAspmApi({}, { exceptions: many });
    await render(api);
    await waitFor(async () => expect(ids(await register())).toHaveLength(10));
    expect(screen.getByText('1-10 of 13')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(async () =>
      expect(ids(await register())).toEqual(['#210', '#211', '#212']),
    );
    expect(lastQuery(api)).toMatchObject({ limit: 10, offset: 10 });

    // Sorting starts over at the first page.
    await userEvent.click(screen.getByRole('button', { name: 'Entity' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'entityRef',
        order: 'asc',
        offset: 0,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Requested' }));
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'requestedAt',
        order: 'desc',
      }),
    );
  });

  it('shows repeated categories by business unit', async () => {
    const api = fakeAspmApi(
      {},
      {
        exceptions: [
          ...demoExceptions,
          { ...approvedException, id: 20 },
          { ...approvedException, id: 21, category: 'ownership' },
        ],
      },
    );
    await render(api);
    const table = await screen.findByRole('table', {
      name: 'Repeated categories by business unit',
    });
    expect(api.getExceptionSummary).toHaveBeenCalledWith({});
    const text = within(table)
      .getAllByRole('row')
      .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));
    expect(text).toEqual([
      [
        'Business unit',
        'Platform gap',
        'Ownership',
        'Compensated',
        'False positive dispute',
        'Total',
      ],
      ['payments-bu', '2', '1', '0', '1', '4'],
      ['commerce-bu', '0', '0', '1', '0', '1'],
    ]);
    expect(within(table).getByRole('cell', { name: '2' })).toHaveStyle(
      'font-weight: 700',
    );
  });

  it('opens an exception; a decision reloads the register and the summary', async () => {
    const api = fakeAspmApi();
    await render(api);
    await expectIds(['#13', '#12', '#7', '#9']);
    const summaryCalls = api.getExceptionSummary.mock.calls.length;

    await userEvent.click(
      screen.getByRole('button', { name: 'Open exception #12' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Exception #12' });
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Revoke' }),
    );
    await userEvent.type(within(dialog).getByLabelText(/^Note/), 'Fixed');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke exception' }),
    );
    await within(dialog).findByText('Exception #12 is now revoked.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );

    const table = await register();
    await waitFor(() =>
      expect(within(table).getByText('#12').closest('tr')).toHaveTextContent(
        'Revoked',
      ),
    );
    expect(api.getExceptionSummary.mock.calls.length).toBeGreaterThan(
      summaryCalls,
    );
  });
});
