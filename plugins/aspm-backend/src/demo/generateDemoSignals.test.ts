import {
  AspmEntity,
  deploymentInputSchema,
  incidentActionsInputSchema,
  reviewInputSchema,
} from '@aspm/plugin-aspm-common';
import { parseScorecardResult } from '../signals/parseScorecardResult';
import { generateDemoReleases } from './generateDemoReleases';
import { generateDemoSignals } from './generateDemoSignals';

const now = new Date('2026-11-23T18:00:00Z');
const entity = (i: number, patch: Partial<AspmEntity> = {}): AspmEntity => ({
  entityRef: `component:default/svc-${i}`,
  kind: 'component',
  namespace: 'default',
  name: `svc-${i}`,
  type: 'service',
  tier: (['1', '2', '3'] as const)[i % 3],
  ownerResolution: 'group',
  ownerResolutionReason: '',
  repository:
    i % 5 === 4
      ? undefined
      : { slug: `acme/svc-${i}`, source: 'github.com/project-slug' },
  goldenPath: i % 2 === 0 ? 'annotation aspm.io/golden-path' : undefined,
  annotationProblems: [],
  firstSeenAt: '2025-01-01T00:00:00.000Z',
  lastSyncedAt: '2025-01-01T00:00:00.000Z',
  ...patch,
});
const org = Array.from({ length: 30 }, (_, i) => entity(i));
const releases = generateDemoReleases(org, { now });
const signals = generateDemoSignals(org, releases, { now });
const ms = (s?: string) => (s === undefined ? undefined : Date.parse(s));

describe('generateDemoSignals', () => {
  it('is the same on every load', () => {
    expect(generateDemoSignals(org, releases, { now })).toEqual(signals);
  });

  it('posts valid bodies, none dated after now', () => {
    for (const r of signals.reviews) {
      reviewInputSchema.parse(r);
      expect(ms(r.requestedAt)!).toBeLessThanOrEqual(now.getTime());
      expect(ms(r.firstResponseAt) ?? 0).toBeLessThanOrEqual(now.getTime());
    }
    for (const { body } of signals.incidents) {
      incidentActionsInputSchema.parse(body);
      for (const a of body.actions) {
        expect(ms(a.createdAt)!).toBeLessThanOrEqual(now.getTime());
      }
    }
    for (const d of signals.deployments) {
      deploymentInputSchema.parse(d);
      expect(ms(d.deployedAt)!).toBeLessThanOrEqual(now.getTime());
    }
    expect(signals.reviews.length).toBeGreaterThan(10);
    expect(signals.incidents).toHaveLength(8);
    // The latest incident is security-related, with follow-ups still open.
    const latest = signals.incidents[signals.incidents.length - 1].body;
    expect(latest.incident.securityRelated).toBe(true);
    expect(latest.actions.some(a => !a.closedAt)).toBe(true);
  });

  it('deploys only shipped production candidates, a few hours after their release', () => {
    const byVersion = new Map(
      releases
        .filter(r => r.environment === 'production')
        .map(r => [`${r.entityRef} ${r.version}`, r]),
    );
    expect(signals.deployments.length).toBeGreaterThan(50);
    for (const d of signals.deployments) {
      const r = byVersion.get(`${d.entityRef} ${d.version}`)!;
      expect(r).toBeDefined();
      const lag = ms(d.deployedAt)! - ms(r.releasedAt)!;
      expect(lag).toBeGreaterThan(0);
      expect(lag).toBeLessThanOrEqual(6 * 3_600_000);
      // A candidate whose last attempt of some gate failed was blocked.
      const last = new Map<string, { attempt: number; outcome: string }>();
      for (const g of r.gates) {
        if ((last.get(g.type)?.attempt ?? 0) < g.attempt) last.set(g.type, g);
      }
      expect([...last.values()].some(g => g.outcome === 'fail')).toBe(false);
    }
    const failed = signals.deployments.filter(d => d.failedAt);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(signals.deployments.length / 4);
  });

  it('waits for first responses faster at the end of the year than at its start', () => {
    const start = now.getTime() - 52 * 7 * 86_400_000;
    const wait = (half: 0 | 1) => {
      const waits = signals.reviews
        .filter(r => r.firstResponseAt)
        .filter(
          r =>
            (ms(r.requestedAt)! - start > (now.getTime() - start) / 2
              ? 1
              : 0) === half,
        )
        .map(r => ms(r.firstResponseAt)! - ms(r.requestedAt)!);
      return waits.reduce((a, b) => a + b, 0) / waits.length;
    };
    expect(wait(1)).toBeLessThan(wait(0));
  });

  it('writes Scorecard results the ingest path reads, only for repositories, from the rollout on', () => {
    expect(signals.scorecards.length).toBeGreaterThan(40);
    const rollout = now.getTime() - 16 * 7 * 86_400_000;
    for (const run of signals.scorecards) {
      const parsed = parseScorecardResult(run.doc);
      expect(parsed.scannedAt.getTime()).toBeGreaterThanOrEqual(
        rollout - 86_400_000,
      );
      expect(parsed.checks.map(c => c.name)).toEqual(
        expect.arrayContaining(['Branch-Protection', 'Pinned-Dependencies']),
      );
      const e = org.find(x => x.entityRef === run.entityRef)!;
      expect(parsed.repository).toBe(`github.com/${e.repository!.slug}`);
    }
  });

  it('moves four golden-path Components onto it partway through the year', () => {
    const { entityRefs, until } = signals.goldenPathOnboarding;
    expect(entityRefs).toHaveLength(4);
    for (const ref of entityRefs) {
      expect(org.find(e => e.entityRef === ref)!.goldenPath).toBeDefined();
    }
    expect(until.getTime()).toBeLessThan(now.getTime());
  });
});
