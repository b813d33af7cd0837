/*
 * The entity and team scorecards on a small world whose answers are worked
 * out by hand below, at NOW = Friday 2026-11-20 12:00 UTC. Runs on every
 * database engine configured.
 *
 * Groups: bu-x (business unit) > team-a > team-b; bu-x > team-c.
 * Components (in the catalog since 2026-01-01):
 *   api   service, tier 1, internet, team-a, repository   (weights 3 x 2)
 *   web   website, tier 2, internal, team-b, repository   (weights 2 x 1)
 *   lib   library, untiered, exposure unknown, team-a, no repository (2 x 1.5)
 *   other service, tier 3, internal, team-c, repository   (1 x 1)
 * Findings (d = days before NOW):
 *   F1 api critical, seen 40 d, open            weight 60, SLA 7 d: due 33 d ago
 *   F2 api critical known exploited, seen 3 d   weight 120, due in 4 d
 *   F3 api high, seen 20 d                      weight 30, SLA 30 d: due in 10 d
 *   F4 api critical, seen 60 d, fixed 50 d, reopened 5 d: weight 60, due in 2 d
 *   F5 web critical, seen 15 d, accepted under E1 10 d ago
 *   F6 web high, seen 100 d                     weight 10, SLA 45 d: due 55 d ago
 *   F7 lib medium, seen 2 d                     weight 6
 *   F8 other critical, seen 9 d                 weight 10, SLA 30 d
 * System sys (tier 1, team-a) holds api and web.
 * Exceptions: E1 web, approved 10 d ago, expires in 20 d, review in 5 d,
 *   a compensating control; E2 api, approved 30 d ago, expires in 60 d.
 * Scans: api Semgrep, OSV-Scanner, gitleaks, Trivy 3 d ago; web Semgrep 40 d ago.
 * Releases: R1 api production 10 d ago, passed first time, evidence complete;
 *   R2 api production 4 d ago, sca failed then passed, evidence incomplete;
 *   R3 web staging 20 d ago, passed first time.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DIRECTOR_METRIC_IDS } from '@aspm/plugin-aspm-common';
import { DatabaseAspmStore } from '../database/DatabaseAspmStore';
import { DatabaseMetricsStore } from '../database/DatabaseMetricsStore';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { createTestDatabases } from '../__testUtils__/databases';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { AspmEntityRecord } from '../catalog/types';
import { MetricsService } from '../metrics/MetricsService';
import { CountingBasis } from '../metrics/countingBasis';
import { ScorecardService } from './ScorecardService';

const { databases, ids } = createTestDatabases('ScorecardService');

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const ago = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString();
const inDays = (d: number) => ago(-d);

const API = 'component:default/api';
const WEB = 'component:default/web';
const LIB = 'component:default/lib';
const OTHER = 'component:default/other';
const SYS = 'system:default/sys';
const BU = 'group:default/bu-x';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const TEAM_C = 'group:default/team-c';

const repo = (name: string) => ({
  slug: `acme/${name}`,
  url: `https://github.com/acme/${name}`,
  source: 'github.com/project-slug' as const,
});

function record(
  ref: string,
  patch: Partial<AspmEntityRecord>,
): AspmEntityRecord {
  const [kind, rest] = ref.split(':');
  return {
    entityRef: ref,
    kind,
    namespace: 'default',
    name: rest.split('/')[1],
    ownerResolution: 'group',
    ownerResolutionReason: 'owned by a Group',
    annotationProblems: [],
    businessUnit: BU,
    ...patch,
  };
}

const RECORDS: AspmEntityRecord[] = [
  record(BU, { owningTeam: BU, ownerRef: BU, title: 'Unit X' }),
  record(TEAM_A, {
    owningTeam: TEAM_A,
    ownerRef: TEAM_A,
    parentRef: BU,
    title: 'Team A',
  }),
  record(TEAM_B, { owningTeam: TEAM_B, ownerRef: TEAM_B, parentRef: TEAM_A }),
  record(TEAM_C, { owningTeam: TEAM_C, ownerRef: TEAM_C, parentRef: BU }),
  record(API, {
    type: 'service',
    title: 'API',
    tier: '1',
    exposure: 'internet',
    ownerRef: TEAM_A,
    owningTeam: TEAM_A,
    system: SYS,
    repository: repo('api'),
  }),
  record(WEB, {
    type: 'website',
    tier: '2',
    exposure: 'internal',
    ownerRef: TEAM_B,
    owningTeam: TEAM_B,
    system: SYS,
    repository: repo('web'),
  }),
  record(SYS, { tier: '1', ownerRef: TEAM_A, owningTeam: TEAM_A }),
  record(LIB, { type: 'library', ownerRef: TEAM_A, owningTeam: TEAM_A }),
  record(OTHER, {
    type: 'service',
    tier: '3',
    exposure: 'internal',
    ownerRef: TEAM_C,
    owningTeam: TEAM_C,
    repository: repo('other'),
  }),
];

type Event = [type: string, at: string, from?: string, to?: string];
const FINDINGS: Array<{
  id: number;
  entity: string;
  tool: string;
  category: string;
  severity: string;
  seen: string;
  kev?: boolean;
  state?: string;
  events: Event[];
}> = [
  f(1, API, 'Trivy', 'container', 'critical', 40),
  { ...f(2, API, 'Semgrep OSS', 'code', 'critical', 3), kev: true },
  f(3, API, 'OSV-Scanner', 'dependency', 'high', 20),
  {
    ...f(4, API, 'OSV-Scanner', 'dependency', 'critical', 60),
    events: [
      ['opened', ago(60)],
      ['fixed', ago(50)],
      ['reopened', ago(5)],
    ],
  },
  {
    ...f(5, WEB, 'Semgrep OSS', 'code', 'critical', 15),
    state: 'accepted',
    events: [
      ['opened', ago(15)],
      ['accepted', ago(10), 'open', '1'],
    ],
  },
  f(6, WEB, 'OSV-Scanner', 'dependency', 'high', 100),
  f(7, LIB, 'Semgrep OSS', 'code', 'medium', 2),
  f(8, OTHER, 'Trivy', 'container', 'critical', 9),
];

function f(
  id: number,
  entity: string,
  tool: string,
  category: string,
  severity: string,
  seenDaysAgo: number,
) {
  return {
    id,
    entity,
    tool,
    category,
    severity,
    seen: ago(seenDaysAgo),
    events: [['opened', ago(seenDaysAgo)]] as Event[],
  };
}

async function seed(knex: Knex, store: DatabaseAspmStore) {
  await store.replaceCatalogEntities(RECORDS, new Date(Date.UTC(2026, 0, 1)));
  for (const x of FINDINGS) {
    const fixed = x.events[x.events.length - 1][0] === 'fixed';
    await knex('aspm_findings').insert({
      id: x.id,
      entity_ref: x.entity,
      tool: x.tool,
      fingerprint: `fp-${x.id}`,
      category: x.category,
      rule_id: `rule-${x.id}`,
      title: `Finding ${x.id}`,
      severity: x.severity,
      known_exploited: Boolean(x.kev),
      state: x.state ?? (fixed ? 'fixed' : 'open'),
      base_state: fixed ? 'fixed' : 'open',
      first_seen_at: x.seen,
      last_seen_at: x.seen,
      properties: '{}',
      content_hash: `h${x.id}`,
    });
    await knex('aspm_finding_events').insert(
      x.events.map(([type, at, from, to]) => ({
        finding_id: x.id,
        type,
        at,
        from_value: from ?? null,
        to_value: to ?? (type === 'fixed' ? 'fixed' : 'open'),
      })),
    );
  }
  const scans: Array<[string, string, string, string]> = [
    [API, 'semgrep', 'Semgrep OSS', ago(3)],
    [API, 'osv-scanner', 'OSV-Scanner', ago(3)],
    [API, 'gitleaks', 'gitleaks', ago(3)],
    [API, 'trivy', 'Trivy', ago(3)],
    [WEB, 'semgrep', 'Semgrep OSS', ago(40)],
  ];
  for (const [entityRef, format, tool, at] of scans) {
    const [ingestion] = await knex('aspm_ingestions')
      .insert({
        source: 'push',
        status: 'succeeded',
        format,
        entity_ref: entityRef,
        received_at: at,
        tools: JSON.stringify([{ name: tool, scannedAt: at }]),
      })
      .returning('id');
    await knex('aspm_scans').insert({
      ingestion_id: typeof ingestion === 'object' ? ingestion.id : ingestion,
      entity_ref: entityRef,
      tool,
      scanned_at: at,
      content_hash: `hash-${entityRef}-${tool}`,
      finding_count: 0,
    });
  }
  const releases: Array<
    [
      number,
      string,
      string,
      string,
      number,
      Array<[string, number, string]>,
      boolean,
    ]
  > = [
    [1, API, '1.0.0', 'production', 10, [['sast', 1, 'pass']], true],
    [
      2,
      API,
      '1.1.0',
      'production',
      4,
      [
        ['sca', 1, 'fail'],
        ['sca', 2, 'pass'],
      ],
      false,
    ],
    [3, WEB, '2.0.0', 'staging', 20, [['sast', 1, 'pass']], false],
  ];
  for (const [
    id,
    entityRef,
    version,
    environment,
    d,
    gates,
    complete,
  ] of releases) {
    const firstPass = gates.every(([, a, o]) => a === 1 && o !== 'fail');
    await knex('aspm_releases').insert({
      id,
      entity_ref: entityRef,
      version,
      environment,
      released_at: ago(d),
      posted_by: 'external:ci',
      first_pass: firstPass,
      outcome: firstPass ? 'passed' : 'passed-after-rerun',
      evidence_complete: complete,
      checklist: '[]',
      created_at: ago(d),
      updated_at: ago(d),
    });
    await knex('aspm_release_gates').insert(
      gates.map(([type, attempt, outcome]) => ({
        release_id: id,
        type,
        attempt,
        outcome,
      })),
    );
  }
  const exceptions = [
    {
      id: 1,
      entity: WEB,
      approved: 10,
      expires: inDays(20),
      review: inDays(5),
      control: 'WAF rule on the vulnerable path',
    },
    { id: 2, entity: API, approved: 30, expires: inDays(60) },
  ];
  for (const x of exceptions) {
    await knex('aspm_exceptions').insert({
      id: x.id,
      entity_ref: x.entity,
      scope_type: 'entity',
      reason: 'test',
      category: 'platform-gap',
      status: 'approved',
      source: 'manual',
      requested_by: 'user:default/alice',
      requested_at: ago(x.approved + 1),
      review_at: x.review ?? null,
      compensating_control: x.control ?? null,
      updated_at: ago(x.approved),
    });
    await knex('aspm_exception_events').insert([
      {
        exception_id: x.id,
        type: 'requested',
        actor: 'user:default/alice',
        at: ago(x.approved + 1),
        to_status: 'requested',
      },
      {
        exception_id: x.id,
        type: 'approved',
        actor: 'user:default/niaj',
        at: ago(x.approved),
        to_status: 'approved',
        expires_at: x.expires,
      },
    ]);
  }
}

describe.each(ids)('ScorecardService on %s', databaseId => {
  let knex: Knex;
  let service: ScorecardService;
  let metrics: MetricsService;
  let snapshots: DatabaseSnapshotStore;
  let metricsStore: DatabaseMetricsStore;
  let store: DatabaseAspmStore;
  const settings = {
    config: DEFAULT_METRICS_CONFIG,
    ownershipKinds: ['Component'],
    rotationSlaDays: { default: 7 },
  };
  const options = { weeks: 3, withinDays: 30, limit: 10 };

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    store = await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await seed(knex, store);
    metricsStore = new DatabaseMetricsStore(knex);
    snapshots = new DatabaseSnapshotStore(knex);
    metrics = new MetricsService({ store: metricsStore, ...settings });
    service = new ScorecardService({
      store,
      metricsStore,
      metrics,
      snapshots,
      settings,
    });
  });

  afterAll(async () => {
    await knex.destroy();
  });

  describe('a tier-1 internet-facing service', () => {
    const entity = () => service.entity({ entityRef: API, ...options }, NOW);

    it('names the entity, its owner and unit, and the weight its tier and exposure imply', async () => {
      const card = await entity();
      expect(card.identity).toMatchObject({
        entityRef: API,
        ownerRef: TEAM_A,
        ownerResolution: 'group',
        businessUnit: BU,
      });
      expect(card.criticality).toMatchObject({
        tier: '1',
        exposure: 'internet',
        tierWeight: 3,
        exposureWeight: 2,
        multiplier: 6,
        criticalWeight: 60,
      });
    });

    it('ranks open findings by risk weight, equal weights by the earlier SLA deadline', async () => {
      const { topRisks } = await entity();
      expect(topRisks.total).toBe(4);
      expect(
        topRisks.items.map(r => [r.id, r.weight, r.daysLeft, r.overdue]),
      ).toEqual([
        [2, 120, 4, false],
        [1, 60, -33, true],
        [4, 60, 2, false], // the SLA clock restarts when it reopened
        [3, 30, 10, false],
      ]);
      expect(topRisks.items[1]).toMatchObject({
        tool: 'Trivy',
        ageDays: 40,
        slaDays: 7,
        dueAt: ago(33),
      });
      // Age counts from first seen, not from the reopen.
      expect(topRisks.items[2].ageDays).toBe(60);
      const limited = await service.entity(
        { entityRef: API, ...options, limit: 1 },
        NOW,
      );
      expect(limited.topRisks).toMatchObject({ total: 4, items: [{ id: 2 }] });
    });

    it('buckets criticals and highs by age, against the SLA, with a weekly open count', async () => {
      const { aging } = await entity();
      expect(aging.open).toEqual({ critical: [2, 1, 4], high: [3] });
      expect(aging.pastSla).toEqual({ critical: [1], high: [] });
      expect(aging.slaDays).toEqual({ '1': { critical: 7, high: 30 } });
      expect(
        aging.buckets.map(b => [
          b.label,
          b.critical.length,
          b.high.length,
          b.pastSla.length,
        ]),
      ).toEqual([
        ['0–7 days', 1, 0, 0],
        ['8–14 days', 0, 0, 0],
        ['15–30 days', 0, 1, 0],
        ['31–60 days', 2, 0, 1],
        ['61–90 days', 0, 0, 0],
        ['over 90 days', 0, 0, 0],
      ]);
      expect(aging.buckets[3]).toMatchObject({
        critical: [1, 4],
        pastSla: [1],
      });
      // Nov 8 (Sunday): F1, F3 open (F4 fixed then); Nov 15: F4 reopened
      // at noon; now: F2 too. F1 is past its SLA throughout.
      expect(
        aging.trend.map(p => [p.weekStart, p.critical, p.high, p.pastSla]),
      ).toEqual([
        ['2026-11-02', 1, 1, 1],
        ['2026-11-09', 2, 1, 1],
        ['2026-11-16', 3, 1, 1],
      ]);
      expect(aging.trend.map(p => p.partial)).toEqual([false, false, true]);
    });

    it('counts its exceptions and lists every baseline control present', async () => {
      const card = await entity();
      expect(card.exceptions).toEqual({
        active: 1,
        expiringSoon: 0,
        reviewDue: 0,
        withoutCompensatingControl: 1,
        withinDays: 30,
        ids: {
          active: [2],
          expiringSoon: [],
          reviewDue: [],
          withoutCompensatingControl: [2],
        },
      });
      expect(
        card.controls.map(c => [c.control, c.applicable, c.present]),
      ).toEqual([
        ['owner', 1, 1],
        ['repository', 1, 1],
        ['sast', 1, 1],
        ['sca', 1, 1],
        ['secrets', 1, 1],
        ['container', 1, 1],
        ['release-evidence', 1, 1],
      ]);
      // The snippets name the entity.
      expect(card.controls[2].snippet.text).toContain(`entityRef=${API}`);
    });

    it('answers the metrics GET /metrics gives for the entity', async () => {
      const card = await entity();
      const report = await metrics.report({ scope: API }, NOW);
      expect(card.metrics).toEqual(report.metrics);
      const backlog = card.metrics.find(
        m => m.id === 'risk_weighted_critical_backlog',
      );
      expect(backlog).toMatchObject({ value: 240, details: { count: 3 } });
    });

    it('derives the next 30 days` actions, overdue first', async () => {
      const { actions } = await entity();
      expect(actions.items.map(a => [a.kind, a.target.id, a.daysLeft])).toEqual(
        [
          ['finding-sla', '1', -33],
          ['finding-sla', '4', 2],
          ['finding-sla', '2', 4],
          ['finding-sla', '3', 10],
          ['release-evidence', '2', undefined],
        ],
      );
      expect(actions.counts).toEqual({
        'finding-sla': 4,
        'release-evidence': 1,
      });
    });
  });

  it('covers a System`s components, and refuses an entity the store has not seen', async () => {
    const system = await service.entity({ entityRef: SYS, ...options }, NOW);
    // api's four and web's F6; F5 is accepted.
    expect(system.topRisks.items.map(r => r.id)).toEqual([2, 1, 4, 3, 6]);
    expect(system.entityRefs).toEqual([API, WEB]);
    expect(system.criticality).toMatchObject({
      tier: '1',
      tierWeight: 3,
      exposureWeight: 1.5,
      multiplier: 4.5,
    });
    expect(system.controls.find(c => c.control === 'sast')).toMatchObject({
      applicable: 2,
      present: 1,
      missing: [WEB],
    });
    await expect(
      service.entity({ entityRef: 'component:default/nope', ...options }, NOW),
    ).rejects.toThrow(/No entity component:default\/nope/);
  });

  describe('a team with a sub-team', () => {
    const team = () => service.team({ group: TEAM_A, ...options }, NOW);

    it('lists its and its sub-team`s services, heaviest backlog first', async () => {
      const card = await team();
      expect(card.identity).toEqual({
        groupRef: TEAM_A,
        title: 'Team A',
        businessUnit: BU,
        teams: [TEAM_A, TEAM_B],
      });
      expect(card.entityRefs).toEqual([API, LIB, WEB, SYS]);
      expect(card.services).toEqual([
        {
          entityRef: API,
          title: 'API',
          type: 'service',
          owningTeam: TEAM_A,
          tier: '1',
          exposure: 'internet',
          weightedBacklog: 240,
          backlogFindingIds: [2, 1, 4],
          openCritical: 3,
          openHigh: 1,
          oldestCritical: { findingId: 4, title: 'Finding 4', ageDays: 60 },
          activeExceptions: 1,
          activeExceptionIds: [2],
          expiringExceptions: 0,
          coverageGaps: [],
          gatePassRate: 0.5,
          gateCandidates: 2,
          gateFirstPass: 1,
        },
        {
          entityRef: LIB,
          type: 'library',
          owningTeam: TEAM_A,
          weightedBacklog: 0,
          backlogFindingIds: [],
          openCritical: 0,
          openHigh: 0,
          activeExceptions: 0,
          activeExceptionIds: [],
          expiringExceptions: 0,
          coverageGaps: [
            'repository',
            'sast',
            'sca',
            'secrets',
            'release-evidence',
          ],
          gatePassRate: null,
          gateCandidates: 0,
          gateFirstPass: 0,
        },
        {
          entityRef: WEB,
          type: 'website',
          owningTeam: TEAM_B,
          tier: '2',
          exposure: 'internal',
          weightedBacklog: 0,
          backlogFindingIds: [],
          openCritical: 0,
          openHigh: 1,
          activeExceptions: 1,
          activeExceptionIds: [1],
          expiringExceptions: 1,
          // A staging release counts as a recorded release.
          coverageGaps: ['sast', 'sca', 'secrets'],
          gatePassRate: 1,
          gateCandidates: 1,
          gateFirstPass: 1,
        },
      ]);
    });

    it('rolls up top risks, exceptions, aging and controls over those services', async () => {
      const card = await team();
      expect(card.topRisks.total).toBe(6);
      expect(card.topRisks.items.map(r => r.id)).toEqual([2, 1, 4, 3, 6, 7]);
      expect(card.exceptions).toMatchObject({
        active: 2,
        expiringSoon: 1,
        reviewDue: 1,
        withoutCompensatingControl: 1,
        ids: {
          active: [1, 2],
          expiringSoon: [1],
          reviewDue: [1],
          withoutCompensatingControl: [2],
        },
      });
      expect(card.aging.open).toEqual({ critical: [2, 1, 4], high: [3, 6] });
      // Most overdue first: F6 was due 55 days ago, F1 33.
      expect(card.aging.pastSla).toEqual({ critical: [1], high: [6] });
      expect(card.aging.slaDays).toEqual({
        '1': { critical: 7, high: 30 },
        '2': { critical: 14, high: 45 },
        untiered: { critical: 30, high: 60 },
      });
      // Nov 8: F5 was open then (accepted on Nov 10), not past its 14 days.
      expect(card.aging.trend[0]).toMatchObject({
        critical: 2,
        high: 2,
        pastSla: 2,
      });
      const sast = card.controls.find(c => c.control === 'sast')!;
      expect(sast).toMatchObject({
        applicable: 3,
        present: 1,
        missing: [LIB, WEB],
      });
      expect(sast.snippet.text).toContain('<entity ref');
      const container = card.controls.find(c => c.control === 'container')!;
      expect(container).toMatchObject({ applicable: 1, present: 1 });
    });

    it('gives the team`s metrics with a weekly trend and its business unit`s median', async () => {
      const card = await team();
      const report = await metrics.report({ scope: TEAM_A }, NOW);
      expect(
        card.metrics.map(
          ({ trend, businessUnitMedian, businessUnitTeams, ...m }) => m,
        ),
      ).toEqual(report.metrics);
      // The program-signal metrics, as GET /metrics?set=program gives them.
      const program = await metrics.report(
        { scope: TEAM_A, set: 'program' },
        NOW,
      );
      expect(
        card.programMetrics!.map(
          ({ trend, businessUnitMedian, businessUnitTeams, ...m }) => m,
        ),
      ).toEqual(program.metrics);
      expect(card.programMetrics!.every(m => m.trend?.length === 3)).toBe(true);
      const backlog = card.metrics.find(
        m => m.id === 'risk_weighted_critical_backlog',
      )!;
      // Nov 8: F1 60 + F5 20 (open until accepted); Nov 15: F1 + F4; now
      // F1 + F2 + F4.
      expect(backlog.trend).toEqual([
        { asOf: '2026-11-08T23:59:59.999Z', value: 80, source: 'computed' },
        { asOf: '2026-11-15T23:59:59.999Z', value: 120, source: 'computed' },
        { asOf: NOW.toISOString(), value: 240, source: 'computed' },
      ]);
      // The same as the metric's own trend.
      const trend = await metrics.trend(
        'risk_weighted_critical_backlog',
        {
          scope: TEAM_A,
          from: '2026-11-06',
          to: '2026-11-20',
          interval: 'week',
        },
        NOW,
      );
      expect(trend.points.map(p => p.value)).toEqual([80, 120, 240]);
      // Unit X's teams: team-a 240, team-b 0 (F5 accepted), team-c 10.
      expect(card.businessUnit).toEqual({
        groupRef: BU,
        teams: [TEAM_A, TEAM_B, TEAM_C],
      });
      expect(backlog).toMatchObject({
        businessUnitMedian: 10,
        businessUnitTeams: 3,
      });
      expect(card.metrics.map(m => m.id)).toEqual([...DIRECTOR_METRIC_IDS]);
    });

    it('reads trend points from the daily snapshots where taken', async () => {
      const SNAPSHOT_VALUES: Record<string, number | null> = {
        mttr: null,
        reopen_rate: 0,
      };
      await snapshots.saveDay(
        '2026-11-08',
        { hash: 'scorecard-test', basis: {} as CountingBasis },
        DIRECTOR_METRIC_IDS.map(id => ({
          scope: TEAM_A,
          metricId: id,
          // Zero and nothing to measure are values too.
          value: id in SNAPSHOT_VALUES ? SNAPSHOT_VALUES[id] : 999,
          unit: 'count',
          itemCount: 0,
        })),
        NOW,
      );
      const card = await team();
      const backlog = card.metrics.find(
        m => m.id === 'risk_weighted_critical_backlog',
      )!;
      expect(backlog.trend!.map(p => [p.value, p.source])).toEqual([
        [999, 'snapshot'],
        [120, 'computed'],
        [240, 'computed'],
      ]);
      const first = (id: string) =>
        card.metrics.find(m => m.id === id)!.trend![0];
      expect(first('mttr')).toMatchObject({ value: null, source: 'snapshot' });
      expect(first('reopen_rate')).toMatchObject({
        value: 0,
        source: 'snapshot',
      });
    });

    it('refuses a group the store has not seen', async () => {
      await expect(
        service.team({ group: 'group:default/nobody', ...options }, NOW),
      ).rejects.toThrow(/No Group group:default\/nobody/);
      await expect(
        service.team({ group: API, ...options }, NOW),
      ).rejects.toThrow(/No Group/);
    });
  });
  describe('reading only the scope`s records', () => {
    it('loads a world with the scope`s findings, scans and releases only, and every entity', async () => {
      const window = {
        asOf: NOW,
        from: new Date(NOW.getTime() - 90 * DAY),
        to: NOW,
        lookBackDays: 90,
      };
      const [all, scoped] = await Promise.all([
        metricsStore.loadWorld(window),
        metricsStore.loadWorld({ ...window, scopes: [API] }),
      ]);
      expect(new Set(all.findings.map(x => x.entityRef)).size).toBeGreaterThan(
        1,
      );
      expect([...new Set(scoped.findings.map(x => x.entityRef))]).toEqual([
        API,
      ]);
      expect(scoped.findings).toEqual(
        all.findings.filter(x => x.entityRef === API),
      );
      // Scans and releases come in no promised order.
      const byKey = <T extends { entityRef: string }>(list: T[]) =>
        [...list].sort((a, b) =>
          JSON.stringify(a).localeCompare(JSON.stringify(b)),
        );
      expect(byKey(scoped.scans)).toEqual(
        byKey(all.scans.filter(x => x.entityRef === API)),
      );
      expect(scoped.scans.length).toBeGreaterThan(0);
      expect(byKey(scoped.releases)).toEqual(
        byKey(all.releases.filter(x => x.entityRef === API)),
      );
      expect(scoped.entities).toEqual(all.entities);
    });

    it('answers worlds asked for together as it answers each alone', async () => {
      const windows = [0, 12, 45].map((daysAgo, i) => ({
        asOf: new Date(NOW.getTime() - daysAgo * DAY),
        from: new Date(NOW.getTime() - (daysAgo + 30) * DAY),
        to: new Date(NOW.getTime() - daysAgo * DAY),
        lookBackDays: [90, 0, 30][i],
      }));
      const worldsStore = metricsStore;
      for (const scopes of [undefined, [SYS], [TEAM_A, `businessUnit:${BU}`]]) {
        // Asked in one tick: one shared read.
        const together = await Promise.all(
          windows.map(w => worldsStore.loadWorld({ ...w, scopes })),
        );
        const alone = [];
        for (const w of windows) {
          alone.push(await worldsStore.loadWorld({ ...w, scopes }));
        }
        expect(together).toEqual(alone);
      }
      // The windows differ, so the test can tell them apart.
      const [now, , earlier] = await Promise.all(
        windows.map(w => metricsStore.loadWorld(w)),
      );
      expect(now.findings.length).toBeGreaterThan(earlier.findings.length);
      expect(now.scans.length).not.toEqual(earlier.scans.length);
    });

    it('gives the same scorecards as a read of every record', async () => {
      // The same service over a store that ignores the scopes.
      const asked: Array<string[] | undefined> = [];
      const unscoped = new ScorecardService({
        store,
        metricsStore: {
          loadWorld: ({ scopes, ...rest }) => {
            asked.push(scopes);
            return metricsStore.loadWorld(rest);
          },
        },
        metrics,
        snapshots,
        settings,
      });
      for (const entityRef of [API, SYS, OTHER]) {
        expect(await service.entity({ entityRef, ...options }, NOW)).toEqual(
          await unscoped.entity({ entityRef, ...options }, NOW),
        );
      }
      for (const group of [TEAM_A, TEAM_C, BU]) {
        expect(await service.team({ group, ...options }, NOW)).toEqual(
          await unscoped.team({ group, ...options }, NOW),
        );
      }
      // The service did ask for scoped reads.
      expect(asked).toContainEqual([API]);
      expect(asked).toContainEqual([TEAM_A, `businessUnit:${BU}`]);
    });
  });
});
