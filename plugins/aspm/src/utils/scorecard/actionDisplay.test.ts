import { SecurityAction } from '@aspm/plugin-aspm-common';
import { actionDueText, actionKindLabel } from './actionDisplay';

const action = (patch: Partial<SecurityAction>): SecurityAction => ({
  kind: 'finding-sla',
  entityRef: 'component:default/api',
  title: 'F1',
  action: 'Fix it',
  overdue: false,
  target: { kind: 'finding', id: '1' },
  ...patch,
});

describe('actionDueText', () => {
  it('says how late or how soon, with the date', () => {
    expect(
      actionDueText(
        action({ dueAt: '2026-02-27T08:00:00Z', daysLeft: -4, overdue: true }),
        'en-GB',
      ),
    ).toBe('Overdue by 4 days (27 Feb 2026)');
    expect(
      actionDueText(
        action({ dueAt: '2026-03-03T08:00:00Z', daysLeft: 1 }),
        'en-GB',
      ),
    ).toBe('Due in 1 day (3 Mar 2026)');
    expect(
      actionDueText(
        action({ dueAt: '2026-03-02T20:00:00Z', daysLeft: 0 }),
        'en-GB',
      ),
    ).toBe('Due today (2 Mar 2026)');
    expect(actionDueText(action({ kind: 'missing-control' }))).toBe(
      'No deadline',
    );
  });

  it('names each kind', () => {
    expect(actionKindLabel('secret-rotation')).toBe('Secret rotation');
    expect(actionKindLabel('missing-control')).toBe('Missing control');
  });
});
