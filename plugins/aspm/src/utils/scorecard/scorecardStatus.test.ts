import {
  invoiceRenderer,
  paymentsApi,
  paymentsApiScorecard,
} from '../../__testUtils__/fixtures';
import { quietScorecardOf } from '../../__testUtils__/scorecardFixtures';
import { scorecardStatuses, worstScorecardStatus } from './scorecardStatus';

describe('scorecard status', () => {
  it('lists overdue work first, then what is due, below target or missing', () => {
    expect(scorecardStatuses(paymentsApiScorecard)).toEqual([
      {
        severity: 'error',
        message: '1 action overdue: Log4j remote code execution (Log4Shell)',
      },
      { severity: 'warning', message: '1 action due in the next 30 days' },
      { severity: 'warning', message: '2 metrics below target' },
      { severity: 'warning', message: 'Missing controls: release-evidence' },
    ]);
  });

  it('puts a catalog problem and overdue work before warnings', () => {
    expect(worstScorecardStatus(paymentsApi, paymentsApiScorecard)).toEqual({
      severity: 'error',
      message: '1 action overdue: Log4j remote code execution (Log4Shell)',
    });
    expect(
      worstScorecardStatus(
        invoiceRenderer,
        quietScorecardOf(paymentsApiScorecard),
      ).severity,
    ).toBe('error');
  });

  it('is ok when nothing is due', () => {
    const quiet = quietScorecardOf(paymentsApiScorecard);
    expect(worstScorecardStatus(paymentsApi, quiet)).toEqual({
      severity: 'ok',
      message: 'Nothing overdue or due in the next 30 days',
    });
    expect(worstScorecardStatus(paymentsApi).message).toBe(
      'Owned, tiered and exposure known',
    );
  });
});
