import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoGateTrend } from '../../__testUtils__/releaseFixtures';
import { GateTrendChart } from './GateTrendChart';

/** The body rows of a table, as the text of their cells. */
const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));

describe('GateTrendChart', () => {
  it('is an image summarising the totals for screen readers', async () => {
    await renderInTestApp(<GateTrendChart trend={demoGateTrend} />);
    expect(
      screen.getByRole('img', {
        name: 'Gate outcomes of the last 4 weeks: 11 release candidates, 7 passed first time, 2 passed after re-run, 2 blocked',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Gate outcomes by week' }),
    ).not.toBeInTheDocument();
  });

  it('shows the same numbers as a table', async () => {
    await renderInTestApp(<GateTrendChart trend={demoGateTrend} />);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show as table' }),
    );

    const table = screen.getByRole('table', { name: 'Gate outcomes by week' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Week of',
      'First pass',
      'Passed after re-run',
      'Blocked',
      'Total',
    ]);
    // The week's Monday is a UTC date, shown as such in any time zone.
    const monday = (day: string) =>
      new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
        dateStyle: 'medium',
        timeZone: 'UTC',
      });
    expect(rows(table)).toEqual([
      [monday('2026-02-09'), '2', '0', '0', '2'],
      [monday('2026-02-16'), '3', '1', '0', '4'],
      [monday('2026-02-23'), '1', '0', '2', '3'],
      [monday('2026-03-02'), '1', '1', '0', '2'],
      ['Total', '7', '2', '2', '11'],
    ]);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show as table' }),
    );
    expect(screen.getByRole('img')).toBeInTheDocument();
  });

  it('lists release blocks by root cause, most frequent first', async () => {
    await renderInTestApp(<GateTrendChart trend={demoGateTrend} />);
    const causes = screen.getByRole('list', {
      name: 'Release blocks by root cause:',
    });
    expect(
      within(causes)
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual(['SCA: 2', 'Secrets: 1']);
  });

  it('says when nothing was blocked or gated', async () => {
    await renderInTestApp(
      <GateTrendChart
        trend={{
          weeks: [
            {
              weekStart: '2026-03-02',
              firstPass: 0,
              passedAfterRerun: 0,
              blocked: 0,
            },
          ],
          blockedBy: {},
        }}
      />,
    );
    expect(
      screen.getByRole('img', {
        name: 'Gate outcomes of the last 1 week: no gated release candidates',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No release was blocked in these weeks.'),
    ).toBeInTheDocument();
  });
});
