import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { AspmApi, aspmApiRef } from '../../api';
import {
  catalogEntity,
  fakeAspmApi,
  invoiceRenderer,
  paymentsApi,
  paymentsApiScorecard,
} from '../../__testUtils__/fixtures';
import { quietScorecardOf } from '../../__testUtils__/scorecardFixtures';
import { EntityAspmCard } from './EntityAspmCard';

function render(api: AspmApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[aspmApiRef, api]]}>
      <EntityProvider entity={catalogEntity('payments-api')}>
        <EntityAspmCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityAspmCard', () => {
  it('summarises a healthy entity and links to the security tab', async () => {
    const api = fakeAspmApi({
      getEntity: jest.fn(async () => paymentsApi),
      getEntityScorecard: jest.fn(async () =>
        quietScorecardOf(paymentsApiScorecard),
      ),
    });
    await render(api);
    expect(
      await screen.findByText('Nothing overdue or due in the next 30 days'),
    ).toBeInTheDocument();
    expect(api.getEntityScorecard).toHaveBeenCalledWith(
      'component:default/payments-api',
    );
    expect(screen.getByText('Tier 1 (business-critical)')).toBeInTheDocument();
    expect(screen.getByText('Internet-facing')).toBeInTheDocument();
    expect(screen.getByText('Owned by a group')).toBeInTheDocument();
    expect(screen.getByText('No open findings')).toBeInTheDocument();
    expect(screen.getByText('0 actions, 0 overdue')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View security details/ }),
    ).toHaveAttribute('href', expect.stringMatching(/security$/));
  });

  it('leads with overdue work, and gives the top risk and the next days', async () => {
    await render(fakeAspmApi({ getEntity: jest.fn(async () => paymentsApi) }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1 action overdue: Log4j remote code execution (Log4Shell)',
    );
    expect(
      screen.getByText(
        'Log4j remote code execution (Log4Shell) (weight 120, past its SLA)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('1 / 1 (1 past SLA)')).toBeInTheDocument();
    expect(screen.getByText('3 actions, 1 overdue')).toBeInTheDocument();
  });

  it('claims nothing is wrong only once the scorecard has answered', async () => {
    let answer: (card: typeof paymentsApiScorecard) => void = () => {};
    await render(
      fakeAspmApi({
        getEntity: jest.fn(async () => paymentsApi),
        getEntityScorecard: jest.fn(
          () =>
            new Promise<typeof paymentsApiScorecard>(resolve => {
              answer = resolve;
            }),
        ),
      }),
    );
    expect(await screen.findByText('Internet-facing')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.queryByText('Owned, tiered and exposure known'),
    ).not.toBeInTheDocument();
    answer(paymentsApiScorecard);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1 action overdue: Log4j remote code execution (Log4Shell)',
    );
  });

  it('highlights the worst catalog problem', async () => {
    await render(
      fakeAspmApi({
        getEntity: jest.fn(async () => invoiceRenderer),
        getEntityScorecard: jest.fn(async () =>
          quietScorecardOf(paymentsApiScorecard),
        ),
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'aspm.io/exposure must be one of "internet", "internal"; got "public"',
    );
    expect(screen.getByText('Untiered')).toBeInTheDocument();
    expect(screen.getByText('Exposure unknown')).toBeInTheDocument();
    expect(screen.getByText('Owner not in catalog')).toBeInTheDocument();
  });

  it('still shows the entity when its scorecard fails', async () => {
    await render(
      fakeAspmApi({
        getEntity: jest.fn(async () => paymentsApi),
        getEntityScorecard: jest.fn(async () => {
          throw new Error('scorecard down');
        }),
      }),
    );
    expect(
      await screen.findByText(
        /The scorecard could not be loaded: scorecard down/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Owned, tiered and exposure known'),
    ).toBeInTheDocument();
  });
});
