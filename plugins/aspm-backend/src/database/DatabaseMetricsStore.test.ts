/*
 * The metrics store keeps the catalog versions it has parsed: a later
 * catalog change must still show, and a past date must still see the
 * version it had. Runs on every database engine configured.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { componentRecord } from '../__testUtils__/componentRecord';
import { createTestDatabases } from '../__testUtils__/databases';
import { AspmEntityRecord } from '../catalog/types';
import { DEFAULT_METRICS_CONFIG } from '../config/readMetricsConfig';
import { deriveActions } from '../actions/deriveActions';
import { METRIC_DEFINITIONS } from '../metrics/definitions';
import { countingBasis } from '../metrics/countingBasis';
import { MetricsWorld } from '../metrics/MetricsWorld';
import { operatingMonth } from '../metrics/operating/operatingMonth';
import { weeklyFindingFlow } from '../metrics/operating/weeklyFindingFlow';
import { scopeContext } from '../metrics/scopeContext';
import { openFindingsByRisk } from '../scorecard/rankFindings';
import { DatabaseAspmStore } from './DatabaseAspmStore';
import { DatabaseFindingsStore } from './DatabaseFindingsStore';
import { DatabaseMetricsStore } from './DatabaseMetricsStore';
import { IngestRequest } from './FindingsStore';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases('DatabaseMetricsStore');

const DAY = 86_400_000;
const JAN = new Date(Date.UTC(2026, 0, 1));
const FEB = new Date(Date.UTC(2026, 1, 1));

const api = (tier: '1' | '3') => componentRecord('api', { tier });

const worldAt = (store: DatabaseMetricsStore, asOf: Date) =>
  store.loadWorld({
    asOf,
    from: new Date(asOf.getTime() - 30 * DAY),
    to: asOf,
    lookBackDays: 0,
  });

/*
 * Twenty weekly scans of two services whose findings stay open, are fixed
 * early for good, come back, flap, change severity, are fixed by a pull
 * source with an earlier date than the scan, and a secret fixed early.
 */
const API = 'component:default/api';
const WEB = 'component:default/web';
const TEAM = 'group:default/team-a';
const UNIT = 'group:default/unit';
const WEEK0 = Date.UTC(2026, 0, 5, 12);
const weekAt = (w: number) => new Date(WEEK0 + w * 7 * DAY);

const member = (
  ref: string,
  patch: Partial<AspmEntityRecord>,
): AspmEntityRecord => ({
  entityRef: ref,
  kind: ref.split(':')[0],
  namespace: 'default',
  name: ref.split('/')[1],
  ownerResolution: 'group',
  ownerResolutionReason: 'owned by a Group',
  annotationProblems: [],
  businessUnit: UNIT,
  ownerRef: TEAM,
  owningTeam: TEAM,
  ...patch,
});

const HISTORY_ENTITIES = [
  member(UNIT, { ownerRef: UNIT, owningTeam: UNIT }),
  member(TEAM, { parentRef: UNIT }),
  member(API, { type: 'service', tier: '1', exposure: 'internet' }),
  member(WEB, { type: 'website', tier: '2', exposure: 'internal' }),
];

/** Whether code finding k is in the scan of week w. */
function present(k: number, w: number): boolean {
  if (k < 3) return true; // open all along
  if (k < 6) return w <= 3; // fixed in week 4, for good
  if (k < 8) return w <= 2 || (w >= 6 && w <= 8); // back, then fixed again
  if (k < 10) return w >= 10 && w < 15; // late, fixed in week 15
  if (k === 10) return w < 17;
  return w % 4 !== 3; // flaps
}

const code = (entity: string, k: number, w: number): ParsedFinding => ({
  category: 'code',
  ruleId: `rule-${k % 4}`,
  cwes: [`CWE-${79 + (k % 3)}`],
  title: `Problem ${k} in ${entity}`,
  // One finding turns critical in week 8.
  severity: (k === 1 && w >= 8) || k % 3 === 0 ? 'critical' : 'high',
  location: { path: `src/${k}.ts`, startLine: k + 1 },
  fingerprint: `${entity}-code-${k}`,
});

function scansOf(entity: string, w: number): IngestRequest {
  const at = weekAt(w);
  const runs: IngestRequest['runs'] = [
    {
      tool: { name: 'Semgrep' },
      scannedAt: at,
      findings: Array.from({ length: 12 }, (_, k) => k)
        .filter(k => present(k, w))
        .map(k => code(entity, k, w)),
    },
  ];
  if (entity === API) {
    runs.push({
      tool: { name: 'gitleaks' },
      scannedAt: at,
      findings:
        w <= 1
          ? [
              {
                category: 'secret',
                ruleId: 'aws-access-token',
                title: 'AWS key',
                severity: 'critical',
                fingerprint: 'api-secret-0',
              },
            ]
          : [],
    });
  } else {
    // Every Trivy finding is fixed in week 4: a source with nothing open.
    runs.push({
      tool: { name: 'Trivy' },
      scannedAt: at,
      findings:
        w < 4
          ? [
              {
                category: 'dependency',
                ruleId: 'CVE-2026-0001',
                title: 'lodash',
                severity: 'high',
                fingerprint: 'web-trivy-0',
              },
            ]
          : [],
    });
    // A pull source that says, in week 9, it was fixed in week 7.
    if (w <= 9) {
      runs.push({
        tool: { name: 'Dependabot' },
        scannedAt: at,
        findings: [
          {
            category: 'dependency',
            ruleId: 'GHSA-xxxx',
            title: 'minimist',
            severity: 'critical',
            fingerprint: 'web-dependabot-0',
            sourceState:
              w < 9
                ? { state: 'open' }
                : { state: 'fixed', changedAt: weekAt(7).toISOString() },
          },
        ],
      });
    }
  }
  return {
    source: 'push',
    format: 'sarif',
    entityRef: entity,
    receivedAt: at,
    runs,
  };
}

const SETTINGS = {
  config: DEFAULT_METRICS_CONFIG,
  ownershipKinds: ['Component'],
  rotationSlaDays: { default: 7 },
};

/** Everything the metrics, the pack's month and the scorecard say of a scope. */
function answers(world: MetricsWorld, scope: string | undefined) {
  const ctx = scopeContext(world, scope, SETTINGS);
  return {
    metrics: Object.fromEntries(
      Object.entries(METRIC_DEFINITIONS).map(([id, d]) => [id, d.compute(ctx)]),
    ),
    month: operatingMonth(ctx, { ...world, partial: false }),
    flow: weeklyFindingFlow(ctx),
    actions: deriveActions(ctx, 30),
    open: openFindingsByRisk(ctx),
  };
}

describe.each(ids)('DatabaseMetricsStore on %s', databaseId => {
  it('sees a catalog change made after it has read the catalog, and keeps the old version for past dates', async () => {
    const knex = await databases.init(databaseId);
    const catalog = await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    const metrics = new DatabaseMetricsStore(knex);
    await catalog.replaceCatalogEntities([api('1')], JAN);

    const before = await worldAt(metrics, new Date(JAN.getTime() + DAY));
    expect(before.entities.map(e => e.tier)).toEqual(['1']);

    await catalog.replaceCatalogEntities([api('3')], FEB);
    const after = await worldAt(metrics, new Date(FEB.getTime() + DAY));
    expect(after.entities.map(e => e.tier)).toEqual(['3']);
    // The memo answers the old date with the version valid then.
    const again = await worldAt(metrics, new Date(JAN.getTime() + DAY));
    expect(again.entities.map(e => e.tier)).toEqual(['1']);
    // A store that never read anything agrees.
    const fresh = await worldAt(
      new DatabaseMetricsStore(knex),
      new Date(FEB.getTime() + DAY),
    );
    expect(fresh.entities).toEqual(after.entities);
    // What it hands out cannot be changed by a caller.
    expect(Object.isFrozen(after.entities[0])).toBe(true);

    await catalog.replaceCatalogEntities([], new Date(FEB.getTime() + 2 * DAY));
    const gone = await worldAt(metrics, new Date(FEB.getTime() + 3 * DAY));
    expect(gone.entities).toEqual([]);
  });

  it('leaves out findings fixed for good before the window, and every number stays the same', async () => {
    const knex = await databases.init(databaseId);
    const catalog = await DatabaseAspmStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await catalog.replaceCatalogEntities(HISTORY_ENTITIES, JAN);
    const findings = new DatabaseFindingsStore(knex);
    for (let w = 0; w < 20; w++) {
      for (const entity of [API, WEB])
        await findings.ingest(scansOf(entity, w));
    }
    const short = new DatabaseMetricsStore(knex);
    const every = new DatabaseMetricsStore(knex, undefined, {
      readSettled: true,
    });
    // PostgreSQL reads a large org's events in id order, not by finding.
    const inOrder = new DatabaseMetricsStore(knex, undefined, {
      eventLookupLimit: 0,
    });
    const windows = [3, 8, 9, 12, 16, 19, 19.5].flatMap(w =>
      [30, 90].map(days => ({
        asOf: new Date(weekAt(w).getTime() + DAY),
        from: new Date(weekAt(w).getTime() + DAY - days * DAY),
        to: new Date(weekAt(w).getTime() + DAY),
        lookBackDays: 30,
      })),
    );
    let left = 0;
    for (const window of windows) {
      const [kept, all] = [
        await short.loadWorld(window),
        await every.loadWorld(window),
      ];
      expect(await inOrder.loadWorld(window)).toEqual(kept);
      const keptIds = new Set(kept.findings.map(f => f.id));
      const out = all.findings.filter(f => !keptIds.has(f.id));
      left += out.length;
      // Only fixed findings are left out, and nothing else changes.
      expect(out.every(f => f.state === 'fixed')).toBe(true);
      expect(out.every(f => f.category !== 'secret')).toBe(true);
      expect(kept.findings).toEqual(
        all.findings.filter(f => keptIds.has(f.id)),
      );
      expect({ ...kept, findings: [], findingSources: [] }).toEqual({
        ...all,
        findings: [],
        findingSources: [],
      });
      expect(countingBasis(kept, SETTINGS)).toEqual(
        countingBasis(all, SETTINGS),
      );
      for (const scope of [undefined, API, WEB, TEAM, `businessUnit:${UNIT}`]) {
        expect(answers(kept, scope)).toEqual(answers(all, scope));
      }
    }
    // The late windows did leave findings out (fixed in week 4: the early
    // ones, and Trivy's only finding; the counting basis still has Trivy).
    expect(left).toBeGreaterThan(20);
    const late = await short.loadWorld(windows[windows.length - 1]);
    expect(late.findings.some(f => f.tool === 'Trivy')).toBe(false);
    expect(countingBasis(late, SETTINGS).sources.Trivy).toEqual([WEB]);
    // Worlds asked together are the worlds asked alone.
    const together = await Promise.all(windows.map(w => short.loadWorld(w)));
    const alone = [];
    for (const w of windows) alone.push(await short.loadWorld(w));
    expect(together).toEqual(alone);
  });
});
