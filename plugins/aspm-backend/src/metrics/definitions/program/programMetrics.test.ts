import {
  contextOf,
  endOf,
  entity,
  t,
  world,
} from '../../../__testUtils__/operatingWorld';
import { DEFAULT_METRICS_CONFIG } from '../../../config/readMetricsConfig';
import { MetricsWorld, NO_SIGNALS, WorldSignals } from '../../MetricsWorld';
import { METRIC_DEFINITIONS } from '../index';

/*
 * A hand-worked organisation. The window is September 2026 (from
 * 2026-09-01 to 2026-10-01), asOf the end of 2026-09-30. Every expected
 * number below is worked out in the comment next to it, not by the engine.
 */
const ASOF = endOf('2026-09-30');
const TIMES = { asOf: ASOF, from: t('2026-09-01'), to: t('2026-10-01') };

const A = 'component:default/a'; // tier 1, team-x, bu-1, golden path
const B = 'component:default/b'; // tier 2, team-y, bu-2
const C = 'component:default/c'; // tier 3, team-x, bu-1, no repository
const D = 'component:default/d'; // tier 1, team-y, bu-2, golden path

const entities = [
  entity(A, {
    tier: '1',
    team: 'group:default/team-x',
    businessUnit: 'group:default/bu-1',
    goldenPath: true,
  }),
  entity(B, {
    tier: '2',
    team: 'group:default/team-y',
    businessUnit: 'group:default/bu-2',
  }),
  entity(C, {
    tier: '3',
    team: 'group:default/team-x',
    businessUnit: 'group:default/bu-1',
    hasRepository: false,
  }),
  entity(D, {
    tier: '1',
    team: 'group:default/team-y',
    businessUnit: 'group:default/bu-2',
    goldenPath: true,
  }),
  entity('group:default/team-x', { kind: 'group' }),
];

const signals: WorldSignals = {
  reviews: [
    // answered in the window after 2 days
    {
      id: 1,
      entityRef: A,
      kind: 'threat-model',
      source: 'jira',
      requestedAt: t('2026-09-02'),
      firstResponseAt: t('2026-09-04'),
      completedAt: t('2026-09-20'),
    },
    // answered in the window after 6 days; completed design review on B
    {
      id: 2,
      entityRef: B,
      kind: 'design-review',
      source: 'jira',
      requestedAt: t('2026-09-10'),
      firstResponseAt: t('2026-09-16'),
      completedAt: t('2026-09-25'),
    },
    // answered before the window: not in the response time
    {
      id: 3,
      entityRef: D,
      kind: 'pentest',
      source: 'jira',
      requestedAt: t('2026-07-01'),
      firstResponseAt: t('2026-07-03'),
      completedAt: t('2026-07-30'),
    },
    // waiting since 2026-09-20 (11.0 days at the end of 09-30, one decimal)
    {
      id: 4,
      entityRef: D,
      kind: 'threat-model',
      source: 'jira',
      requestedAt: t('2026-09-20'),
    },
    // answered after asOf: still waiting at asOf (21.0 days)
    {
      id: 5,
      entityRef: C,
      kind: 'design-review',
      source: 'jira',
      requestedAt: t('2026-09-10'),
      firstResponseAt: t('2026-10-05'),
    },
  ],
  incidentActions: [
    // security-related, open, created 2026-09-10 (21.0 days), due 09-20: overdue
    {
      id: 1,
      incidentId: 'INC-1',
      title: 'rotate keys',
      severity: 'sev1',
      securityRelated: true,
      ownerEntityRef: A,
      createdAt: t('2026-09-10'),
      dueAt: t('2026-09-20'),
    },
    // security-related, open, created 2026-08-01 (61.0 days), not due
    {
      id: 2,
      incidentId: 'INC-1',
      title: 'add WAF rule',
      severity: 'sev1',
      securityRelated: true,
      ownerEntityRef: B,
      createdAt: t('2026-08-01'),
      dueAt: t('2026-12-01'),
    },
    // security-related, closed in the window after 4 days
    {
      id: 3,
      incidentId: 'INC-2',
      title: 'patch',
      severity: 'sev2',
      securityRelated: true,
      ownerEntityRef: A,
      createdAt: t('2026-09-05'),
      closedAt: t('2026-09-09'),
    },
    // not security-related: never counted
    {
      id: 4,
      incidentId: 'INC-3',
      title: 'disk full',
      severity: 'sev3',
      securityRelated: false,
      ownerEntityRef: A,
      createdAt: t('2026-09-01'),
    },
    // closed after asOf: open at asOf (created 2026-09-25: 6.0 days)
    {
      id: 5,
      incidentId: 'INC-2',
      title: 'review IAM',
      severity: 'sev2',
      securityRelated: true,
      ownerEntityRef: D,
      createdAt: t('2026-09-25'),
      closedAt: t('2026-10-10'),
    },
  ],
  deployments: [
    // production, in the window, controlled, lead 2 days, failed by a
    // control gap and restored 6 hours later (0.25 days)
    {
      id: 1,
      entityRef: A,
      environment: 'production',
      version: '1.0',
      source: 'ci',
      deployedAt: t('2026-09-03'),
      firstCommitAt: t('2026-09-01'),
      failedAt: t('2026-09-03T06:00:00Z'),
      causedByControlGap: true,
      restoredAt: t('2026-09-03T12:00:00Z'),
      usedReleaseControls: true,
    },
    // production, in the window, not controlled, lead 4 days, no failure
    {
      id: 2,
      entityRef: A,
      environment: 'production',
      version: '1.1',
      source: 'ci',
      deployedAt: t('2026-09-10'),
      firstCommitAt: t('2026-09-06'),
      causedByControlGap: false,
      usedReleaseControls: false,
    },
    // production, in the window, controlled, lead 10 days, failed (not a
    // gap), restored 2 days later (2 days)
    {
      id: 3,
      entityRef: B,
      environment: 'production',
      version: '2.0',
      source: 'ci',
      deployedAt: t('2026-09-20'),
      firstCommitAt: t('2026-09-10'),
      failedAt: t('2026-09-21'),
      causedByControlGap: false,
      restoredAt: t('2026-09-23'),
      usedReleaseControls: true,
    },
    // production, in the window, no first commit given, no failure
    {
      id: 4,
      entityRef: D,
      environment: 'production',
      version: '3.0',
      source: 'ci',
      deployedAt: t('2026-09-28'),
      causedByControlGap: false,
      usedReleaseControls: true,
    },
    // staging: not counted by DORA
    {
      id: 5,
      entityRef: D,
      environment: 'staging',
      version: '3.0',
      source: 'ci',
      deployedAt: t('2026-09-27'),
      firstCommitAt: t('2026-09-26'),
      failedAt: t('2026-09-27T01:00:00Z'),
      causedByControlGap: false,
      usedReleaseControls: false,
    },
    // production, before the window
    {
      id: 6,
      entityRef: B,
      environment: 'production',
      version: '1.9',
      source: 'ci',
      deployedAt: t('2026-08-20'),
      causedByControlGap: false,
      usedReleaseControls: true,
    },
  ],
  scorecards: [
    // A: every required check at 8 or more: protected
    {
      entityRef: A,
      at: t('2026-09-15'),
      checks: {
        'Branch-Protection': 8,
        'Token-Permissions': 10,
        'Dangerous-Workflow': 10,
        'Pinned-Dependencies': 9,
        'Code-Review': 0,
      },
    },
    // B: branch protection 3, token permissions inconclusive: not protected
    {
      entityRef: B,
      at: t('2026-09-15'),
      checks: {
        'Branch-Protection': 3,
        'Token-Permissions': -1,
        'Dangerous-Workflow': 10,
        'Pinned-Dependencies': 10,
      },
    },
    // D has no run; C has no repository (not privileged either: tier 3)
  ],
  exceptionDecisions: [
    // decided in the window after 1 and 3 days, one before it
    {
      id: 1,
      entityRef: A,
      category: 'platform-gap',
      requestedAt: t('2026-09-01'),
      decidedAt: t('2026-09-02'),
      outcome: 'approved',
    },
    {
      id: 2,
      entityRef: B,
      category: 'ownership',
      requestedAt: t('2026-09-05'),
      decidedAt: t('2026-09-08'),
      outcome: 'rejected',
    },
    {
      id: 3,
      entityRef: B,
      category: 'ownership',
      requestedAt: t('2026-08-01'),
      decidedAt: t('2026-08-20'),
      outcome: 'approved',
    },
  ],
};

const org = world(TIMES, { entities, signals });
const compute = (
  id: keyof typeof METRIC_DEFINITIONS,
  w: MetricsWorld = org,
  scope = 'org',
) => METRIC_DEFINITIONS[id].compute(contextOf(w, scope));

describe('program-signal metrics, hand-worked', () => {
  it('review_first_response_time: median of 2 and 6 days answered in the window', () => {
    const m = compute('review_first_response_time');
    expect(m.value).toBe(4);
    expect(m.denominator).toBe(2);
    expect(m.items.map(i => [i.id, i.value])).toEqual([
      ['2', 6],
      ['1', 2],
    ]);
    expect(
      m.segments.filter(s => s.dimension === 'businessUnit').map(s => s.value),
    ).toEqual([2, 6]);
  });

  it('reviews_waiting: a review answered after asOf still waits at asOf', () => {
    const m = compute('reviews_waiting');
    // #5 (C, since 09-10: 21.0 days) and #4 (D, since 09-20: 11.0 days)
    expect(m.value).toBe(2);
    expect(m.items.map(i => [i.id, i.value])).toEqual([
      ['5', 21],
      ['4', 11],
    ]);
    expect(m.details).toEqual({ oldestDays: 21, over5Days: 2, over14Days: 1 });
  });

  it('threat_model_coverage: tier-1 and tier-2 Components with a completed threat model or design review', () => {
    const m = compute('threat_model_coverage');
    // A (threat model, 09-20) and B (design review, 09-25) of A, B, D; D's
    // pentest does not count and its threat model is not completed.
    expect([m.numerator, m.denominator, m.value]).toEqual([2, 3, 0.6667]);
    expect(m.items.find(i => i.entityRef === D)?.inNumerator).toBe(false);
  });

  it('threat_model_coverage: a review older than reviewCoverageDays no longer covers', () => {
    const late = world(
      { asOf: endOf('2027-10-30'), from: t('2027-10-01'), to: t('2027-10-31') },
      { entities, signals },
    );
    expect(compute('threat_model_coverage', late).numerator).toBe(0);
  });

  it('incident_actions_aging: median age of open security follow-ups, overdue, time to close', () => {
    const m = compute('incident_actions_aging');
    // open at asOf: #1 (21 days), #2 (61 days), #5 (6 days; closed after asOf)
    expect(m.value).toBe(21);
    expect(m.details).toEqual({
      open: 3,
      overdue: 1,
      over30Days: 1,
      closedInWindow: 1,
      meanDaysToClose: 4,
      medianDaysToClose: 4,
    });
    expect(m.items.map(i => i.id)).toEqual(['2', '1', '5']);
  });

  it('repo_protection_coverage: every required check at the threshold, inconclusive fails, no run fails', () => {
    const m = compute('repo_protection_coverage');
    // privileged (tier 1-2 with a repository): A, B, D; only A is protected
    expect([m.numerator, m.denominator]).toEqual([1, 3]);
    const note = (ref: string) => m.items.find(i => i.entityRef === ref)?.note;
    expect(note(B)).toBe(
      'Branch-Protection 3/10, Token-Permissions inconclusive',
    );
    expect(note(D)).toBe('no OpenSSF Scorecard run in the last 90 days');
    // per check, over the two entities with a run
    const check = (key: string) =>
      m.segments.find(s => s.dimension === 'check' && s.key === key)?.value;
    expect(check('Branch-Protection')).toBe(0.5);
    expect(check('Dangerous-Workflow')).toBe(1);
  });

  it('golden_path_adoption: Components on a golden path', () => {
    const m = compute('golden_path_adoption');
    expect([m.numerator, m.denominator, m.value]).toEqual([2, 4, 0.5]);
    expect(
      m.segments.filter(s => s.dimension === 'team').map(s => s.value),
    ).toEqual([0.5, 0.5]);
  });

  it('exception_decision_time: median of 1 and 3 days decided in the window', () => {
    const m = compute('exception_decision_time');
    expect(m.value).toBe(2);
    expect(m.details).toEqual({ decided: 2, approved: 1, rejected: 1 });
  });

  it('deployment_frequency: production deploys per week, share with release controls', () => {
    const m = compute('deployment_frequency');
    // 4 production deploys in 30 days = 30 / 7 weeks: 4 / 4.2857 = 0.93
    expect(m.value).toBe(0.93);
    expect(m.details).toEqual({
      deploys: 4,
      weeks: 4.29,
      withReleaseControls: 3,
      releaseControlsShare: 0.75,
    });
  });

  it('lead_time_for_changes: median of 2, 4 and 10 days (a deploy without a first commit is left out)', () => {
    const m = compute('lead_time_for_changes');
    expect(m.value).toBe(4);
    expect(m.denominator).toBe(3);
  });

  it('change_failure_rate: failed production deploys, and the share caused by control gaps', () => {
    const m = compute('change_failure_rate');
    // #1 and #3 of 4; #1 was a control gap
    expect([m.numerator, m.denominator, m.value]).toEqual([2, 4, 0.5]);
    expect(m.details).toEqual({
      failures: 2,
      causedByControlGap: 1,
      controlGapShare: 0.5,
    });
  });

  it('time_to_restore: median of 0.25 and 2 days', () => {
    const m = compute('time_to_restore');
    expect(m.value).toBe(1.125);
    expect(m.items.map(i => i.note)).toEqual([
      'restored after 6 hours',
      'restored after 48 hours',
    ]);
  });

  it('cuts to a scope: team-x holds A and C only', () => {
    const team = 'group:default/team-x';
    expect(compute('change_failure_rate', org, team).denominator).toBe(2);
    expect(compute('reviews_waiting', org, team).value).toBe(1);
    expect(compute('golden_path_adoption', org, team).value).toBe(0.5);
    expect(compute('repo_protection_coverage', org, team).denominator).toBe(1);
  });

  it('answers no data, not zero, when nothing was reported', () => {
    const bare = world(TIMES, { entities, signals: NO_SIGNALS });
    for (const id of [
      'review_first_response_time',
      'incident_actions_aging',
      'exception_decision_time',
      'deployment_frequency',
      'lead_time_for_changes',
      'change_failure_rate',
      'time_to_restore',
    ] as const) {
      expect([id, compute(id, bare).value]).toEqual([id, null]);
    }
    expect(compute('reviews_waiting', bare).value).toBe(0);
    // A world built without signals at all counts the same.
    expect(
      compute('repo_protection_coverage', world(TIMES, { entities })).numerator,
    ).toBe(0);
  });

  it('reads the signals settings: production environments and the protection threshold', () => {
    const config = {
      ...DEFAULT_METRICS_CONFIG,
      signals: {
        ...DEFAULT_METRICS_CONFIG.signals,
        productionEnvironments: ['production', 'staging'],
        protectionThreshold: 3,
      },
    };
    const ctx = contextOf(org, 'org', config);
    // staging #5 counts now: 5 deploys, 3 failures
    expect(METRIC_DEFINITIONS.change_failure_rate.compute(ctx).value).toBe(0.6);
    // B's Branch-Protection 3 passes at 3, but Token-Permissions -1 does not
    expect(
      METRIC_DEFINITIONS.repo_protection_coverage.compute(ctx).numerator,
    ).toBe(1);
  });
});
