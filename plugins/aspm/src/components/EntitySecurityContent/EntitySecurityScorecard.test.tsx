import { MetricDetail } from '@aspm/plugin-aspm-common';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AspmApi, aspmApiRef } from '../../api';
import {
  catalogEntity,
  fakeAspmApi,
  paymentsApiScorecard,
} from '../../__testUtils__/fixtures';
import { EntitySecurityContent } from './EntitySecurityContent';

const REF = 'component:default/payments-api';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity('payments-api')}>
        <EntitySecurityContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The card (InfoCard) with the given title. */
async function card(title: string) {
  const heading = await screen.findByText(title, {
    selector: '.MuiCardHeader-title, .MuiCardHeader-title *',
  });
  return heading.closest('[class*="MuiCard-root"]') as HTMLElement;
}

const backlogDetail: MetricDetail = {
  scope: REF,
  time: paymentsApiScorecard.time,
  metric: paymentsApiScorecard.metrics[1],
  segments: [],
  items: [
    {
      kind: 'finding',
      id: '1',
      entityRef: REF,
      label: 'Log4j remote code execution (Log4Shell)',
      value: 120,
      note: 'critical, known exploited',
    },
  ],
  itemsTotal: 1,
};

describe('EntitySecurityContent: the scorecard sections', () => {
  it('shows the nine sections in the order of the scorecard, from one request', async () => {
    const api = fakeAspmApi();
    await render(api);
    await card('Next 30 days');
    const titles = [...document.querySelectorAll('.MuiCardHeader-title')].map(
      t => t.textContent,
    );
    const order = [
      'Ownership',
      'Deployment criticality',
      'Current top risks',
      'Findings',
      'Exceptions',
      'Security gates',
      'Critical and high finding aging',
      'Control adoption',
      'Metrics against target',
      'Next 30 days',
    ].map(t => titles.indexOf(t));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(api.getEntityScorecard).toHaveBeenCalledTimes(1);
    expect(api.getEntityScorecard).toHaveBeenCalledWith(REF);
  });

  it('explains the weight the tier and exposure imply', async () => {
    await render(fakeAspmApi());
    const text = await screen.findByTestId('aspm-risk-multiplier');
    expect(text).toHaveTextContent(
      'severity × exploitability × 3 (Tier 1) × 2 (Internet-facing) = severity × exploitability × 6',
    );
    expect(text).toHaveTextContent('weighs 60 points here');
  });

  it('ranks the top risks with weight, age, SLA deadline and tool; the total opens every open finding', async () => {
    const api = fakeAspmApi();
    await render(api);
    const risks = within(await card('Current top risks'));
    const rows = risks.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent(
      'Log4j remote code execution (Log4Shell)',
    );
    expect(rows[0]).toHaveTextContent('120');
    expect(rows[0]).toHaveTextContent('10.2 days');
    expect(rows[0]).toHaveTextContent('4 days overdue');
    expect(rows[0]).toHaveTextContent('trivy');
    expect(rows[1]).toHaveTextContent('25 days left');

    await userEvent.click(
      risks.getByRole('button', {
        name: '3: Open findings of payments-api',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Open findings of payments-api',
    });
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRef: [REF], state: ['open'] }),
    );
    await waitFor(() =>
      expect(within(dialog).getAllByRole('row')).toHaveLength(1 + 3),
    );
  });

  it('opens the findings behind an aging number by their ids', async () => {
    const api = fakeAspmApi();
    await render(api);
    const aging = within(await card('Critical and high finding aging'));
    expect(aging.getByTestId('aspm-aging-summary')).toHaveTextContent(
      'Open: 1 critical, 1 high. Past their SLA: 1 critical, 0 high.',
    );
    expect(
      aging.getByRole('img', { name: /by age: 0–7 days: 0 critical, 1 high/ }),
    ).toBeInTheDocument();
    expect(
      aging.getByRole('img', {
        name: /per week: week of [^:]+: 1 critical, 0 high, 0 past SLA;/,
      }),
    ).toBeInTheDocument();
    await userEvent.click(
      aging.getByRole('button', {
        name: '1: Critical findings past their SLA',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Critical findings past their SLA',
    });
    expect(api.listFindings).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: [1] }),
    );
    const rows = await within(dialog).findAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent(
      'Log4j remote code execution (Log4Shell)',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close list' }),
    );
    // The same numbers as a table, each a link.
    await userEvent.click(aging.getByLabelText('Show aging as table'));
    expect(
      aging.getByRole('button', { name: '1: High, 0–7 days old' }),
    ).toBeInTheDocument();
  });

  it('counts the exceptions, each count opening its exceptions', async () => {
    const api = fakeAspmApi();
    await render(api);
    const summary = await screen.findByTestId('aspm-exceptions-summary');
    expect(summary).toHaveTextContent('1 active');
    expect(summary).toHaveTextContent('1 expiring within 30 days');
    expect(summary).toHaveTextContent('0 due for review');
    await userEvent.click(
      within(summary).getByRole('button', {
        name: '1: Exceptions expiring within 30 days',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Exceptions expiring within 30 days',
    });
    expect(api.listExceptions).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: [7] }),
    );
    expect(
      await within(dialog).findByRole('button', { name: 'Open exception #7' }),
    ).toBeInTheDocument();
  });

  it('lists each control present or missing, with how to add the missing one', async () => {
    await render(fakeAspmApi());
    await card('Control adoption');
    const evidence = screen.getByTestId('aspm-control-release-evidence');
    expect(evidence).toHaveTextContent('Missing');
    expect(evidence).toHaveTextContent('How to add release-evidence');
    expect(evidence).toHaveTextContent('/api/aspm/releases');
    const sast = screen.getByTestId('aspm-control-sast');
    expect(sast).toHaveTextContent('Present');
    expect(sast).toHaveTextContent('Nothing to do');
  });

  it('gives the metrics against target with direction; a value opens its items', async () => {
    const api = fakeAspmApi({
      getMetricDetail: jest.fn(async () => backlogDetail),
    });
    await render(api);
    await card('Metrics against target');
    const backlog = screen.getByTestId(
      'aspm-metric-risk_weighted_critical_backlog',
    );
    expect(backlog).toHaveTextContent('Below target');
    expect(backlog).toHaveTextContent('Worsening (was 60 points)');
    expect(
      screen.getByTestId('aspm-metric-critical_age_internet_tier1'),
    ).toHaveTextContent('< 14 days');
    // No data last.
    const rows = within(
      screen.getByRole('table', { name: 'Metrics against target' }),
    ).getAllByRole('row');
    expect(rows[rows.length - 1]).toHaveTextContent('No data');

    await userEvent.click(
      within(backlog).getByRole('button', {
        name: '120 points: Risk-weighted critical backlog',
      }),
    );
    expect(api.getMetricDetail).toHaveBeenCalledWith(
      'risk_weighted_critical_backlog',
      { scope: REF, limit: 1000 },
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Risk-weighted critical backlog',
    });
    expect(
      await within(dialog).findByText('critical, known exploited'),
    ).toBeInTheDocument();
  });

  it('lists the next 30 days` actions, each opening what it is about', async () => {
    const api = fakeAspmApi();
    await render(api);
    const actions = within(await card('Next 30 days'));
    const rows = actions.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/Overdue by 4 days/);
    expect(rows[0]).toHaveTextContent('Finding SLA');
    expect(rows[1]).toHaveTextContent(/Due in 17 days/);
    expect(rows[2]).toHaveTextContent('No deadline');

    await userEvent.click(
      within(rows[0]).getByRole('button', {
        name: 'Log4j remote code execution (Log4Shell)',
      }),
    );
    expect(api.getFinding).toHaveBeenCalledWith(1);
    const finding = await screen.findByRole('dialog', {
      name: 'Log4j remote code execution (Log4Shell)',
    });
    await userEvent.click(
      within(finding).getByRole('button', { name: 'Close details' }),
    );

    await userEvent.click(
      within(rows[1]).getByRole('button', {
        name: 'Exception #7 (platform-gap)',
      }),
    );
    expect(api.getException).toHaveBeenCalledWith(7);
  });

  it('says so when the scorecard fails, and keeps the rest of the tab', async () => {
    const api = fakeAspmApi({
      getEntityScorecard: jest.fn(async () => {
        throw new Error('scorecard down');
      }),
    });
    await render(api);
    const aging = within(await card('Critical and high finding aging'));
    expect(
      (await aging.findAllByText(/scorecard down/)).length,
    ).toBeGreaterThan(0);
    expect(await card('Ownership')).toHaveTextContent('Owned by a group');
  });
});
