import { DirectorPack as Pack } from '@aspm/plugin-aspm-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import { fakeAspmApi } from '../../__testUtils__/fixtures';
import { demoPack } from '../../__testUtils__/packFixtures';
import { responseError } from '../../__testUtils__/responseError';
import { DirectorPack } from './DirectorPack';

const NOW = new Date('2026-12-03T08:00:00Z');

function packApi(pack: Partial<Pack> = {}, overrides: Partial<AspmApi> = {}) {
  return fakeAspmApi({
    getPack: jest.fn(async audience => ({ ...demoPack(pack), audience })),
    ...overrides,
  });
}

function render(api: AspmApi, route = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <DirectorPack now={NOW} />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** Picks an option of a select field by its label. */
async function choose(label: string, option: string | RegExp) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(`^${label}`) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

const section = (name: RegExp) =>
  screen.getByRole('region', { name }) as HTMLElement;

/** The pack table (a Paper) under the given title. */
const tableTitled = (within_: HTMLElement, title: string) =>
  within(within_)
    .getByRole('heading', { name: title })
    .closest('[class*="MuiPaper-root"]') as HTMLElement;

/** Waits for the pack's title. */
const packTitle = () =>
  screen.findByRole('heading', { name: /^Security review|^Security posture/ });

describe('DirectorPack', () => {
  it('shows pack A for the org and the last full month, every section in order', async () => {
    const api = packApi();
    await render(api);
    expect(
      await screen.findByRole('heading', {
        name: 'Security review: platform and product leadership, November 2026',
      }),
    ).toBeInTheDocument();
    expect(api.getPack).toHaveBeenCalledTimes(1);
    expect(api.getPack).toHaveBeenCalledWith('leadership', {
      scope: 'org',
      period: '2026-11',
    });
    expect(
      screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent),
    ).toEqual([
      '1. Executive summary',
      '2. Core metrics',
      '3. Top risks and exceptions',
      '4. Program execution',
      '5. Strategic asks',
    ]);
    const summary = section(/Executive summary/);
    expect(
      within(summary).getByText(
        'Risk is worsening for the organisation in November 2026',
      ),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('Risk trend: worsening'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText(
        'Decide whether Identity gets dedicated remediation capacity.',
      ),
    ).toBeInTheDocument();
    // Not an editor: no edit button.
    expect(screen.queryByRole('button', { name: /Edit narrative/ })).toBeNull();
    // Scorecard: the metric, its value, target and status, and a sparkline.
    const scorecard = tableTitled(section(/Core metrics/), 'Scorecard');
    const row = within(scorecard)
      .getByRole('button', { name: 'Risk-weighted critical backlog' })
      .closest('tr')!;
    expect(within(row).getByText('640 pts')).toBeInTheDocument();
    expect(within(row).getByText('must not worsen')).toBeInTheDocument();
    expect(within(row).getByText('Not met')).toBeInTheDocument();
    expect(within(row).getByText('▼ worsening')).toBeInTheDocument();
    expect(
      within(row).getByRole('img', {
        name: 'Risk-weighted critical backlog over 3 periods, from 500 pts to 640 pts',
      }),
    ).toBeInTheDocument();
    // Empty tables say why.
    expect(
      within(section(/Top risks/)).getByText(
        'Every active exception has a compensating control and a review date.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Closed: numbers frozen', { exact: false }),
    ).toBeInTheDocument();
  });

  it('drills down from business units to teams and services', async () => {
    await render(packApi());
    const metrics = await screen.findByRole('region', { name: /Core metrics/ });
    const table = within(metrics)
      .getByText('The metrics by business unit, team and service')
      .closest('[class*="MuiPaper-root"]') as HTMLElement;
    expect(within(table).getByText('Payments')).toBeInTheDocument();
    expect(within(table).getByText('400 pts ✗')).toBeInTheDocument();
    expect(within(table).queryByText('Checkout')).toBeNull();
    const paymentsRow = within(table).getByText('Payments').closest('tr')!;
    await userEvent.click(within(paymentsRow).getAllByRole('button')[0]);
    expect(await within(table).findByText('Checkout')).toBeInTheDocument();
    const teamRow = within(table).getByText('Checkout').closest('tr')!;
    await userEvent.click(within(teamRow).getAllByRole('button')[0]);
    const service = await within(table).findByRole('link', {
      name: 'Payments API',
    });
    expect(service).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api',
    );
  });

  it('opens a metric trend with its counting change, by business unit, as a chart or a table', async () => {
    await render(packApi());
    await packTitle();
    await userEvent.click(
      within(tableTitled(section(/Core metrics/), 'Scorecard')).getByRole(
        'button',
        { name: 'Risk-weighted critical backlog' },
      ),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Risk-weighted critical backlog: trend',
    });
    expect(
      within(dialog).getByRole('img', {
        name: /Risk-weighted critical backlog for Organisation: 500 pts in September 2026, 640 pts in November 2026; 1 counting change marked\./,
      }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'October 2026: grype started reporting (on 3 entities)',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Show as table' }),
    );
    const table = within(dialog).getByRole('table', {
      name: 'Risk-weighted critical backlog by period',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(r =>
        Array.from(r.querySelectorAll('th, td')).map(c => c.textContent),
      );
    expect(rows).toEqual([
      ['Period', 'Organisation', 'Commerce', 'Payments', 'Counting change'],
      ['September 2026', '500 pts', '200 pts', '300 pts', ''],
      [
        'October 2026',
        '540 pts',
        '240 pts',
        '300 pts',
        'grype started reporting (on 3 entities)',
      ],
      ['November 2026', '640 pts', '240 pts', '400 pts', ''],
    ]);
  });

  it('switches pack, cadence, period and scope, keeping them in the URL', async () => {
    const api = packApi();
    await render(api, '/?audience=board&period=2026-H1');
    await packTitle();
    expect(api.getPack).toHaveBeenLastCalledWith('board', {
      scope: 'org',
      period: '2026-H1',
    });
    // The board's half-years are not the managers': back to months.
    await choose('Pack', /^B: Security managers/);
    await waitFor(() =>
      expect(api.getPack).toHaveBeenLastCalledWith('managers', {
        scope: 'org',
        period: '2026-11',
      }),
    );
    await choose('Cadence', 'Quarter');
    await waitFor(() =>
      expect(api.getPack).toHaveBeenLastCalledWith('managers', {
        scope: 'org',
        period: '2026-Q3',
      }),
    );
    await choose('Period', 'Q2 2026');
    await choose('Scope', 'Payments');
    await waitFor(() =>
      expect(api.getPack).toHaveBeenLastCalledWith('managers', {
        scope: 'businessUnit:group:default/payments-bu',
        period: '2026-Q2',
      }),
    );
  });

  it('lets an editor edit and save the narrative; checks it first', async () => {
    const api = packApi(
      { canEdit: true },
      {
        savePackNarrative: jest.fn(async () => ({
          scope: 'org',
          period: '2026-11',
          audience: 'leadership' as const,
          revision: 1,
          items: [],
          author: 'user:default/rosa',
          savedAt: '2026-12-03T09:00:00.000Z',
        })),
      },
    );
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: /Edit narrative/ }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit the executive summary',
    });
    const headline = within(dialog).getByRole('textbox', { name: 'Headline' });
    await userEvent.clear(headline);
    await userEvent.type(headline, 'Backlog up; one decision');
    const whatChanged = within(dialog).getByRole('textbox', {
      name: 'What changed',
    });
    await userEvent.clear(whatChanged);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Say what changed'),
    ).toBeInTheDocument();
    expect(api.savePackNarrative).not.toHaveBeenCalled();

    await userEvent.type(whatChanged, 'The backlog rose by 100 points');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.savePackNarrative).toHaveBeenCalledTimes(1));
    expect(api.savePackNarrative).toHaveBeenCalledWith(
      'leadership',
      { scope: 'org', period: '2026-11' },
      {
        headline: 'Backlog up; one decision',
        items: [
          {
            whatChanged: 'The backlog rose by 100 points',
            why: 'Driven mostly by the business unit Payments (300 to 400 points).',
            decision:
              'Decide whether Identity gets dedicated remediation capacity.',
            metricIds: ['risk_weighted_critical_backlog'],
            tone: 'worsening',
          },
        ],
      },
    );
    // The pack is read again, with the saved text.
    await waitFor(() => expect(api.getPack).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('starts an edit from the generated draft, and shows who saved an edited narrative', async () => {
    const pack = demoPack({ canEdit: true });
    const narrative = pack.sections[0].blocks[0] as any;
    narrative.saved = {
      author: 'user:default/rosa',
      savedAt: '2026-12-02T10:00:00.000Z',
      revision: 2,
    };
    await render(fakeAspmApi({ getPack: jest.fn(async () => pack) }));
    expect(
      await screen.findByText(/Edited by user:default\/rosa on/),
    ).toHaveTextContent('(revision 2)');
    await userEvent.click(
      screen.getByRole('button', { name: /Edit narrative/ }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'Start from the generated draft',
      }),
    );
    expect(
      within(dialog).getByRole('textbox', { name: 'Headline' }),
    ).toHaveValue('Generated headline');
    expect(
      within(dialog).getByRole('textbox', { name: 'What changed' }),
    ).toHaveValue('Generated item');
  });

  it('lets an editor raise and close strategic asks', async () => {
    const ask = (demoPack().sections[4].blocks[0] as any).items[0];
    const api = packApi(
      { canEdit: true },
      {
        createStrategicAsk: jest.fn(async () => ask),
        updateStrategicAsk: jest.fn(async () => ask),
      },
    );
    await render(api);
    const asks = await screen.findByRole('region', { name: /Strategic asks/ });
    expect(
      within(asks).getByText('Make SCA a paved-road default'),
    ).toBeInTheDocument();
    expect(
      within(asks).getByText('Open since October 2026'),
    ).toBeInTheDocument();

    await userEvent.click(
      within(asks).getByRole('button', { name: 'Raise an ask' }),
    );
    let dialog = await screen.findByRole('dialog', {
      name: 'Raise a strategic ask',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise' }),
    );
    expect(
      within(dialog).getByText('Give the ask a title'),
    ).toBeInTheDocument();
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Title/ }),
      'Hire two AppSec engineers',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: /^Kind/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Hiring' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Raise' }),
    );
    await waitFor(() =>
      expect(api.createStrategicAsk).toHaveBeenCalledWith({
        scope: 'org',
        kind: 'hiring',
        title: 'Hire two AppSec engineers',
        metricIds: [],
        raisedIn: '2026-11',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await userEvent.click(within(asks).getByRole('button', { name: 'Close' }));
    dialog = await screen.findByRole('dialog', {
      name: /Close “Make SCA a paved-road default”/,
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Resolution' }),
      'Shipped',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close the ask' }),
    );
    await waitFor(() =>
      expect(api.updateStrategicAsk).toHaveBeenCalledWith(4, {
        status: 'closed',
        closedIn: '2026-11',
        resolution: 'Shipped',
      }),
    );
  });

  it('exports the pack as Markdown and CSV, and a table as CSV', async () => {
    const createObjectURL = jest.fn(() => 'blob:pack');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const api = packApi(
      {},
      {
        exportPack: jest.fn(async (_a, r) => ({
          fileName: `pack.${r.format}`,
          contentType: 'text/plain',
          text: 'x',
        })),
      },
    );
    await render(api);
    await packTitle();
    await userEvent.click(screen.getByRole('button', { name: 'Markdown' }));
    await userEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Download "The metrics by business unit, team and service" as CSV',
      }),
    );
    await waitFor(() => expect(api.exportPack).toHaveBeenCalledTimes(3));
    expect((api.exportPack as jest.Mock).mock.calls).toEqual([
      ['leadership', { scope: 'org', period: '2026-11', format: 'md' }],
      ['leadership', { scope: 'org', period: '2026-11', format: 'csv' }],
      [
        'leadership',
        {
          scope: 'org',
          period: '2026-11',
          format: 'csv',
          table: 'scorecard-drilldown',
        },
      ],
    ]);
    expect(createObjectURL).toHaveBeenCalledTimes(3);
  });

  it('shows the server error, and an empty state naming what to do without data', async () => {
    await render(
      fakeAspmApi({
        getPack: jest.fn(async () => {
          throw await responseError(
            404,
            'No business unit nope in the catalog',
          );
        }),
      }),
      '/?scope=businessUnit:nope',
    );
    expect(
      await screen.findByText('Error: No business unit nope in the catalog'),
    ).toBeInTheDocument();

    const empty = demoPack();
    (empty.sections[0].blocks[0] as any).trend = 'no-data';
    await render(fakeAspmApi({ getPack: jest.fn(async () => empty) }));
    expect(
      await screen.findByText('No security data for this scope and period'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/POST \/api\/aspm\/catalog-sync/),
    ).toBeInTheDocument();
  });
});
