import { weekStartOf, weeklyGateTrend } from './weeklyGateTrend';

const at = (s: string) => new Date(s);

describe('weekStartOf', () => {
  it('is the Monday 00:00 UTC of the week', () => {
    expect(weekStartOf(at('2026-11-23T10:00:00Z')).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    ); // a Monday
    expect(weekStartOf(at('2026-11-29T23:59:59Z')).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    ); // the Sunday after
    expect(weekStartOf(at('2026-11-22T23:59:59Z')).toISOString()).toBe(
      '2026-11-16T00:00:00.000Z',
    );
  });
});

describe('weeklyGateTrend', () => {
  const now = at('2026-11-25T12:00:00Z');

  it('counts outcomes per week, oldest first, with empty weeks, and blocks by root cause', () => {
    const trend = weeklyGateTrend(
      [
        {
          releasedAt: at('2026-11-24T09:00:00Z'),
          outcome: 'passed',
          blockedBy: [],
        },
        {
          releasedAt: at('2026-11-23T09:00:00Z'),
          outcome: 'blocked',
          blockedBy: ['sca', 'iac'],
        },
        {
          releasedAt: at('2026-11-10T09:00:00Z'),
          outcome: 'passed-after-rerun',
          blockedBy: [],
        },
        {
          releasedAt: at('2026-11-11T09:00:00Z'),
          outcome: 'blocked',
          blockedBy: ['sca'],
        },
        {
          releasedAt: at('2026-11-12T09:00:00Z'),
          outcome: 'ungated',
          blockedBy: [],
        },
        // Before the window: left out.
        {
          releasedAt: at('2026-11-01T09:00:00Z'),
          outcome: 'blocked',
          blockedBy: ['dast'],
        },
      ],
      now,
      3,
    );
    expect(trend.weeks).toEqual([
      {
        weekStart: '2026-11-09',
        firstPass: 0,
        passedAfterRerun: 1,
        blocked: 1,
      },
      {
        weekStart: '2026-11-16',
        firstPass: 0,
        passedAfterRerun: 0,
        blocked: 0,
      },
      {
        weekStart: '2026-11-23',
        firstPass: 1,
        passedAfterRerun: 0,
        blocked: 1,
      },
    ]);
    expect(trend.blockedBy).toEqual({ sca: 2, iac: 1 });
  });
});
