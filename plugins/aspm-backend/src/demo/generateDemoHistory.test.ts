import { AspmEntity } from '@aspm/plugin-aspm-common';
import { parseScanBody } from '../ingest/parsers/parseScan';
import { demoToolsFor, demoUploadsFor } from './generateDemoHistory';

const entity = (patch: Partial<AspmEntity> = {}): AspmEntity => ({
  entityRef: 'component:default/payments-api',
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
  type: 'service',
  tier: '1',
  exposure: 'internet',
  owningTeam: 'group:default/team-checkout',
  ownerResolution: 'group',
  ownerResolutionReason: '',
  repository: { slug: 'acme/payments-api', source: 'github.com/project-slug' },
  annotationProblems: [],
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSyncedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});

const now = new Date('2026-11-23T18:00:00Z');

describe('demo history', () => {
  it('scans services with four tools, libraries with fewer, and nothing without a repository', () => {
    expect(demoToolsFor(entity())).toEqual([
      'semgrep',
      'osv-scanner',
      'trivy',
      'gitleaks',
    ]);
    expect(demoToolsFor(entity({ type: 'library', tier: '3' }))).not.toContain(
      'trivy',
    );
    expect(demoToolsFor(entity({ repository: undefined }))).toEqual([]);
    // The demo's deliberate tier-1 gaps.
    expect(
      demoToolsFor(
        entity({ entityRef: 'component:default/fraud-scoring', tier: '1' }),
      ),
    ).not.toContain('trivy');
    expect(
      demoToolsFor(
        entity({ entityRef: 'component:default/auth-gateway', tier: '1' }),
      ),
    ).not.toContain('gitleaks');
  });

  it('is the same every time, weekly, oldest first, ending before now', () => {
    const a = demoUploadsFor(entity(), 'semgrep', { now });
    const b = demoUploadsFor(entity(), 'semgrep', { now });
    expect(a).toEqual(b);
    expect(a).toHaveLength(52);
    for (let i = 1; i < a.length; i++) {
      expect(a[i].observedAt.getTime() - a[i - 1].observedAt.getTime()).toBe(
        7 * 86_400_000,
      );
    }
    expect(a[51].observedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - a[51].observedAt.getTime()).toBeLessThan(
      8 * 86_400_000,
    );
    // Later the same week: the same history.
    const later = demoUploadsFor(entity(), 'semgrep', {
      now: new Date(now.getTime() + 3_600_000),
    });
    expect(later.map(u => u.observedAt)).toEqual(a.map(u => u.observedAt));
  });

  it.each(['semgrep', 'trivy', 'osv-scanner', 'gitleaks'] as const)(
    'produces %s documents our parsers read',
    tool => {
      const uploads = demoUploadsFor(entity(), tool, { now });
      const formats = new Set<string>();
      let total = 0;
      for (const u of uploads) {
        const scan = parseScanBody(Buffer.from(u.body));
        formats.add(scan.format);
        total += scan.runs.reduce((n, r) => n + r.findings.length, 0);
      }
      expect(formats.size).toBe(1);
      expect(tool === 'gitleaks' || total > 0).toBe(true);
    },
  );

  it('gives internet-facing tier-1 services a critical that stays open', () => {
    const uploads = demoUploadsFor(entity(), 'trivy', { now });
    const last = parseScanBody(Buffer.from(uploads[51].body));
    const first = parseScanBody(Buffer.from(uploads[0].body));
    const crit = (s: typeof last) =>
      s.runs[0].findings.filter(
        f => f.severity === 'critical' && f.ruleId === 'CVE-2024-3094',
      );
    expect(crit(last)).toHaveLength(1);
    expect(crit(first)).toHaveLength(0);
  });
});
