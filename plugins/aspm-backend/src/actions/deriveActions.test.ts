import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import {
  MetricsWorld,
  WorldEntity,
  WorldFinding,
} from '../metrics/MetricsWorld';
import { scopeContext } from '../metrics/scopeContext';
import { deriveActions } from './deriveActions';

const DAY = 86_400_000;
// A fixed clock: every deadline below is worked out from it by hand.
const now = Date.UTC(2026, 10, 24, 12);
const API = 'component:default/api';
const LIB = 'component:default/lib';

const entities: WorldEntity[] = [
  {
    entityRef: API,
    kind: 'component',
    type: 'service',
    tier: '1',
    exposure: 'internet',
    owned: true,
    team: 'group:default/team-a',
    hasRepository: true,
  },
  {
    entityRef: LIB,
    kind: 'component',
    type: 'library',
    owned: true,
    team: 'group:default/team-a',
    hasRepository: false,
  },
];

const finding = (
  id: number,
  entityRef: string,
  severity: WorldFinding['severity'],
  openDays: number,
  state = 'open',
): WorldFinding => ({
  id,
  entityRef,
  tool: 'trivy',
  title: `F${id}`,
  category: 'dependency',
  ruleId: `CVE-${id}`,
  cwes: [],
  severity,
  knownExploited: false,
  state,
  firstSeenAt: now - openDays * DAY,
  spellStart: now - openDays * DAY,
});

const world: MetricsWorld = {
  asOf: now,
  from: now - 90 * DAY,
  to: now + 1,
  entities,
  findings: [
    finding(1, API, 'critical', 10), // tier 1: 7 days -> 3 days overdue
    finding(2, API, 'high', 10), // tier 1: 30 days -> due in 20
    finding(3, API, 'medium', 10), // 90 days -> due in 80: later
    finding(4, API, 'critical', 30, 'accepted'), // under an exception
    finding(5, LIB, 'high', 45), // untiered: default 60 -> due in 15
  ],
  fixes: [],
  reopens: [],
  exceptions: [
    {
      id: 1,
      entityRef: API,
      category: 'platform-gap',
      approvedAt: now - 85 * DAY,
      expiresAt: now + 5 * DAY,
      reviewAt: now + 40 * DAY,
      hasCompensatingControl: true,
      source: 'manual',
    },
    {
      id: 2,
      entityRef: LIB,
      category: 'other',
      approvedAt: now - 20 * DAY,
      reviewAt: now - 1 * DAY,
      hasCompensatingControl: false,
      source: 'manual',
    },
  ],
  releases: [
    {
      id: 1,
      entityRef: API,
      version: '1.0.0',
      environment: 'production',
      releasedAt: now - 20 * DAY,
      gated: true,
      firstPass: true,
      failedFirst: [],
      evidenceComplete: true,
    },
    {
      id: 2,
      entityRef: API,
      version: '1.1.0',
      environment: 'production',
      releasedAt: now - 2 * DAY,
      gated: true,
      firstPass: true,
      failedFirst: [],
      evidenceComplete: false,
    },
    {
      id: 3,
      entityRef: API,
      version: '1.2.0-rc1',
      environment: 'staging',
      releasedAt: now - 1 * DAY,
      gated: true,
      firstPass: true,
      failedFirst: [],
      evidenceComplete: false,
    },
  ],
  secrets: [
    {
      findingId: 11,
      entityRef: API,
      title: 'AWS key',
      open: true,
      validity: 'active',
      detectedAt: now - 10 * DAY, // 7-day rotation SLA: 3 days overdue
    },
    {
      findingId: 12,
      entityRef: API,
      title: 'Rotated token',
      open: true,
      validity: 'active',
      detectedAt: now - 10 * DAY,
      rotatedAt: now - 9 * DAY,
    },
    {
      findingId: 13,
      entityRef: API,
      title: 'Dead key',
      open: true,
      validity: 'inactive',
      detectedAt: now - 10 * DAY,
    },
  ],
  scans: ['code', 'dependency', 'secret', 'container'].map(c => ({
    entityRef: API,
    tool: `scanner-${c}`,
    at: now - 3 * DAY,
    categories: [c as 'code'],
  })),
};

const ctx = scopeContext(world, 'org', {
  config: DEFAULT_METRICS_CONFIG,
  ownershipKinds: ['component'],
  rotationSlaDays: { default: 7 },
});

describe('deriveActions', () => {
  const actions = deriveActions(ctx, 30);

  it('lists overdue work first, then by deadline, then what has none', () => {
    expect(
      actions.map(a => [a.kind, a.target.id, a.overdue, a.daysLeft]),
    ).toEqual([
      ['finding-sla', '1', true, -3],
      ['secret-rotation', '11', true, -3],
      ['exception-review', '2', true, -1],
      ['exception-expiry', '1', false, 5],
      ['finding-sla', '5', false, 15],
      ['finding-sla', '2', false, 20],
      ['release-evidence', '2', false, undefined],
      ['missing-control', LIB, false, undefined],
      ['missing-control', LIB, false, undefined],
      ['missing-control', LIB, false, undefined],
      ['missing-control', LIB, false, undefined],
      ['missing-control', LIB, false, undefined],
    ]);
  });

  it('says what to do, with the deadline and the control`s how-to', () => {
    expect(actions[0]).toMatchObject({
      entityRef: API,
      title: 'F1',
      severity: 'critical',
      dueAt: new Date(now - 3 * DAY).toISOString(),
      action:
        'Past its 7-day SLA since 2026-11-21: fix it, or request an exception',
    });
    expect(actions[4].action).toBe(
      'Fix by 2026-12-09 (60-day SLA for a high on an untiered entity)',
    );
    // A library needs no container scan; its owner is resolved.
    expect(
      actions.filter(a => a.kind === 'missing-control').map(a => a.control),
    ).toEqual(['repository', 'sast', 'sca', 'secrets', 'release-evidence']);
    expect(actions[7].action).toMatch(/github.com\/project-slug/);
  });

  it('looks only as far as asked', () => {
    const week = deriveActions(ctx, 7);
    expect(week.filter(a => a.dueAt).map(a => a.target.id)).toEqual([
      '1',
      '11',
      '2',
      '1',
    ]);
  });

  it('keeps to the scope', () => {
    const lib = deriveActions(scopeContext(world, LIB, ctx), 30);
    expect(new Set(lib.map(a => a.entityRef))).toEqual(new Set([LIB]));
    expect(lib.map(a => a.kind)).toEqual([
      'exception-review',
      'finding-sla',
      ...Array(5).fill('missing-control'),
    ]);
  });
});
