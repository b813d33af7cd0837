/*
 * The director metrics on a small world whose answers are worked out by
 * hand below (not by calling the engine), at two dates: A = 2026-09-30 with
 * the September window, B = 2026-10-31 with the October window. Runs on
 * every database engine configured.
 *
 * Entities (from 2026-01-01):
 *   pay  tier 1, internet, service, owned by team-a (bu-x), repository
 *   web  tier 1, internal, website, owned by team-b (a sub-team of team-a)
 *   tool untiered, no exposure, unowned, bu-y, no repository
 *   old  tier 2, internet, service, owned by team-a, repository; leaves the
 *        catalog on 2026-10-15 (counts nowhere at B)
 * Findings (critical unless said):
 *   F1 pay, known exploited, first seen Aug 1, open
 *   F2 pay, EPSS 0.2, seen Sep 10, fixed Sep 20, reopened Oct 5, fixed Oct 9
 *   F3 web, seen Sep 1, under exception E1 from Sep 15, E1 expires Oct 10
 *   F4 tool, EPSS 0.05, seen Sep 5, open
 *   F5 old, seen Sep 1, open
 *   F6 pay, high until Oct 3, then critical, seen Aug 15, open
 *   F7 pay secret (active), seen Sep 25, rotated Oct 1 (tier-1 SLA 3 days)
 *   F8 web secret (validity unknown), seen Oct 2, never rotated
 *   F9 tool secret (inactive), seen Oct 10, rotated Oct 12 (SLA 7 days)
 *   F10 pay medium, seen Oct 1, fixed Oct 20
 *   F11 pay low container finding from Trivy, seen Sep 20, open
 */
import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseAspmStore } from '../database/DatabaseAspmStore';
import { DatabaseMetricsStore } from '../database/DatabaseMetricsStore';
import { createTestDatabases } from '../__testUtils__/databases';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { MetricsService } from './MetricsService';

const { databases, ids } = createTestDatabases('MetricsService');

const at = (month: number, day: number, hour = 12, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour, minute)).toISOString();
const NOW = new Date(at(11, 20));

const PAY = 'component:default/pay';
const WEB = 'component:default/web';
const TOOL = 'component:default/tool';
const OLD = 'component:default/old';

function entity(ref: string, patch: Record<string, unknown>) {
  const [kind, rest] = ref.split(':');
  return {
    entityRef: ref,
    kind,
    namespace: 'default',
    name: rest.split('/')[1],
    ownerResolution: 'group',
    annotationProblems: [],
    ...patch,
  };
}

const ENTITIES: Array<[Record<string, unknown>, string | null]> = [
  [
    entity(PAY, {
      type: 'service',
      tier: '1',
      exposure: 'internet',
      owningTeam: 'group:default/team-a',
      businessUnit: 'group:default/bu-x',
      repository: { slug: 'acme/pay', url: 'https://github.com/acme/pay' },
    }),
    null,
  ],
  [
    entity(WEB, {
      type: 'website',
      tier: '1',
      exposure: 'internal',
      owningTeam: 'group:default/team-b',
      businessUnit: 'group:default/bu-x',
      repository: { slug: 'acme/web', url: 'https://github.com/acme/web' },
    }),
    null,
  ],
  [
    entity(TOOL, {
      type: 'library',
      ownerResolution: 'missing',
      businessUnit: 'group:default/bu-y',
    }),
    null,
  ],
  [
    entity(OLD, {
      type: 'service',
      tier: '2',
      exposure: 'internet',
      owningTeam: 'group:default/team-a',
      businessUnit: 'group:default/bu-x',
      repository: { slug: 'acme/old', url: 'https://github.com/acme/old' },
    }),
    at(10, 15),
  ],
  [entity('group:default/bu-x', {}), null],
  [entity('group:default/team-a', { parentRef: 'group:default/bu-x' }), null],
  [entity('group:default/team-b', { parentRef: 'group:default/team-a' }), null],
];

type F = {
  id: number;
  entity: string;
  tool: string;
  category: string;
  severity: string;
  seen: string;
  epss?: number;
  kev?: boolean;
  properties?: Record<string, unknown>;
  events: Array<[string, string, string?, string?]>;
};

const FINDINGS: F[] = [
  {
    id: 1,
    entity: PAY,
    tool: 'OSV-Scanner',
    category: 'dependency',
    severity: 'critical',
    kev: true,
    seen: at(8, 1),
    events: [['opened', at(8, 1)]],
  },
  {
    id: 2,
    entity: PAY,
    tool: 'Semgrep OSS',
    category: 'code',
    severity: 'critical',
    epss: 0.2,
    seen: at(9, 10),
    events: [
      ['opened', at(9, 10)],
      ['fixed', at(9, 20)],
      ['reopened', at(10, 5)],
      ['fixed', at(10, 9)],
    ],
  },
  {
    id: 3,
    entity: WEB,
    tool: 'OSV-Scanner',
    category: 'dependency',
    severity: 'critical',
    seen: at(9, 1),
    events: [
      ['opened', at(9, 1)],
      ['accepted', at(9, 15), 'open', '1'],
      ['exception_ended', at(10, 11, 0, 15), '1', 'open'],
    ],
  },
  {
    id: 4,
    entity: TOOL,
    tool: 'Semgrep OSS',
    category: 'code',
    severity: 'critical',
    epss: 0.05,
    seen: at(9, 5),
    events: [['opened', at(9, 5)]],
  },
  {
    id: 5,
    entity: OLD,
    tool: 'OSV-Scanner',
    category: 'dependency',
    severity: 'critical',
    seen: at(9, 1),
    events: [['opened', at(9, 1)]],
  },
  {
    id: 6,
    entity: PAY,
    tool: 'Semgrep OSS',
    category: 'code',
    severity: 'critical',
    seen: at(8, 15),
    events: [
      ['opened', at(8, 15)],
      ['severity_changed', at(10, 3), 'high', 'critical'],
    ],
  },
  {
    id: 7,
    entity: PAY,
    tool: 'gitleaks',
    category: 'secret',
    severity: 'high',
    seen: at(9, 25),
    properties: { validity: 'active' },
    events: [['opened', at(9, 25)]],
  },
  {
    id: 8,
    entity: WEB,
    tool: 'gitleaks',
    category: 'secret',
    severity: 'high',
    seen: at(10, 2),
    events: [['opened', at(10, 2)]],
  },
  {
    id: 9,
    entity: TOOL,
    tool: 'gitleaks',
    category: 'secret',
    severity: 'high',
    seen: at(10, 10),
    properties: { validity: 'inactive' },
    events: [['opened', at(10, 10)]],
  },
  {
    id: 10,
    entity: PAY,
    tool: 'Semgrep OSS',
    category: 'code',
    severity: 'medium',
    seen: at(10, 1),
    events: [
      ['opened', at(10, 1)],
      ['fixed', at(10, 20)],
    ],
  },
  {
    id: 11,
    entity: PAY,
    tool: 'Trivy',
    category: 'container',
    severity: 'low',
    seen: at(9, 20),
    events: [['opened', at(9, 20)]],
  },
];

/** Scans (ingestions): entity, format, tool, time. */
const SCANS: Array<[string, string, string, string]> = [
  [PAY, 'semgrep', 'Semgrep OSS', at(9, 20)],
  [PAY, 'osv-scanner', 'OSV-Scanner', at(9, 20)],
  [PAY, 'gitleaks', 'gitleaks', at(9, 20)],
  [PAY, 'trivy', 'Trivy', at(9, 20)],
  [WEB, 'semgrep', 'Semgrep OSS', at(9, 25)],
  [PAY, 'semgrep', 'Semgrep OSS', at(10, 20)],
  [PAY, 'osv-scanner', 'OSV-Scanner', at(10, 20)],
  [PAY, 'gitleaks', 'gitleaks', at(10, 20)],
  [PAY, 'trivy', 'Trivy', at(10, 20)],
  [WEB, 'semgrep', 'Semgrep OSS', at(10, 25)],
  [WEB, 'osv-scanner', 'OSV-Scanner', at(10, 25)],
  [WEB, 'gitleaks', 'gitleaks', at(10, 25)],
];

/** Releases: id, entity, version, environment, time, gates, evidence complete. */
const RELEASES: Array<
  [
    number,
    string,
    string,
    string,
    string,
    Array<[string, number, string]>,
    boolean,
  ]
> = [
  [
    1,
    PAY,
    '1.0.0',
    'production',
    at(9, 5),
    [
      ['sast', 1, 'pass'],
      ['sca', 1, 'pass'],
    ],
    true,
  ],
  [
    2,
    PAY,
    '1.1.0',
    'production',
    at(9, 20),
    [
      ['sast', 1, 'fail'],
      ['sast', 2, 'pass'],
    ],
    false,
  ],
  [3, WEB, '2.0.0', 'staging', at(9, 25), [], false],
  [4, WEB, '2.1.0', 'production', at(10, 10), [['sca', 1, 'pass']], true],
  [5, OLD, '0.9.0', 'production', at(9, 12), [['secrets', 1, 'pass']], false],
];

/** Exceptions: id, entity, category, events [type, at, to_status, expires_at], review, control. */
const EXCEPTIONS: Array<{
  id: number;
  entity: string;
  category: string;
  review?: string;
  control?: string;
  events: Array<[string, string, string, string?]>;
}> = [
  {
    id: 1,
    entity: WEB,
    category: 'compensated',
    control: 'WAF rule blocks the vulnerable path',
    events: [
      ['requested', at(9, 14), 'requested'],
      ['approved', at(9, 15), 'approved', at(10, 10, 23, 59)],
      ['expired', at(10, 11, 0, 15), 'expired'],
    ],
  },
  {
    id: 2,
    entity: PAY,
    category: 'accepted-risk',
    review: at(12, 1),
    events: [
      ['requested', at(5, 30), 'requested'],
      ['approved', at(6, 1), 'approved'],
    ],
  },
  {
    id: 3,
    entity: TOOL,
    category: 'false-positive',
    events: [
      ['requested', at(9, 20), 'requested'],
      ['rejected', at(9, 21), 'rejected'],
    ],
  },
  {
    id: 4,
    entity: OLD,
    category: 'accepted-risk',
    events: [
      ['requested', at(8, 31), 'requested'],
      ['approved', at(9, 1), 'approved'],
    ],
  },
];

/** No demo release here is blocked: passed first time, after a re-run, or ungated. */
const outcomeOf = (gates: number, firstPass: boolean) => {
  if (!gates) return 'ungated';
  return firstPass ? 'passed' : 'passed-after-rerun';
};

async function seed(knex: Knex) {
  await knex('aspm_entity_history').insert(
    ENTITIES.map(([snapshot, gone]) => ({
      entity_ref: snapshot.entityRef,
      kind: snapshot.kind,
      valid_from: at(1, 1),
      valid_to: gone,
      snapshot: JSON.stringify(snapshot),
    })),
  );
  for (const f of FINDINGS) {
    const last = f.events[f.events.length - 1];
    await knex('aspm_findings').insert({
      id: f.id,
      entity_ref: f.entity,
      tool: f.tool,
      fingerprint: `fp-${f.id}`,
      category: f.category,
      rule_id: `rule-${f.id}`,
      title: `Finding ${f.id}`,
      severity: f.severity,
      epss: f.epss ?? null,
      known_exploited: Boolean(f.kev),
      state: last[0] === 'fixed' ? 'fixed' : 'open',
      base_state: last[0] === 'fixed' ? 'fixed' : 'open',
      first_seen_at: f.seen,
      last_seen_at: f.seen,
      properties: JSON.stringify(f.properties ?? {}),
      content_hash: `h${f.id}`,
    });
    await knex('aspm_finding_events').insert(
      f.events.map(([type, time, from, to]) => ({
        finding_id: f.id,
        type,
        at: time,
        from_value: from ?? null,
        to_value: to ?? (type === 'fixed' ? 'fixed' : 'open'),
      })),
    );
  }
  await knex('aspm_secret_rotations').insert([
    {
      finding_id: 7,
      rotated_at: at(10, 1),
      rotated_by: 'user:default/alice',
      recorded_at: at(10, 1),
    },
    {
      finding_id: 9,
      rotated_at: at(10, 12),
      rotated_by: 'user:default/bob',
      recorded_at: at(10, 12),
    },
  ]);
  for (const [entityRef, format, tool, time] of SCANS) {
    // Received a month later: coverage goes by when the scan was taken.
    const [ingestion] = await knex('aspm_ingestions')
      .insert({
        source: 'push',
        status: 'succeeded',
        format,
        entity_ref: entityRef,
        received_at: new Date(Date.parse(time) + 30 * 86_400_000).toISOString(),
        tools: JSON.stringify([{ name: tool, scannedAt: time }]),
      })
      .returning('id');
    await knex('aspm_scans').insert({
      ingestion_id: typeof ingestion === 'object' ? ingestion.id : ingestion,
      entity_ref: entityRef,
      tool,
      scanned_at: time,
      content_hash: `hash-${entityRef}-${tool}-${time}`,
      finding_count: 0,
    });
  }
  for (const [
    id,
    entityRef,
    version,
    environment,
    time,
    gates,
    complete,
  ] of RELEASES) {
    const firstPass =
      gates.length > 0 && gates.every(([, a, o]) => a === 1 && o !== 'fail');
    await knex('aspm_releases').insert({
      id,
      entity_ref: entityRef,
      version,
      environment,
      released_at: time,
      posted_by: 'external:ci',
      first_pass: firstPass,
      outcome: outcomeOf(gates.length, firstPass),
      evidence_complete: complete,
      checklist: '[]',
      created_at: time,
      updated_at: time,
    });
    for (const [type, attempt, outcome] of gates) {
      await knex('aspm_release_gates').insert({
        release_id: id,
        type,
        attempt,
        outcome,
      });
    }
  }
  for (const x of EXCEPTIONS) {
    const lastStatus = x.events[x.events.length - 1][2];
    await knex('aspm_exceptions').insert({
      id: x.id,
      entity_ref: x.entity,
      scope_type: 'entity',
      reason: 'test',
      category: x.category,
      status: lastStatus,
      source: 'manual',
      requested_by: 'user:default/alice',
      requested_at: x.events[0][1],
      review_at: x.review ?? null,
      compensating_control: x.control ?? null,
      updated_at: x.events[x.events.length - 1][1],
    });
    await knex('aspm_exception_events').insert(
      x.events.map(([type, time, status, expires]) => ({
        exception_id: x.id,
        type,
        actor: 'user:default/niaj',
        at: time,
        to_status: status,
        expires_at: expires ?? null,
      })),
    );
  }
}

describe.each(ids)('MetricsService on %s', databaseId => {
  let knex: Knex;
  let service: MetricsService;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await seed(knex);
    service = new MetricsService({
      store: new DatabaseMetricsStore(knex),
      config: DEFAULT_METRICS_CONFIG,
      ownershipKinds: ['Component'],
      rotationSlaDays: { default: 7, '1': 3 },
    });
  });

  afterAll(async () => {
    await knex.destroy();
  });

  const report = async (query: Record<string, string>) => {
    const r = await service.report(query, NOW);
    return Object.fromEntries(r.metrics.map(m => [m.id, m]));
  };
  /** One metric of the September window, with a page of its items. */
  const september = (id: string, limit: number) =>
    service.detail(id, { period: '2026-09', limit, offset: 0 }, NOW);

  it('answers every metric as of A (September)', async () => {
    const m = await report({ period: '2026-09' });
    // Coverage: pay has every control; web lacks sca and secrets scans.
    expect(m.tier1_coverage).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    // F1 10x2x3x2=120, F4 10x1x2x1.5=30, F5 10x1x2x2=40; F3 accepted,
    // F2 fixed, F6 still high.
    expect(m.risk_weighted_critical_backlog).toMatchObject({
      value: 190,
      details: { count: 3 },
    });
    // F1 only: Sep 30 23:59:59.999 - Aug 1 12:00 = 60.5 days.
    expect(m.critical_age_internet_tier1.value).toBe(60.5);
    // F2: Sep 10 -> Sep 20.
    expect(m.mttr).toMatchObject({ value: 10, numerator: 10, denominator: 1 });
    expect(m.reopen_rate).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    // R1, R2 (re-run), R5 gated; R3 ungated is not a candidate.
    expect(m.gate_pass_rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(m.gate_pass_rate.value).toBeCloseTo(2 / 3, 4);
    // E1 (15.5 days), E2 (121.5 days), E4 (29.5 days); E3 rejected.
    expect(m.exception_debt).toMatchObject({
      value: 3,
      details: {
        over30Days: 1,
        over90Days: 1,
        over180Days: 0,
        tier1: 2,
        withoutReviewDate: 2,
        withoutCompensatingControl: 2,
      },
    });
    // pay, web, old owned; tool not. Open criticals F1, F4, F5: 2 owned.
    expect(m.ownership_completeness).toMatchObject({
      value: 0.75,
      numerator: 3,
      denominator: 4,
      details: { openCriticalOwnedShare: 0.6667 },
    });
    // F7 not rotated by Sep 30; repositories pay, web, old.
    expect(m.secret_exposure_rate).toMatchObject({
      value: 33.33,
      numerator: 1,
      denominator: 3,
    });
    // F7's deadline Sep 28 12:00; rotated Oct 1 (after asOf): not on time.
    expect(m.secret_rotation_sla).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 1,
    });
    // Production R1 (complete), R2, R5.
    expect(m.evidence_completeness).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('answers every metric as of B (October): an expired exception, a gone entity, a severity change', async () => {
    const m = await report({ period: '2026-10' });
    expect(m.tier1_coverage).toMatchObject({ value: 1, numerator: 2 });
    // F1 120, F3 10x1x3x1=30 (its exception expired), F4 30, F6 10x1x3x2=60;
    // F5's entity is gone.
    expect(m.risk_weighted_critical_backlog).toMatchObject({
      value: 240,
      details: { count: 4 },
    });
    // F1 91.5 days, F6 77.5 days: median 84.5.
    expect(m.critical_age_internet_tier1.value).toBe(84.5);
    // F2 reopened Oct 5, fixed Oct 9: 4 days (F10 is medium).
    expect(m.mttr).toMatchObject({ value: 4, denominator: 1 });
    // One reopen (F2) over two fixes (F2, F10).
    expect(m.reopen_rate).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(m.gate_pass_rate).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
    // E1 expired Oct 10, E4's entity gone: E2 only, 152.5 days old.
    expect(m.exception_debt).toMatchObject({
      value: 1,
      details: { over90Days: 1, tier1: 1, withoutReviewDate: 0 },
    });
    expect(m.ownership_completeness).toMatchObject({
      numerator: 2,
      denominator: 3,
      details: { openCriticalOwnedShare: 0.75 },
    });
    // F8 exposed (unknown validity); F7, F9 rotated. Repositories pay, web.
    expect(m.secret_exposure_rate).toMatchObject({
      value: 50,
      numerator: 1,
      denominator: 2,
    });
    // F8 (deadline Oct 5, not rotated), F9 (deadline Oct 17, rotated Oct 12).
    expect(m.secret_rotation_sla).toMatchObject({
      value: 0.5,
      numerator: 1,
      denominator: 2,
    });
    expect(m.evidence_completeness).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
    });
  });

  it('says no data for a window without events', async () => {
    const m = await report({ period: '2026-07' });
    for (const id of [
      'mttr',
      'reopen_rate',
      'gate_pass_rate',
      'evidence_completeness',
      'secret_rotation_sla',
      'critical_age_internet_tier1',
    ]) {
      expect(m[id]).toMatchObject({ value: null, status: 'no-data' });
    }
  });

  it('judges status against targets and direction against the previous window', async () => {
    const m = await report({ period: '2026-09' });
    // August: F1 alone (120); September 190: worse, and no fixed target.
    expect(m.risk_weighted_critical_backlog).toMatchObject({
      previousValue: 120,
      direction: 'worsening',
      status: 'not-met',
    });
    expect(m.tier1_coverage.status).toBe('not-met');
    expect(m.mttr.status).toBe('not-met'); // 10 is not < 10
    expect(m.reopen_rate.status).toBe('met');
  });

  it('scopes to a team with its sub-teams, a business unit and an entity', async () => {
    const backlog = async (scope: string) =>
      (await report({ period: '2026-09', scope }))
        .risk_weighted_critical_backlog.value;
    expect(await backlog('group:default/team-a')).toBe(160); // F1 + F5
    expect(await backlog('group:default/team-b')).toBe(0); // F3 accepted
    expect(await backlog('businessUnit:bu-y')).toBe(30); // F4
    expect(await backlog(PAY)).toBe(120);
    await expect(report({ scope: 'not a scope' })).rejects.toThrow(/scope/);
  });

  it('lists the items behind each number: the counts match', async () => {
    const gate = await september('gate_pass_rate', 100);
    expect(gate.items.map(i => [i.id, i.inNumerator])).toEqual([
      ['1', true],
      ['5', true],
      ['2', false],
    ]);
    expect(gate.segments).toContainEqual(
      expect.objectContaining({ dimension: 'gate', key: 'sast', numerator: 2 }),
    );
    const backlog = await september('risk_weighted_critical_backlog', 2);
    expect(backlog.itemsTotal).toBe(3);
    expect(backlog.items.map(i => [i.id, i.value])).toEqual([
      ['1', 120],
      ['5', 40],
    ]);
    const coverage = await september('tier1_coverage', 10);
    expect(coverage.items.find(i => i.id === WEB)?.note).toBe(
      'missing: sca, secrets',
    );
    await expect(
      service.detail('nope', { limit: 1, offset: 0 }, NOW),
    ).rejects.toThrow(/No metric 'nope'/);
  });

  it('gives a monthly trend equal to the metric as of each month end', async () => {
    const trend = await service.trend(
      'risk_weighted_critical_backlog',
      { from: '2026-08-01', to: '2026-10-31', interval: 'month' },
      NOW,
    );
    expect(trend.points.map(p => [p.asOf.slice(0, 10), p.value])).toEqual([
      ['2026-08-31', 120],
      ['2026-09-30', 190],
      ['2026-10-31', 240],
    ]);
  });
});
