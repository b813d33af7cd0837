import {
  AspmEntity,
  EntityScorecard,
  MetricValue,
  ScorecardAging,
  ScorecardControl,
  ScorecardFinding,
  TeamScorecard,
  TeamScorecardService,
} from '@aspm/plugin-aspm-common';

const PAYMENTS = 'component:default/payments-api';
const INVOICES = 'component:default/invoice-renderer';
const TEAM = 'group:default/team-ledger';

/** The clock the scorecard fixtures were taken at. */
export const SCORECARD_NOW = '2026-03-02T12:00:00.000Z';

/** Log4Shell on payments-api (tier 1, internet): 10 x 2 x 3 x 2. */
export const log4shellRisk: ScorecardFinding = {
  id: 1,
  entityRef: PAYMENTS,
  title: 'Log4j remote code execution (Log4Shell)',
  severity: 'critical',
  tool: 'trivy',
  category: 'dependency',
  ruleId: 'CVE-2021-44228',
  knownExploited: true,
  epss: 0.975,
  weight: 120,
  firstSeenAt: '2026-02-20T08:00:00.000Z',
  ageDays: 10.2,
  slaDays: 7,
  dueAt: '2026-02-27T08:00:00.000Z',
  overdue: true,
  daysLeft: -4,
};

/** The SQL injection on payments-api: 5 x 1 x 3 x 2. */
export const sqlInjectionRisk: ScorecardFinding = {
  id: 2,
  entityRef: PAYMENTS,
  title: 'SQL injection',
  severity: 'high',
  tool: 'semgrep',
  category: 'code',
  ruleId: 'javascript.lang.security.sql-injection',
  knownExploited: false,
  weight: 30,
  firstSeenAt: '2026-02-25T12:00:00.000Z',
  ageDays: 6,
  slaDays: 30,
  dueAt: '2026-03-27T12:00:00.000Z',
  overdue: false,
  daysLeft: 25,
};

/** The low container finding: 1 x 1 x 3 x 2. */
export const containerLowRisk: ScorecardFinding = {
  id: 5,
  entityRef: PAYMENTS,
  title: 'busybox: out-of-bounds read',
  severity: 'low',
  tool: 'trivy',
  category: 'container',
  ruleId: 'CVE-2024-0001',
  knownExploited: false,
  weight: 6,
  firstSeenAt: '2026-03-01T00:00:00.000Z',
  ageDays: 1.5,
  slaDays: 180,
  dueAt: '2026-08-28T00:00:00.000Z',
  overdue: false,
  daysLeft: 178,
};

const emptyBucket = (minDays: number, maxDays?: number) => ({
  label:
    maxDays === undefined
      ? `over ${minDays - 1} days`
      : `${minDays}–${maxDays - 1} days`,
  minDays,
  ...(maxDays === undefined ? {} : { maxDays }),
  critical: [],
  high: [],
  pastSla: [],
});

const aging: ScorecardAging = {
  slaDays: { '1': { critical: 7, high: 30 } },
  open: { critical: [1], high: [2] },
  pastSla: { critical: [1], high: [] },
  buckets: [
    { ...emptyBucket(0, 8), high: [2] },
    { ...emptyBucket(8, 15), critical: [1], pastSla: [1] },
    emptyBucket(15, 31),
    emptyBucket(31, 61),
    emptyBucket(61, 91),
    emptyBucket(91),
  ],
  trend: [
    {
      weekStart: '2026-02-16',
      asOf: '2026-02-22T23:59:59.999Z',
      critical: 1,
      high: 0,
      pastSla: 0,
      partial: false,
    },
    {
      weekStart: '2026-02-23',
      asOf: '2026-03-01T23:59:59.999Z',
      critical: 1,
      high: 1,
      pastSla: 1,
      partial: false,
    },
    {
      weekStart: '2026-03-02',
      asOf: SCORECARD_NOW,
      critical: 1,
      high: 1,
      pastSla: 1,
      partial: true,
    },
  ],
};

const control = (
  name: string,
  title: string,
  missing: string[],
  applicable = 1,
): ScorecardControl => ({
  control: name,
  title,
  applicable,
  present: applicable - missing.length,
  missing,
  howTo: `How to add ${name}`,
  snippet:
    name === 'repository'
      ? {
          language: 'yaml',
          text: 'metadata:\n  annotations:\n    github.com/project-slug: <org>/<repository>',
        }
      : {
          language: 'shell',
          text: `curl -X POST "$ASPM_URL/api/aspm/releases" # ${name}`,
        },
});

const metric = (
  patch: Partial<MetricValue> & Pick<MetricValue, 'id' | 'title' | 'unit'>,
): MetricValue => ({
  value: null,
  status: 'no-data',
  itemKind: 'finding',
  itemCount: 0,
  ...patch,
});

/** Four of the director metrics of payments-api. */
export const paymentsApiMetrics: MetricValue[] = [
  metric({
    id: 'tier1_coverage',
    title: 'Tier-1 control coverage',
    unit: 'ratio',
    value: 0,
    numerator: 0,
    denominator: 1,
    target: { op: '>=', value: 0.95 },
    status: 'not-met',
    direction: 'flat',
    previousValue: 0,
    itemKind: 'entity',
    itemCount: 1,
  }),
  metric({
    id: 'risk_weighted_critical_backlog',
    title: 'Risk-weighted critical backlog',
    unit: 'points',
    value: 120,
    status: 'not-met',
    direction: 'worsening',
    previousValue: 60,
    details: { count: 1 },
    itemCount: 1,
  }),
  metric({
    id: 'critical_age_internet_tier1',
    title: 'Median age of open criticals (tier 1, internet-facing)',
    unit: 'days',
    value: 10.2,
    target: { op: '<', value: 14 },
    status: 'met',
    direction: 'worsening',
    previousValue: 3.2,
    itemCount: 1,
  }),
  metric({
    id: 'mttr',
    title: 'Mean time to remediate (critical)',
    unit: 'days',
    target: { op: '<', value: 10 },
  }),
];

const TIME = {
  asOf: SCORECARD_NOW,
  from: '2025-12-03T00:00:00.000Z',
  to: '2026-03-03T00:00:00.000Z',
};

/**
 * The Security tab of payments-api as the backend answers it, for its
 * entity record (`fixtures.paymentsApiScorecard` is this of `paymentsApi`).
 */
export const entityScorecardOf = (identity: AspmEntity): EntityScorecard => ({
  entityRef: PAYMENTS,
  time: TIME,
  identity,
  entityRefs: [PAYMENTS],
  criticality: {
    tier: '1',
    exposure: 'internet',
    tierWeight: 3,
    exposureWeight: 2,
    multiplier: 6,
    criticalWeight: 60,
    severityWeights: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
  },
  topRisks: {
    items: [log4shellRisk, sqlInjectionRisk, containerLowRisk],
    total: 3,
  },
  exceptions: {
    active: 1,
    expiringSoon: 1,
    reviewDue: 0,
    withoutCompensatingControl: 1,
    withinDays: 30,
    ids: {
      active: [7],
      expiringSoon: [7],
      reviewDue: [],
      withoutCompensatingControl: [7],
    },
  },
  aging,
  controls: [
    control('owner', 'Owner resolves to a team', []),
    control('repository', 'Repository annotation', []),
    control('sast', 'Code scan (SAST) within 30 days', []),
    control('release-evidence', 'Release recorded with gates and evidence', [
      PAYMENTS,
    ]),
  ],
  metrics: paymentsApiMetrics,
  actions: {
    withinDays: 30,
    items: [
      {
        kind: 'finding-sla',
        entityRef: PAYMENTS,
        title: log4shellRisk.title,
        action:
          'Past its 7-day SLA since 2026-02-27: fix it, or request an exception',
        dueAt: log4shellRisk.dueAt,
        overdue: true,
        daysLeft: -4,
        target: { kind: 'finding', id: '1' },
        severity: 'critical',
      },
      {
        kind: 'exception-expiry',
        entityRef: PAYMENTS,
        title: 'Exception #7 (platform-gap)',
        action:
          'Expires 2026-03-20: fix the findings it covers, or ask for a renewal',
        dueAt: '2026-03-20T00:00:00.000Z',
        overdue: false,
        daysLeft: 17,
        target: { kind: 'exception', id: '7' },
      },
      {
        kind: 'missing-control',
        entityRef: PAYMENTS,
        title: 'No release-evidence control',
        action: 'Post each release from CI with its gates and evidence',
        overdue: false,
        target: { kind: 'entity', id: PAYMENTS },
        control: 'release-evidence',
      },
    ],
    counts: { 'finding-sla': 1, 'exception-expiry': 1, 'missing-control': 1 },
  },
});

/** A scorecard with nothing to do: no findings, controls all present, no metric below target. */
export const quietScorecardOf = (card: EntityScorecard): EntityScorecard => ({
  ...card,
  topRisks: { items: [], total: 0 },
  exceptions: {
    active: 0,
    expiringSoon: 0,
    reviewDue: 0,
    withoutCompensatingControl: 0,
    withinDays: 30,
    ids: {
      active: [],
      expiringSoon: [],
      reviewDue: [],
      withoutCompensatingControl: [],
    },
  },
  aging: {
    ...aging,
    open: { critical: [], high: [] },
    pastSla: { critical: [], high: [] },
    buckets: aging.buckets.map(b => ({
      ...b,
      critical: [],
      high: [],
      pastSla: [],
    })),
  },
  controls: card.controls.map(c => ({
    ...c,
    present: c.applicable,
    missing: [],
  })),
  metrics: card.metrics.filter(m => m.status !== 'not-met'),
  actions: { withinDays: 30, items: [], counts: {} },
});

const service = (
  patch: Partial<TeamScorecardService> &
    Pick<TeamScorecardService, 'entityRef'>,
): TeamScorecardService => ({
  weightedBacklog: 0,
  backlogFindingIds: [],
  openCritical: 0,
  openHigh: 0,
  activeExceptions: 0,
  activeExceptionIds: [],
  expiringExceptions: 0,
  coverageGaps: [],
  gatePassRate: null,
  gateCandidates: 0,
  gateFirstPass: 0,
  ...patch,
});

/** The services of team-ledger: payments-api and invoice-renderer. */
export const ledgerServices: TeamScorecardService[] = [
  service({
    entityRef: PAYMENTS,
    title: 'Payments API',
    type: 'service',
    owningTeam: TEAM,
    tier: '1',
    exposure: 'internet',
    weightedBacklog: 120,
    backlogFindingIds: [1],
    openCritical: 1,
    openHigh: 1,
    oldestCritical: { findingId: 1, title: log4shellRisk.title, ageDays: 10.2 },
    activeExceptions: 1,
    activeExceptionIds: [7],
    expiringExceptions: 1,
    coverageGaps: ['release-evidence'],
    gatePassRate: 0.5,
    gateCandidates: 4,
    gateFirstPass: 2,
  }),
  service({
    entityRef: INVOICES,
    title: 'Invoice Renderer',
    type: 'service',
    owningTeam: 'group:default/team-ledger-sub',
    weightedBacklog: 0,
    openHigh: 2,
    coverageGaps: ['owner', 'repository', 'sast'],
    gatePassRate: 1,
    gateCandidates: 3,
    gateFirstPass: 3,
  }),
];

const teamSections = entityScorecardOf({} as AspmEntity);

/** The scorecard of team-ledger, as the backend answers it. */
export const ledgerTeamScorecard: TeamScorecard = {
  groupRef: TEAM,
  time: TIME,
  identity: {
    groupRef: TEAM,
    title: 'Ledger',
    businessUnit: 'group:default/payments-bu',
    teams: [TEAM, 'group:default/team-ledger-sub'],
  },
  entityRefs: [INVOICES, PAYMENTS],
  services: ledgerServices,
  topRisks: teamSections.topRisks,
  exceptions: teamSections.exceptions,
  aging: teamSections.aging,
  controls: teamSections.controls.map(c => ({
    ...c,
    applicable: 2,
    present: 2 - c.missing.length - (c.control === 'sast' ? 1 : 0),
    missing: c.control === 'sast' ? [INVOICES] : c.missing,
  })),
  metrics: paymentsApiMetrics.map(m => ({
    ...m,
    trend: [
      {
        asOf: '2026-02-22T23:59:59.999Z',
        value: m.value === null ? null : m.value / 2,
        source: 'snapshot' as const,
      },
      { asOf: SCORECARD_NOW, value: m.value, source: 'computed' as const },
    ],
    businessUnitMedian:
      m.id === 'risk_weighted_critical_backlog' ? 40 : m.value,
    businessUnitTeams: 3,
  })),
  businessUnit: {
    groupRef: 'group:default/payments-bu',
    teams: [TEAM, 'group:default/team-checkout', 'group:default/team-fraud'],
  },
  actions: teamSections.actions,
};
