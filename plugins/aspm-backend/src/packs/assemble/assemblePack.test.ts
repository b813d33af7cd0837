import {
  DIRECTOR_METRIC_IDS,
  PackAudience,
  PROGRAM_METRIC_IDS,
} from '@aspm/plugin-aspm-common';
import { NO_SIGNALS } from '../../metrics/MetricsWorld';
import { DEFAULT_METRICS_CONFIG } from '../../config/readMetricsConfig';
import { MetricsService } from '../../metrics/MetricsService';
import { MetricsWorld, WorldRelease } from '../../metrics/MetricsWorld';
import {
  endOf,
  entity,
  finding,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { detailFacts } from '../facts/detailFacts';
import { MetricValueOf } from '../facts/MetricValueOf';
import { trendFacts } from '../facts/trendFacts';
import { packCsv } from '../exports/packCsv';
import { packMarkdown } from '../exports/packMarkdown';
import { assemblePack } from './assemblePack';
import { PackInput } from './PackContext';

const settings = {
  config: DEFAULT_METRICS_CONFIG,
  ownershipKinds: ['component'],
  rotationSlaDays: { default: 7 },
};
const metrics = new MetricsService({ store: {} as any, ...settings });
const valueOf: MetricValueOf = (id, ctx, prev) =>
  metrics.value(id, ctx, prev).value;

const PAY = 'group:default/payments-bu';
const COM = 'group:default/commerce-bu';
const CHECKOUT = 'group:default/team-checkout';
const SEARCH = 'group:default/team-search';

/** Two business units, a team each, three services; the catalog as of any date. */
const entities = [
  entity(PAY, { kind: 'group', title: 'Payments' }),
  entity(COM, { kind: 'group', title: 'Commerce' }),
  entity(CHECKOUT, {
    kind: 'group',
    title: 'Checkout',
    parentRef: PAY,
    businessUnit: PAY,
  }),
  entity(SEARCH, {
    kind: 'group',
    title: '=Search, Discovery',
    parentRef: COM,
    businessUnit: COM,
  }),
  entity('system:default/payments', {
    title: 'Payments Platform',
    domain: 'domain:default/money',
  }),
  entity('domain:default/money', { title: 'Money' }),
  ...['payments-api', 'ledger'].map(name =>
    entity(`component:default/${name}`, {
      title: name,
      tier: '1',
      exposure: 'internet',
      team: CHECKOUT,
      businessUnit: PAY,
      system: 'system:default/payments',
      domain: 'domain:default/money',
      type: 'service',
    }),
  ),
  entity('component:default/search-api', {
    title: 'search-api',
    tier: '2',
    exposure: 'internal',
    team: SEARCH,
    businessUnit: COM,
    type: 'service',
  }),
];

const release = (
  id: number,
  entityRef: string,
  at: string,
  failedFirst: string[],
): WorldRelease => ({
  id,
  entityRef,
  version: `1.${id}`,
  environment: 'production',
  releasedAt: t(at),
  gated: true,
  firstPass: failedFirst.length === 0,
  failedFirst,
  evidenceComplete: failedFirst.length === 0,
});

/** The month of `from` as a world: findings opened by then, the month's releases. */
function monthWorld(
  from: string,
  to: string,
  lastDay: string,
  extra: Partial<MetricsWorld> = {},
) {
  return world(
    { asOf: endOf(lastDay), from: t(from), to: t(to) },
    { entities, ...extra },
  );
}

const october = monthWorld('2026-10-01', '2026-11-01', '2026-10-31', {
  findings: [finding(1, 'component:default/payments-api', '2026-09-01')],
  releases: [release(1, 'component:default/payments-api', '2026-10-10', [])],
});
const november = monthWorld('2026-11-01', '2026-12-01', '2026-11-30', {
  findings: [
    finding(1, 'component:default/payments-api', '2026-09-01'),
    finding(2, 'component:default/ledger', '2026-11-05'),
    finding(3, 'component:default/search-api', '2026-11-06'),
  ],
  exceptions: [
    {
      id: 7,
      entityRef: 'component:default/ledger',
      category: 'platform-gap',
      approvedAt: t('2026-07-01'),
      hasCompensatingControl: false,
      source: 'portal',
    },
  ],
  releases: [
    release(2, 'component:default/payments-api', '2026-11-10', ['sca']),
    release(3, 'component:default/search-api', '2026-11-12', []),
  ],
  // One production deploy in November, failed through a control gap.
  signals: {
    ...NO_SIGNALS,
    deployments: [
      {
        id: 1,
        entityRef: 'component:default/payments-api',
        environment: 'production',
        version: '2.0',
        source: 'ci',
        deployedAt: t('2026-11-10T12:00:00Z'),
        failedAt: t('2026-11-10T13:00:00Z'),
        causedByControlGap: true,
        restoredAt: t('2026-11-10T19:00:00Z'),
        usedReleaseControls: true,
      },
    ],
  },
});
const september = monthWorld('2026-09-01', '2026-10-01', '2026-09-30');

function packInput(
  audience: PackAudience,
  scope = 'org',
  current: MetricsWorld = november,
): PackInput {
  const trend = [
    trendFacts({
      period: '2026-10',
      world: october,
      previous: september,
      settings,
      valueOf,
    }),
    trendFacts({
      period: '2026-11',
      world: current,
      previous: october,
      settings,
      valueOf,
    }),
  ];
  const detail = detailFacts({
    period: '2026-11',
    world: current,
    previous: october,
    slaWorld: current,
    settings,
    valueOf,
    releaseBlocks: { org: { blocked: 1, byRootCause: { sca: 1 } } },
    intake: new Map([
      ['component:default/ledger', { received: 10, duplicate: 2, new: 3 }],
    ]),
  });
  return {
    audience,
    scope,
    period: {
      id: '2026-11',
      kind: 'month',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      asOf: '2026-11-30T23:59:59.999Z',
      state: 'closed',
      frozenAt: '2026-12-02T00:00:00.000Z',
    },
    previous: { period: '2026-10', available: true },
    yearAgo: { period: '2025-11', available: false },
    trend,
    detail,
    asks: [],
    canEdit: false,
    generatedAt: '2026-12-03T08:00:00.000Z',
  };
}

const blocksOf = (pack: ReturnType<typeof assemblePack>, section: string) =>
  Object.fromEntries(
    pack.sections
      .find(s => s.id === section)!
      .blocks.map(b => [b.id, b as any]),
  );

describe('assemblePack', () => {
  it('builds pack A: narrative from the facts, scorecard with trend and units, drill-down tables', () => {
    const pack = assemblePack(packInput('leadership'));
    expect(pack.title).toBe(
      'Security review: platform and product leadership, November 2026',
    );
    expect(pack.businessUnits.map(b => b.title)).toEqual([
      'Commerce',
      'Payments',
    ]);
    const summary = blocksOf(pack, 'summary');
    expect(summary.narrative.trend).toBe('worsening');
    const backlog = summary.narrative.items.find(
      (i: any) => i.id === 'risk_weighted_critical_backlog',
    );
    // 60 (tier 1, internet: 10 x 3 x 2) became 60 + 60 + 20 (tier 2, internal).
    expect(backlog.whatChanged).toContain('rose from 60 points to 140 points');
    expect(backlog.why).toContain(
      'the business units Payments (60 points to 120 points) and Commerce (0 points to 20 points)',
    );
    expect(backlog.why).toContain('findings from codeql (+80 points)');

    const scorecard = blocksOf(pack, 'metrics').scorecard;
    expect(scorecard.metrics.map((m: any) => m.id)).toEqual([
      ...DIRECTOR_METRIC_IDS,
    ]);
    const b = scorecard.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(b).toMatchObject({
      value: 140,
      previousValue: 60,
      direction: 'worsening',
      status: 'not-met',
    });
    expect(b.yearAgoValue).toBeUndefined();
    expect(b.points.map((p: any) => [p.period, p.value])).toEqual([
      ['2026-10', 60],
      ['2026-11', 140],
    ]);
    expect(
      b.byBusinessUnit.map((u: any) => [u.title, u.points[1].value]),
    ).toEqual([
      ['Commerce', 20],
      ['Payments', 120],
    ]);
    const drill = blocksOf(pack, 'metrics')['scorecard-drilldown'];
    const payments = drill.rows.find((r: any) => r.cells.name === 'Payments');
    expect(payments.cells.risk_weighted_critical_backlog).toBe(120);
    expect(payments.children[0].cells.name).toBe('Checkout');
    expect(payments.children[0].children.map((r: any) => r.entityRef)).toEqual([
      'component:default/ledger',
      'component:default/payments-api',
    ]);

    const risks = blocksOf(pack, 'risks');
    expect(risks['product-lines'].rows[0]).toMatchObject({
      level: 'domain',
      cells: { name: 'Money', weight: 120, findings: 2 },
    });
    expect(risks['product-lines'].rows[0].children[0].cells.name).toBe(
      'Payments Platform',
    );
    expect(risks['exceptions-missing'].rows).toHaveLength(1);
    expect(risks['exceptions-missing'].rows[0].cells).toMatchObject({
      id: '#7',
      missing: 'compensating control, review date',
    });
    expect(risks['gate-failures'].rows[0]).toMatchObject({
      cells: { name: 'SCA gate', blocked: 1, failedFirst: 1, share: 0.5 },
    });
    const execution = blocksOf(pack, 'execution');
    expect(
      execution['execution-figures'].items.find((f: any) => f.id === 'opened')
        .value,
    ).toBe(2);
  });

  it('tells a new source of findings from a change in security (counting-change guard)', () => {
    const trivy = {
      ...november,
      findings: november.findings.map(f =>
        f.id === 2 ? { ...f, tool: 'trivy' } : f,
      ),
    };
    const pack = assemblePack(packInput('leadership', 'org', trivy));
    const backlog = blocksOf(pack, 'summary').narrative.items.find(
      (i: any) => i.id === 'risk_weighted_critical_backlog',
    );
    expect(backlog.tone).toBe('counting');
    expect(backlog.why).toBe(
      'Most of the change is counting, not security: trivy started reporting (on 1 entity) (effect +60 points); counted the old way it is 80 points.',
    );
    const b = blocksOf(pack, 'metrics').scorecard.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(b.points[1].countingChanges).toEqual([
      expect.objectContaining({
        kind: 'sources',
        valueWithoutChange: 80,
        effect: 60,
      }),
    ]);
    // The board reads the same change without the tool's name.
    const board = packMarkdown(assemblePack(packInput('board', 'org', trivy)));
    expect(board).not.toContain('trivy');
    expect(board).toContain('additional security checks began reporting');
  });

  it('scopes to a business unit: its numbers, teams at the top of the drill-down', () => {
    const pack = assemblePack(packInput('leadership', `businessUnit:${COM}`));
    expect(pack.scopeTitle).toBe('Commerce');
    const b = blocksOf(pack, 'metrics').scorecard.metrics.find(
      (m: any) => m.id === 'risk_weighted_critical_backlog',
    );
    expect(b.value).toBe(20);
    expect(b.byBusinessUnit).toEqual([]);
    const drill = blocksOf(pack, 'metrics')['scorecard-drilldown'];
    expect(drill.rows.map((r: any) => [r.level, r.cells.name])).toEqual([
      ['team', '=Search, Discovery'],
    ]);
  });

  it('is a function of its facts: frozen (JSON) facts give the same pack', () => {
    const input = packInput('managers');
    const frozen = JSON.parse(JSON.stringify(input));
    expect(assemblePack(frozen)).toEqual(assemblePack(input));
  });

  it('shows a saved narrative with its author and keeps the draft', () => {
    const input = packInput('leadership');
    input.saved = {
      scope: 'org',
      period: '2026-11',
      audience: 'leadership',
      revision: 3,
      headline: 'Edited headline',
      items: [{ whatChanged: 'A', why: 'B', decision: 'C', metricIds: [] }],
      author: 'user:default/rosa',
      savedAt: '2026-12-02T10:00:00.000Z',
    };
    const narrative = blocksOf(assemblePack(input), 'summary').narrative;
    expect(narrative).toMatchObject({
      headline: 'Edited headline',
      items: [
        {
          id: 'saved-1',
          whatChanged: 'A',
          why: 'B',
          decision: 'C',
          tone: 'flat',
        },
      ],
      decisions: ['C'],
      saved: { author: 'user:default/rosa', revision: 3 },
    });
    expect(narrative.draft.items.length).toBeGreaterThan(0);
  });
});

describe('pack exports', () => {
  it('writes Markdown with every section, the scorecard and drill-down rows', () => {
    const pack = assemblePack(packInput('leadership'));
    const md = packMarkdown(pack);
    expect(md).toMatch(
      /^# Security review: platform and product leadership, November 2026\n/,
    );
    expect(md).toContain('closed, numbers frozen 2026-12-02');
    for (const [i, s] of pack.sections.entries())
      expect(md).toContain(`## ${i + 1}. ${s.title}`);
    expect(md).toContain(`**${blocksOf(pack, 'summary').narrative.headline}**`);
    expect(md).toContain(
      '| Risk-weighted critical backlog | 140 points | must not worsen | not met | worsening | 60 points | ▁█ |',
    );
    expect(md).toContain('| ↳ ↳ ledger |');
    expect(md).toContain('**Decision needed:**');
  });

  it("shows seed 001's four panels in packs A and B with every program-signal metric, trended", () => {
    for (const audience of ['leadership', 'managers'] as const) {
      const pack = assemblePack(packInput(audience));
      const panels = pack.sections.find(s => s.id === 'program-panels')!;
      expect(panels.blocks.map(b => (b as any).title)).toEqual([
        'Coverage',
        'Exposure',
        'Responsiveness',
        'Delivery trust',
      ]);
      const ids = panels.blocks.flatMap(b =>
        (b as any).metrics.map((m: any) => m.id),
      );
      for (const id of PROGRAM_METRIC_IDS) expect(ids).toContain(id);
      const byId = Object.fromEntries(
        panels.blocks
          .flatMap(b => (b as any).metrics)
          .map((m: any) => [m.id, m]),
      );
      // The November deploy: 1 of 1 failed; restored after 6 hours.
      expect(byId.change_failure_rate.value).toBe(1);
      expect(byId.time_to_restore.value).toBe(0.25);
      expect(byId.change_failure_rate.title).toBe('Change failure rate');
      // Trended like the ten: October had no deploy (no data), November one.
      expect(byId.change_failure_rate.points.map((p: any) => p.value)).toEqual([
        null,
        1,
      ]);
    }
    const board = assemblePack(packInput('board'));
    expect(board.sections.map(s => s.id)).not.toContain('program-panels');
  });

  it('writes the board pack without tool names', () => {
    const md = packMarkdown(assemblePack(packInput('board')));
    expect(md).toContain('# Security posture: board report, November 2026');
    expect(md).toContain('Serious unresolved security weaknesses');
    for (const word of ['trivy', 'codeql', 'SCA', 'gate', 'CWE']) {
      expect({ word, found: md.includes(word) }).toEqual({
        word,
        found: false,
      });
    }
  });

  it('writes CSV: the scorecard by scope, business unit, team and service; any table; values escaped', () => {
    const pack = assemblePack(packInput('leadership'));
    const lines = packCsv(pack).trim().split('\r\n');
    expect(lines.filter(l => l.startsWith('scope,'))).toHaveLength(11);
    expect(lines).toContain(
      'scope,Organisation,org,risk_weighted_critical_backlog,Risk-weighted critical backlog,points,140,not-met,,worsening,60,',
    );
    expect(lines).toContain(
      'businessUnit,Payments,group:default/payments-bu,risk_weighted_critical_backlog,Risk-weighted critical backlog,points,120,not-met,,,,',
    );
    // A title with a comma is quoted; one starting like a formula is defused.
    expect(
      lines.some(l => l.startsWith('team,"Commerce / =Search, Discovery",')),
    ).toBe(true);
    const drill = packCsv(pack, 'scorecard-drilldown').split('\r\n');
    expect(
      drill.some(l =>
        l.startsWith(
          `team,"Commerce / =Search, Discovery",${SEARCH},"'=Search, Discovery",`,
        ),
      ),
    ).toBe(true);

    const trend = packCsv(pack, 'trend').trim().split('\r\n');
    expect(trend[0]).toBe(
      'scope,metric_id,metric,unit,period,value,status,counting_changes',
    );
    expect(trend).toContain(
      // September had the catalog but no findings: October's first codeql finding is a new source.
      'org,risk_weighted_critical_backlog,Risk-weighted critical backlog,points,2026-10,60,not-met,codeql started reporting (on 1 entity)',
    );
    const debt = packCsv(pack, 'exception-debt').trim().split('\r\n');
    expect(debt[0]).toBe(
      'level,path,entity_ref,Business unit / team / service,Active,Over 90 days,No compensating control,No review date,platform-gap',
    );
    expect(debt[1]).toBe(
      'businessUnit,Payments,group:default/payments-bu,Payments,1,1,1,1,1',
    );
    expect(() => packCsv(pack, 'nope')).toThrow(
      /scorecard, trend, scorecard-drilldown/,
    );
  });
});
