import { releaseOutcome } from './releaseOutcome';

describe('releaseOutcome', () => {
  it('passes first time when every gate passed or warned at attempt 1', () => {
    expect(
      releaseOutcome([
        { type: 'sast', outcome: 'pass', attempt: 1 },
        { type: 'sca', outcome: 'warn', attempt: 1 },
      ]),
    ).toEqual({ firstPass: true, outcome: 'passed', blockedBy: [] });
  });

  it('counts a failure re-run to a pass as passed after re-run', () => {
    expect(
      releaseOutcome([
        { type: 'sca', outcome: 'pass', attempt: 2 },
        { type: 'sca', outcome: 'fail', attempt: 1 },
        { type: 'sast', outcome: 'pass', attempt: 1 },
      ]),
    ).toEqual({
      firstPass: false,
      outcome: 'passed-after-rerun',
      blockedBy: [],
    });
  });

  it('is not first-pass when a passing gate was re-run anyway', () => {
    expect(
      releaseOutcome([
        { type: 'dast', outcome: 'pass', attempt: 1 },
        { type: 'dast', outcome: 'pass', attempt: 2 },
      ]).firstPass,
    ).toBe(false);
  });

  it('blocks on a gate whose last attempt failed, naming every root cause', () => {
    expect(
      releaseOutcome([
        { type: 'secrets', outcome: 'fail', attempt: 1 },
        { type: 'secrets', outcome: 'fail', attempt: 2 },
        { type: 'iac', outcome: 'fail', attempt: 1 },
        { type: 'sast', outcome: 'fail', attempt: 1 },
        { type: 'sast', outcome: 'pass', attempt: 2 },
      ]),
    ).toEqual({
      firstPass: false,
      outcome: 'blocked',
      blockedBy: ['iac', 'secrets'],
    });
  });

  it('calls a candidate without gates ungated', () => {
    expect(releaseOutcome([])).toEqual({
      firstPass: false,
      outcome: 'ungated',
      blockedBy: [],
    });
  });
});
