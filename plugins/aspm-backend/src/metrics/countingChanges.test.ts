import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { basisHash, countingBasis } from './countingBasis';
import { countingChangeEffects } from './countingChangeEffects';
import { countingChanges } from './countingChanges';
import { MetricsWorld, WorldEntity, WorldFinding } from './MetricsWorld';
import { MetricSettings } from './scopeContext';

const DAY = 86_400_000;
const asOf = Date.UTC(2026, 9, 31, 23, 59, 59, 999);

const settings: MetricSettings = {
  config: DEFAULT_METRICS_CONFIG,
  ownershipKinds: ['component'],
  rotationSlaDays: { default: 7 },
};

const entity = (
  name: string,
  more: Partial<WorldEntity> = {},
): WorldEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  type: 'service',
  owned: true,
  team: 'group:default/team-a',
  businessUnit: 'group:default/bu',
  hasRepository: true,
  ...more,
});

const critical = (
  id: number,
  name: string,
  tool: string,
  more: Partial<WorldFinding> = {},
): WorldFinding => ({
  id,
  entityRef: `component:default/${name}`,
  tool,
  title: `finding ${id}`,
  category: 'dependency',
  ruleId: `CVE-${id}`,
  cwes: [],
  severity: 'critical',
  knownExploited: false,
  state: 'open',
  firstSeenAt: asOf - 10 * DAY,
  spellStart: asOf - 10 * DAY,
  ...more,
});

const world = (
  entities: WorldEntity[],
  findings: WorldFinding[],
): MetricsWorld => ({
  asOf,
  from: asOf + 1 - 90 * DAY,
  to: asOf + 1,
  entities,
  findings,
  fixes: [],
  reopens: [],
  exceptions: [],
  releases: [],
  secrets: [],
  scans: [],
});

describe('counting changes', () => {
  // Weights by hand: critical 10 x exploitability 1 x tier x exposure.
  // api: internet (2); worker: exposure unknown (1.5).
  const before = world(
    [
      entity('api', { exposure: 'internet' }),
      entity('worker'),
      entity('other', { team: 'group:default/team-b', tier: '3' }),
    ],
    [critical(1, 'api', 'trivy'), critical(2, 'worker', 'trivy')],
  );

  it('sees no change between equal bases, and the same hash', () => {
    const a = countingBasis(before, settings);
    const b = countingBasis(
      world(
        before.entities.map(e => ({ ...e })),
        [...before.findings],
      ),
      settings,
    );
    expect(basisHash(a)).toBe(basisHash(b));
    expect(countingChanges(a, b, 'org')).toEqual([]);
  });

  it('names a tier annotation added and measures what it moved', () => {
    const after = world(
      [
        entity('api', { exposure: 'internet', tier: '1' }),
        entity('worker', { tier: '1' }),
        before.entities[2],
      ],
      before.findings,
    );
    const changes = countingChanges(
      countingBasis(before, settings),
      countingBasis(after, settings),
      'org',
    );
    expect(changes.map(c => c.description)).toEqual([
      'tier changed on 2 entities (none → 1: 2)',
    ]);
    const [effect] = countingChangeEffects(
      'risk_weighted_critical_backlog',
      changes,
      after,
      settings,
      'org',
    );
    // Now: api 10x1x3x2 = 60, worker 10x1x3x1.5 = 45 -> 105.
    // Untiered (weight 2): api 40, worker 30 -> 70.
    expect(effect).toEqual({
      kind: 'entities',
      description: 'tier changed on 2 entities (none → 1: 2)',
      valueWithoutChange: 70,
      effect: 35,
    });
  });

  it('names a new scanner and measures the findings it brought', () => {
    const after = world(before.entities, [
      ...before.findings,
      critical(3, 'api', 'grype'),
      critical(4, 'other', 'grype'),
    ]);
    const changes = countingChanges(
      countingBasis(before, settings),
      countingBasis(after, settings),
      'org',
    );
    expect(changes.map(c => c.description)).toEqual([
      'grype started reporting (on 2 entities)',
    ]);
    const [effect] = countingChangeEffects(
      'risk_weighted_critical_backlog',
      changes,
      after,
      settings,
      'org',
    );
    // grype: api 10x1x2x2 = 40; other tier 3, unknown exposure 10x1x1x1.5 = 15.
    expect(effect.valueWithoutChange).toBe(70);
    expect(effect.effect).toBe(55);
  });

  it('keeps to the scope: another team`s change is not this team`s marker', () => {
    const after = world(
      [
        before.entities[0],
        before.entities[1],
        { ...before.entities[2], tier: '1' },
      ],
      [...before.findings, critical(5, 'other', 'grype')],
    );
    const a = countingBasis(before, settings);
    const b = countingBasis(after, settings);
    expect(countingChanges(a, b, 'group:default/team-a')).toEqual([]);
    expect(
      countingChanges(a, b, 'group:default/team-b').map(c => c.description),
    ).toEqual([
      'grype started reporting (on 1 entity)',
      'tier changed on 1 entity (3 → 1: 1)',
    ]);
  });

  it('names configuration changes and counts with the old configuration', () => {
    const changed: MetricSettings = {
      ...settings,
      config: {
        ...settings.config,
        weights: {
          ...settings.config.weights,
          tier: { ...settings.config.weights.tier, untiered: 3 },
        },
      },
    };
    const changes = countingChanges(
      countingBasis(before, settings),
      countingBasis(before, changed),
      'org',
    );
    expect(changes.map(c => c.description)).toEqual([
      'metric configuration changed: config.weights.tier.untiered 2 → 3',
    ]);
    const [effect] = countingChangeEffects(
      'risk_weighted_critical_backlog',
      changes,
      before,
      changed,
      'org',
    );
    // With 3: 60 + 45 = 105; with the old 2: 70.
    expect(effect).toMatchObject({ valueWithoutChange: 70, effect: 35 });
  });

  it('names entities that joined and left the catalog', () => {
    const after = world(
      [before.entities[0], before.entities[1], entity('new-one')],
      before.findings,
    );
    const changes = countingChanges(
      countingBasis(before, settings),
      countingBasis(after, settings),
      'org',
    );
    expect(changes.map(c => c.description)).toEqual([
      '1 entity joined the catalog: component:default/new-one',
      '1 entity left the catalog: component:default/other',
    ]);
    const effects = countingChangeEffects(
      'ownership_completeness',
      changes,
      after,
      settings,
      'org',
    );
    // 3/3 owned now; without the newcomer 2/2, with the leaver back 4/4.
    expect(effects.map(e => e.valueWithoutChange)).toEqual([1, 1]);
    expect(effects.map(e => e.effect)).toEqual([0, 0]);
  });
});
