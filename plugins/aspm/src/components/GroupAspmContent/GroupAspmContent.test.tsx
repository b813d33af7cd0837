import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import { catalogEntity, fakeAspmApi } from '../../__testUtils__/fixtures';
import { responseError } from '../../__testUtils__/responseError';
import { ledgerTeamScorecard } from '../../__testUtils__/scorecardFixtures';
import { GroupAspmContent } from './GroupAspmContent';

const TEAM = 'group:default/team-ledger';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity('team-ledger', 'Group')}>
        <GroupAspmContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The service names of the table's rows, top to bottom. */
const serviceOrder = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(r => within(r).getAllByRole('cell')[0].textContent);

async function servicesTable() {
  const cell = await screen.findByText('Payments API');
  return cell.closest('table') as HTMLElement;
}

describe('GroupAspmContent', () => {
  it('names the team, its business unit and sub-teams, from one scorecard request', async () => {
    const api = fakeAspmApi();
    await render(api);
    expect(await screen.findByText('Ledger')).toBeInTheDocument();
    expect(api.getTeamScorecard).toHaveBeenCalledWith(TEAM);
    expect(screen.getByRole('link', { name: 'payments-bu' })).toHaveAttribute(
      'href',
      '/catalog/default/group/payments-bu',
    );
    expect(
      screen.getByRole('link', { name: 'team-ledger-sub' }),
    ).toBeInTheDocument();
    // The gate trend covers the team and its sub-team.
    expect(api.getGateTrend).toHaveBeenCalledWith({
      team: [TEAM, 'group:default/team-ledger-sub'],
      weeks: 26,
    });
  });

  it('lists each service with its numbers, sortable by every column', async () => {
    await render(fakeAspmApi());
    const table = await servicesTable();
    const [payments, invoices] = within(table).getAllByRole('row').slice(1);
    expect(payments).toHaveTextContent('Tier 1');
    expect(payments).toHaveTextContent('Internet-facing');
    expect(payments).toHaveTextContent('120');
    expect(payments).toHaveTextContent('10.2 days');
    expect(payments).toHaveTextContent('1 expiring');
    expect(payments).toHaveTextContent('1 (release-evidence)');
    expect(payments).toHaveTextContent('50.0% (2 of 4)');
    expect(invoices).toHaveTextContent('Untiered');
    expect(invoices).toHaveTextContent('3 (owner, repository, sast)');
    // Heaviest backlog first; then by coverage gaps, both ways.
    expect(serviceOrder(table)).toEqual(['Payments API', 'Invoice Renderer']);
    // Payments API lacks 1 control, Invoice Renderer 3; each click flips.
    await userEvent.click(within(table).getByText('Coverage gaps'));
    const first = serviceOrder(table);
    await userEvent.click(within(table).getByText('Coverage gaps'));
    expect(serviceOrder(table)).toEqual([...first].reverse());
    // Gate rate: 100% (Invoice Renderer) against 50%.
    await userEvent.click(within(table).getByText('Gate first-pass rate'));
    const byRate = serviceOrder(table);
    await userEvent.click(within(table).getByText('Gate first-pass rate'));
    expect(serviceOrder(table)).toEqual([...byRate].reverse());
  });

  it('opens the findings behind a service`s backlog and the releases behind its gate rate', async () => {
    const api = fakeAspmApi();
    await render(api);
    const table = await servicesTable();
    await userEvent.click(
      within(table).getByRole('button', {
        name: '120: open backlog of Payments API',
      }),
    );
    const findings = await screen.findByRole('dialog', {
      name: 'Open backlog of Payments API',
    });
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: [1] }),
    );
    expect(
      await within(findings).findByText(
        'Log4j remote code execution (Log4Shell)',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(findings).getByRole('button', { name: 'Close list' }),
    );

    await userEvent.click(
      within(table).getByRole('button', {
        name: '50.0%: gated releases of Payments API',
      }),
    );
    await screen.findByRole('dialog', {
      name: 'Gated releases of Payments API in the window',
    });
    expect(api.listReleases).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entityRef: ['component:default/payments-api'],
        from: ledgerTeamScorecard.time.from,
        outcome: ['passed', 'passed-after-rerun', 'blocked'],
      }),
    );
  });

  it('gives the team`s metrics with weekly trends and the business unit`s median', async () => {
    await render(fakeAspmApi());
    const backlog = await screen.findByTestId(
      'aspm-metric-risk_weighted_critical_backlog',
    );
    expect(backlog).toHaveTextContent('40 points (3 teams)');
    expect(
      within(backlog).getByRole('img', {
        name: /^Risk-weighted critical backlog per week: .+ 60 points, .+ 120 points$/,
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Show trends as table'));
    await waitFor(() =>
      expect(
        screen.getByTestId('aspm-metric-risk_weighted_critical_backlog'),
      ).toHaveTextContent('60 points120 points'),
    );
  });

  it('rolls up top risks, aging, controls and the next 30 days over the services', async () => {
    const api = fakeAspmApi();
    await render(api);
    const risks = (await screen.findByText('Current top risks')).closest(
      '[class*="MuiCard-root"]',
    ) as HTMLElement;
    expect(within(risks).getAllByRole('row')[1]).toHaveTextContent(
      'payments-api',
    );
    await userEvent.click(
      within(risks).getByRole('button', { name: '3: Open findings of Ledger' }),
    );
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({
        team: [TEAM, 'group:default/team-ledger-sub'],
        state: ['open'],
      }),
    );
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Close list',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const sast = screen.getByTestId('aspm-control-sast');
    expect(sast).toHaveTextContent('1 of 2 (1 missing)');
    await userEvent.click(
      within(sast).getByRole('button', {
        name: '1: Without: Code scan (SAST) within 30 days',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Without: Code scan (SAST) within 30 days',
    });
    expect(
      within(dialog).getByRole('link', { name: 'invoice-renderer' }),
    ).toBeInTheDocument();
  });

  it('shows the program-signal metrics in their own card when the scorecard has them', async () => {
    const base = ledgerTeamScorecard.metrics[0];
    const api = fakeAspmApi({
      getTeamScorecard: jest.fn(async () => ({
        ...ledgerTeamScorecard,
        programMetrics: [
          {
            ...base,
            id: 'change_failure_rate' as const,
            title: 'Change failure rate',
            unit: 'ratio' as const,
            value: 0.25,
            numerator: 1,
            denominator: 4,
          },
        ],
      })),
    });
    await render(api);
    expect(
      await screen.findByText('Program signals against target'),
    ).toBeInTheDocument();
    expect(
      (await screen.findAllByText(/Change failure rate/)).length,
    ).toBeGreaterThan(0);
  });

  it('has no program-signal card when the scorecard has none', async () => {
    await render(fakeAspmApi());
    await screen.findByText('Metrics against target');
    expect(
      screen.queryByText('Program signals against target'),
    ).not.toBeInTheDocument();
  });

  it('says the store has not seen the group, or shows the error', async () => {
    await render(
      fakeAspmApi({
        getTeamScorecard: jest.fn(async () => {
          throw await responseError(404, 'No Group group:default/team-ledger');
        }),
      }),
    );
    expect(
      await screen.findByText('The ASPM store has not seen this group yet'),
    ).toBeInTheDocument();
  });
});
