import {
  DIRECTOR_METRIC_IDS,
  DirectorPack,
  PackAudience,
  PackMetric,
} from '@aspm/plugin-aspm-common';

const PAY = 'group:default/payments-bu';
const COM = 'group:default/commerce-bu';

/** A metric of the fixture pack: on target and flat, unless patched. */
function metric(id: string, patch: Partial<PackMetric> = {}): PackMetric {
  return {
    id,
    title: id.replace(/_/g, ' '),
    description: `What ${id} means`,
    unit: 'ratio',
    value: 0.9,
    target: { op: '>=', value: 0.8 },
    status: 'met',
    direction: 'flat',
    previousValue: 0.9,
    higherIsBetter: true,
    points: [
      { period: '2026-09', value: 0.9 },
      { period: '2026-10', value: 0.9 },
      { period: '2026-11', value: 0.9 },
    ],
    byBusinessUnit: [],
    ...patch,
  };
}

const backlog = metric('risk_weighted_critical_backlog', {
  title: 'Risk-weighted critical backlog',
  unit: 'points',
  value: 640,
  previousValue: 540,
  target: undefined,
  status: 'not-met',
  direction: 'worsening',
  higherIsBetter: false,
  points: [
    { period: '2026-09', value: 500 },
    {
      period: '2026-10',
      value: 540,
      countingChanges: [
        {
          kind: 'sources',
          description: 'grype started reporting (on 3 entities)',
          valueWithoutChange: 500,
          effect: 40,
        },
      ],
    },
    { period: '2026-11', value: 640 },
  ],
  byBusinessUnit: [
    {
      key: COM,
      title: 'Commerce',
      points: [
        { period: '2026-09', value: 200 },
        { period: '2026-10', value: 240 },
        { period: '2026-11', value: 240 },
      ],
    },
    {
      key: PAY,
      title: 'Payments',
      points: [
        { period: '2026-09', value: 300 },
        { period: '2026-10', value: 300 },
        { period: '2026-11', value: 400 },
      ],
    },
  ],
});

/** A pack with one block of every kind, as the backend answers it. */
export function demoPack(
  patch: Partial<DirectorPack> = {},
  audience: PackAudience = 'leadership',
): DirectorPack {
  const metrics = DIRECTOR_METRIC_IDS.map(id =>
    id === backlog.id ? backlog : metric(id),
  );
  return {
    audience,
    title: 'Security review: platform and product leadership, November 2026',
    scope: 'org',
    scopeTitle: 'Organisation',
    businessUnits: [
      { ref: COM, title: 'Commerce' },
      { ref: PAY, title: 'Payments' },
    ],
    period: {
      id: '2026-11',
      kind: 'month',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      asOf: '2026-11-30T23:59:59.999Z',
      state: 'closed',
      frozenAt: '2026-12-02T06:00:00.000Z',
    },
    previous: { period: '2026-10', available: true },
    yearAgo: { period: '2025-11', available: false },
    generatedAt: '2026-12-03T08:00:00.000Z',
    canEdit: false,
    sections: [
      {
        id: 'summary',
        title: 'Executive summary',
        blocks: [
          {
            kind: 'narrative',
            id: 'narrative',
            trend: 'worsening',
            headline: 'Risk is worsening for the organisation in November 2026',
            items: [
              {
                id: 'risk_weighted_critical_backlog',
                metricIds: ['risk_weighted_critical_backlog'],
                tone: 'worsening',
                whatChanged: 'The backlog rose from 540 points to 640 points.',
                why: 'Driven mostly by the business unit Payments (300 to 400 points).',
                decision:
                  'Decide whether Identity gets dedicated remediation capacity.',
              },
            ],
            decisions: [
              'Decide whether Identity gets dedicated remediation capacity.',
            ],
            draft: {
              headline: 'Generated headline',
              items: [
                {
                  id: 'steady',
                  metricIds: [],
                  tone: 'flat',
                  whatChanged: 'Generated item',
                  why: 'Generated why',
                },
              ],
            },
          },
          {
            kind: 'figures',
            id: 'summary-figures',
            items: [
              {
                id: 'on-target',
                label: 'Metrics on target',
                value: 9,
                unit: 'count',
                note: 'of 11 measured',
              },
            ],
          },
        ],
      },
      {
        id: 'metrics',
        title: 'Core metrics',
        blocks: [
          { kind: 'scorecard', id: 'scorecard', metrics },
          {
            kind: 'table',
            id: 'scorecard-drilldown',
            title: 'The metrics by business unit, team and service',
            columns: [
              {
                key: 'name',
                label: 'Business unit / team / service',
                type: 'entity',
              },
              {
                key: 'risk_weighted_critical_backlog',
                label: 'Risk-weighted critical backlog',
                type: 'points',
                statusKey: 'risk_weighted_critical_backlog.status',
              },
            ],
            rows: [
              {
                id: PAY,
                level: 'businessUnit',
                entityRef: PAY,
                cells: {
                  name: 'Payments',
                  risk_weighted_critical_backlog: 400,
                  'risk_weighted_critical_backlog.status': 'not-met',
                },
                children: [
                  {
                    id: 'payments/team-checkout',
                    level: 'team',
                    entityRef: 'group:default/team-checkout',
                    cells: {
                      name: 'Checkout',
                      risk_weighted_critical_backlog: 400,
                    },
                    children: [
                      {
                        id: 'component:default/payments-api',
                        level: 'entity',
                        entityRef: 'component:default/payments-api',
                        cells: {
                          name: 'Payments API',
                          risk_weighted_critical_backlog: 400,
                        },
                      },
                    ],
                  },
                ],
              },
              {
                id: COM,
                level: 'businessUnit',
                entityRef: COM,
                cells: {
                  name: 'Commerce',
                  risk_weighted_critical_backlog: 240,
                },
              },
            ],
            emptyText: 'No services in this scope.',
          },
        ],
      },
      {
        id: 'risks',
        title: 'Top risks and exceptions',
        blocks: [
          {
            kind: 'table',
            id: 'exceptions-missing',
            title: 'Exceptions without compensating control or review date',
            columns: [{ key: 'name', label: 'Service', type: 'entity' }],
            rows: [],
            emptyText:
              'Every active exception has a compensating control and a review date.',
          },
        ],
      },
      {
        id: 'execution',
        title: 'Program execution',
        blocks: [
          {
            kind: 'text',
            id: 'progress',
            title: 'Progress',
            items: [
              { title: 'Time to fix', text: 'Improved from 18 to 10 days.' },
            ],
            emptyText: 'Nothing improved.',
          },
        ],
      },
      {
        id: 'asks',
        title: 'Strategic asks',
        blocks: [
          {
            kind: 'asks',
            id: 'asks',
            items: [
              {
                id: 4,
                scope: 'org',
                kind: 'platform',
                title: 'Make SCA a paved-road default',
                detail: 'In the service template',
                metricIds: ['tier1_coverage'],
                raisedIn: '2026-10',
                raisedBy: 'user:default/rosa',
                raisedAt: '2026-11-02T10:00:00.000Z',
                status: 'open',
                updatedBy: 'user:default/rosa',
                updatedAt: '2026-11-02T10:00:00.000Z',
                carried: true,
                metrics: [
                  {
                    id: 'tier1_coverage',
                    title: 'tier1 coverage',
                    value: 0.9,
                    unit: 'ratio',
                    status: 'met',
                  },
                ],
              },
            ],
            emptyText: 'No strategic asks for this scope.',
          },
        ],
      },
    ],
    ...patch,
  };
}
