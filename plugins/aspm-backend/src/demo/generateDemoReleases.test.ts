import {
  AspmEntity,
  ReleaseInput,
  releaseInputSchema,
} from '@aspm/plugin-aspm-common';
import { parseProvenance, parseSbom } from '../releases/evidence';
import { prepareEvidence } from '../releases/prepareEvidence';
import { releaseOutcome } from '../releases/releaseOutcome';
import { generateDemoReleases } from './generateDemoReleases';

const entity = (name: string, patch: Partial<AspmEntity> = {}): AspmEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'component',
  namespace: 'default',
  name,
  type: 'service',
  owningTeam: 'group:default/team-checkout',
  ownerResolution: 'group',
  ownerResolutionReason: '',
  repository: { slug: `acme/${name}`, source: 'github.com/project-slug' },
  annotationProblems: [],
  firstSeenAt: '2025-01-01T00:00:00.000Z',
  lastSyncedAt: '2025-01-01T00:00:00.000Z',
  ...patch,
});

const now = new Date('2026-11-23T18:00:00Z');
const windowStart = now.getTime() - 52 * 7 * 86_400_000;

const few = [
  entity('payments-api', { tier: '1', exposure: 'internet' }),
  entity('docs-site', { tier: '3', type: 'website' }),
  entity('legacy-batch', { tier: '2', repository: undefined }),
  entity('old-gateway', { tier: '1', goneAt: '2026-06-01T00:00:00.000Z' }),
  entity('billing-system', { kind: 'system', tier: '1' }),
];

/** 40 components mixing tiers, exposure, teams, repository sources. */
const org: AspmEntity[] = Array.from({ length: 40 }, (_, i) =>
  entity(`svc-${String(i).padStart(2, '0')}`, {
    tier: ([`1`, '2', '3', undefined] as const)[i % 4],
    exposure: i % 3 === 0 ? 'internet' : 'internal',
    owningTeam: `group:default/team-${i % 7}`,
    repository:
      i % 10 === 9
        ? {
            url: `https://git.acme.example/svc-${i}`,
            source: 'backstage.io/source-location',
          }
        : { slug: `acme/svc-${i}`, source: 'github.com/project-slug' },
  }),
);

const hexOf = (digest: string) => digest.split(':')[1];
const statementOf = (r: ReleaseInput) => {
  const doc = r.evidence.find(e => e.kind === 'provenance')?.document as
    | { payload: string }
    | undefined;
  return doc
    ? JSON.parse(Buffer.from(doc.payload, 'base64').toString('utf8'))
    : undefined;
};

describe('demo releases', () => {
  const releases = generateDemoReleases(org, { now });
  const production = releases.filter(r => r.environment === 'production');
  const staging = releases.filter(r => r.environment === 'staging');

  it('is the same every time, and sorted by time', () => {
    expect(generateDemoReleases(org, { now })).toEqual(releases);
    expect(generateDemoReleases(few, { now })).toEqual(
      generateDemoReleases(few, { now }),
    );
    for (let i = 1; i < releases.length; i++) {
      expect(releases[i].releasedAt >= releases[i - 1].releasedAt).toBe(true);
    }
  });

  it('produces bodies POST /releases accepts, of a modest size', () => {
    for (const r of releases) {
      expect(releaseInputSchema.parse(r)).toEqual(r);
      expect(JSON.stringify(r).length).toBeLessThan(12_000);
    }
    expect(releases.length).toBeGreaterThan(800);
    expect(releases.length).toBeLessThan(1800);
    expect(new Set(releases.map(r => r.environment))).toEqual(
      new Set(['staging', 'production']),
    );
  });

  it('stays inside the window and an hour clear of now', () => {
    for (const r of releases) {
      const t = Date.parse(r.releasedAt);
      expect(t).toBeGreaterThanOrEqual(windowStart);
      expect(t).toBeLessThanOrEqual(now.getTime() - 3600_000);
      for (const g of r.gates) {
        expect(Date.parse(g.at!)).toBeGreaterThanOrEqual(windowStart);
        expect(Date.parse(g.at!)).toBeLessThanOrEqual(t);
      }
    }
    const short = generateDemoReleases(org, { now, weeks: 4 });
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThan(releases.length / 5);
    for (const r of short) {
      expect(Date.parse(r.releasedAt)).toBeGreaterThanOrEqual(
        now.getTime() - 4 * 7 * 86_400_000,
      );
    }
  });

  it('releases only components with a repository that are still in the catalog', () => {
    const refs = new Set(
      generateDemoReleases(few, { now }).map(r => r.entityRef),
    );
    expect(refs).toEqual(
      new Set([
        'component:default/payments-api',
        'component:default/docs-site',
      ]),
    );
  });

  it('ships tier 1 most often and untiered as rarely as tier 3', () => {
    const perEntity = (tier?: string) => {
      const refs = org.filter(e => e.tier === tier).map(e => e.entityRef);
      return (
        production.filter(r => refs.includes(r.entityRef)).length / refs.length
      );
    };
    expect(perEntity('1')).toBeGreaterThan(30);
    expect(perEntity('1')).toBeLessThan(53);
    expect(perEntity('2')).toBeGreaterThan(15);
    expect(perEntity('2')).toBeLessThan(perEntity('1'));
    expect(perEntity('3')).toBeGreaterThan(6);
    expect(perEntity('3')).toBeLessThan(perEntity('2'));
    expect(perEntity(undefined)).toBeLessThan(perEntity('2'));
  });

  it('stages every production release a day before, versions increasing', () => {
    for (const p of production) {
      const s = staging.find(
        r => r.entityRef === p.entityRef && r.version === p.version,
      );
      expect(s).toBeDefined();
      const lead = Date.parse(p.releasedAt) - Date.parse(s!.releasedAt);
      expect(lead).toBeGreaterThanOrEqual(86_400_000);
      expect(lead).toBeLessThanOrEqual(86_400_000 + 2 * 3600_000);
      expect(s!.evidence).toEqual([]);
      expect(s!.approvedBy).toBeUndefined();
      expect(s!.artifactDigest).toBeUndefined();
    }
    for (const e of org) {
      const minors = releases
        .filter(r => r.entityRef === e.entityRef && r.environment === 'staging')
        .map(r => Number(/^1\.(\d+)\.0$/.exec(r.version)![1]));
      expect(minors.length).toBeGreaterThan(0);
      expect(new Set(minors).size).toBe(minors.length);
      expect(minors).toEqual([...minors].sort((a, b) => a - b));
    }
  });

  it('runs the gates the entity and environment call for, each attempt once', () => {
    for (const r of releases) {
      const keys = r.gates.map(g => `${g.type}#${g.attempt}`);
      expect(new Set(keys).size).toBe(keys.length);
      const types = new Set(r.gates.map(g => g.type));
      for (const t of ['sast', 'sca', 'secrets'] as const) {
        expect(types.has(t)).toBe(true);
      }
      for (const t of ['signing', 'evidence', 'policy'] as const) {
        expect(types.has(t)).toBe(r.environment === 'production');
      }
      const e = org.find(x => x.entityRef === r.entityRef)!;
      expect(types.has('dast')).toBe(
        e.tier === '1' && e.exposure === 'internet',
      );
      for (const g of r.gates) {
        expect(g.outcome === 'pass' || !!g.reason).toBe(true);
      }
    }
    const withIac = new Set(
      releases
        .filter(r => r.gates.some(g => g.type === 'iac'))
        .map(r => r.entityRef),
    );
    expect(withIac.size).toBeGreaterThan(8);
    expect(withIac.size).toBeLessThan(32);
  });

  it('mostly passes first time, with re-runs, blocks and warnings, improving over the year', () => {
    const verdicts = releases.map(r => releaseOutcome(r.gates));
    const share = (pred: (v: (typeof verdicts)[number]) => boolean) =>
      verdicts.filter(pred).length / verdicts.length;
    expect(share(v => v.firstPass)).toBeGreaterThan(0.55);
    expect(share(v => v.firstPass)).toBeLessThan(0.9);
    expect(share(v => v.outcome === 'blocked')).toBeGreaterThan(0.02);
    expect(share(v => v.outcome === 'passed-after-rerun')).toBeGreaterThan(
      0.05,
    );
    expect(releases.some(r => r.gates.some(g => g.outcome === 'warn'))).toBe(
      true,
    );

    const half = (from: number, to: number) => {
      const part = releases.filter(r => {
        const t =
          (Date.parse(r.releasedAt) - windowStart) /
          (now.getTime() - windowStart);
        return t >= from && t < to;
      });
      return (
        part.filter(r => releaseOutcome(r.gates).firstPass).length / part.length
      );
    };
    expect(half(0.5, 1)).toBeGreaterThan(half(0, 0.5));

    // A blocked candidate does not go on to production.
    for (const r of staging) {
      if (releaseOutcome(r.gates).outcome !== 'blocked') continue;
      expect(
        production.some(
          p => p.entityRef === r.entityRef && p.version === r.version,
        ),
      ).toBe(false);
    }
  });

  it('attaches evidence to production releases, with deliberate gaps', () => {
    const missing = (kind: string) =>
      production.filter(r => !r.evidence.some(e => e.kind === kind)).length;
    expect(missing('sbom')).toBeGreaterThan(0);
    expect(missing('sbom') / production.length).toBeLessThan(0.25);
    expect(missing('provenance')).toBeGreaterThan(0);
    expect(missing('scanResults')).toBe(0);
    expect(production.filter(r => !r.approvedBy).length).toBeGreaterThan(0);
    expect(production.filter(r => !r.approvedBy).length).toBeLessThan(
      production.length * 0.15,
    );

    for (const r of production) {
      expect(r.artifactDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    const documents = (kind: string) =>
      production.flatMap(r =>
        r.evidence.filter(e => e.kind === kind).map(e => e.document),
      );
    const sboms = documents('sbom').map(d => parseSbom(d));
    expect(sboms).toHaveLength(production.length - missing('sbom'));
    for (const summary of sboms) {
      expect(summary).toMatchObject({
        format: 'cyclonedx',
        specVersion: '1.5',
        tool: 'cdxgen 10.9.0',
      });
      expect(summary.componentCount).toBeGreaterThanOrEqual(3);
      expect(summary.componentCount).toBeLessThanOrEqual(12);
    }
    const provenances = documents('provenance').map(d => parseProvenance(d));
    expect(provenances).toHaveLength(production.length - missing('provenance'));
    for (const summary of provenances) {
      expect(summary).toMatchObject({
        envelope: 'dsse',
        predicateType: 'https://slsa.dev/provenance/v1',
        signatureCount: 1,
      });
    }
  });

  it('has provenance matching the artifact but for one or two planted mismatches', () => {
    const mismatched = production.filter(r => {
      const statement = statementOf(r);
      return (
        statement &&
        statement.subject[0].digest.sha256 !== hexOf(r.artifactDigest!)
      );
    });
    expect(mismatched.length).toBeGreaterThanOrEqual(1);
    expect(mismatched.length).toBeLessThanOrEqual(3);
    expect(production.filter(r => statementOf(r)).length).toBeGreaterThan(
      production.length * 0.8,
    );

    // The third production release of the first two tier-1 components.
    const thirdOf = (ref: string) =>
      production.filter(r => r.entityRef === ref)[2];
    expect(mismatched).toEqual(
      ['component:default/svc-00', 'component:default/svc-04'].map(thirdOf),
    );

    // The service stores them as invalid, the rest as met.
    const invalid = production.map(r =>
      prepareEvidence(r.evidence, {
        artifactDigest: r.artifactDigest,
        allowedBuilders: [
          'https://github.com/acme/.github/.github/workflows/release.yml@*',
        ],
      })
        .filter(e => e.invalidReason)
        .map(e => `${e.kind}: ${e.invalidReason}`),
    );
    expect(production.filter((_, i) => invalid[i].length > 0)).toEqual(
      mismatched,
    );
    expect(invalid.flat()).toEqual(
      mismatched.map(() =>
        expect.stringMatching(/^provenance: subject digest .* does not match/),
      ),
    );
  });
});
