import {
  contextOf,
  endOf,
  entity,
  t,
  world,
} from '../../__testUtils__/operatingWorld';
import { WorldRelease } from '../MetricsWorld';
import { controlAdoption } from './controlAdoption';

const C1 = 'component:default/c1';
const C2 = 'component:default/c2';
const C3 = 'component:default/c3';

const release = (id: number, entityRef: string, at: string): WorldRelease => ({
  id,
  entityRef,
  version: `1.0.${id}`,
  environment: 'production',
  releasedAt: t(at),
  gated: true,
  firstPass: true,
  failedFirst: [],
  evidenceComplete: true,
});

describe('controlAdoption', () => {
  it('answers each control x tier at the month end: present / applicable Components', () => {
    // 30-day scans and 90-day releases before 2026-11-30 (end of day).
    const w = world(
      { asOf: endOf('2026-11-30'), from: t('2026-06-04'), to: t('2026-12-01') },
      {
        entities: [
          // Tier 1 service: owner, repository, code scan 10 days ago, a
          // dependency scan 46 days ago (too old), a release 76 days ago.
          entity(C1, { tier: '1', type: 'service' }),
          // Tier 1 website (container does not apply): unowned, no
          // repository, a secret scan, no release.
          entity(C2, {
            tier: '1',
            type: 'website',
            owned: false,
            hasRepository: false,
          }),
          // Untiered service: a container scan, a release 121 days ago.
          entity(C3, { type: 'service' }),
          // Not a Component: not counted.
          entity('system:default/s1', { tier: '1' }),
        ],
        scans: [
          {
            entityRef: C1,
            tool: 'semgrep',
            at: t('2026-11-20'),
            categories: ['code'],
          },
          {
            entityRef: C1,
            tool: 'osv',
            at: t('2026-10-15T12:00:00Z'),
            categories: ['dependency'],
          },
          {
            entityRef: C2,
            tool: 'gitleaks',
            at: t('2026-11-01'),
            categories: ['secret'],
          },
          {
            entityRef: C3,
            tool: 'trivy',
            at: t('2026-11-29'),
            categories: ['container'],
          },
        ],
        releases: [release(1, C1, '2026-09-15'), release(2, C3, '2026-08-01')],
      },
    );
    const cells = controlAdoption(contextOf(w));
    // Seven controls x four tiers, in the configured order.
    expect(cells).toHaveLength(28);
    const of = (tier: string) =>
      Object.fromEntries(
        cells
          .filter(c => c.tier === tier)
          .map(c => [c.control, [c.numerator, c.denominator, c.ratio]]),
      );
    expect(of('1')).toEqual({
      owner: [1, 2, 0.5],
      repository: [1, 2, 0.5],
      sast: [1, 2, 0.5],
      sca: [0, 2, 0],
      secrets: [1, 2, 0.5],
      container: [0, 1, 0],
      'release-evidence': [1, 2, 0.5],
    });
    expect(of('untiered')).toEqual({
      owner: [1, 1, 1],
      repository: [1, 1, 1],
      sast: [0, 1, 0],
      sca: [0, 1, 0],
      secrets: [0, 1, 0],
      container: [1, 1, 1],
      'release-evidence': [0, 1, 0],
    });
    for (const tier of ['2', '3']) {
      expect(Object.values(of(tier))).toEqual(
        Array.from({ length: 7 }, () => [0, 0, null]),
      );
    }
  });
});
