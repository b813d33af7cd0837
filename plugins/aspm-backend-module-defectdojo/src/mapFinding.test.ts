import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { DefectDojoFinding, mapFinding, severityOf } from './mapFinding';
import {
  readSample,
  readSharedJson,
  realDjangoFindings,
  realListedFindings,
  realPayloadsDir,
} from './__testUtils__/sharedFixtures';

const describeReal = realPayloadsDir('mapFinding.test')
  ? describe
  : describe.skip;

const ctx = { baseUrl: 'https://defectdojo.example.com', productId: '7' };

function byId(findings: DefectDojoFinding[]) {
  const map = new Map(findings.map(f => [f.id, f]));
  return (id: number): ParsedFinding | undefined => {
    const f = map.get(id);
    if (!f) throw new Error(`no finding ${id} in the payload`);
    return mapFinding(f, ctx);
  };
}

describe('mapFinding on the sample payload', () => {
  const samples = readSample<{ results: DefectDojoFinding[] }>(
    'findings-payments-api.json',
  ).results;
  const map = byId(samples);

  it('maps a dependency finding with CVE, GHSA, CVSS, EPSS, KEV and CWE', () => {
    expect(map(1001)).toEqual({
      category: 'dependency',
      ruleId: 'CVE-2020-8203',
      title: 'lodash: Prototype Pollution in zipObjectDeep',
      severity: 'critical',
      cvss: 7.4,
      cves: ['CVE-2020-8203'],
      ghsa: 'GHSA-p6mc-m468-83gw',
      cwes: ['CWE-1321'],
      epss: 0.0123,
      knownExploited: true,
      location: { path: 'package-lock.json' },
      package: { name: 'lodash', version: '4.17.15' },
      fingerprint: 'dd:7:1001',
      link: 'https://defectdojo.example.com/finding/1001',
      properties: {
        active: true,
        verified: true,
        is_mitigated: false,
        mitigated: null,
        false_p: false,
        risk_accepted: false,
        out_of_scope: false,
        duplicate: false,
        hash_code: 'sample-hash-1001',
        found_by: [40],
        test: 501,
        testType: 'Dependency Check Scan',
        cvssv3: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H',
        description:
          'Prototype pollution attack when using _.zipObjectDeep in lodash before 4.17.20.',
        mitigation: 'Upgrade to lodash 4.17.21',
      },
      sourceState: {
        state: 'open',
        firstSeenAt: '2026-09-01',
      },
    });
  });

  it('keeps volatile fields (age, SLA days) out of the properties', () => {
    expect(map(1001)!.properties).not.toHaveProperty('age');
    expect(map(1001)!.properties).not.toHaveProperty('sla_days_remaining');
  });

  it('uses vuln_id_from_tool as the rule and file_path + line as the location', () => {
    const f = map(1002)!;
    expect(f.ruleId).toBe('python.flask.security.injection.tainted-sql-string');
    expect(f.category).toBe('code');
    expect(f.severity).toBe('high');
    expect(f.cwes).toEqual(['CWE-89']);
    expect(f.location).toEqual({
      path: 'app/db.py',
      startLine: 42,
      endLine: 42,
    });
    expect(f.package).toBeUndefined();
    expect(f.cves).toBeUndefined();
  });

  it('maps every DefectDojo state', () => {
    const states = samples.map(f => [f.id, mapFinding(f, ctx)?.sourceState]);
    expect(states).toEqual([
      [1001, { state: 'open', firstSeenAt: '2026-09-01' }],
      [1002, { state: 'open', firstSeenAt: '2026-09-02' }],
      [
        1003,
        {
          state: 'fixed',
          changedAt: '2026-09-15T12:00:00Z',
          reason: 'Mitigated in DefectDojo',
          firstSeenAt: '2026-08-20',
        },
      ],
      [
        1004,
        {
          state: 'false_positive',
          changedAt: '2026-09-03T08:00:00.000000Z',
          reason: 'Marked as a false positive in DefectDojo',
          firstSeenAt: '2026-08-21',
        },
      ],
      [
        1005,
        {
          state: 'accepted',
          changedAt: '2026-09-10T08:00:00Z',
          reason: 'Risk accepted in DefectDojo: Compensating WAF rule until Q4',
          firstSeenAt: '2026-08-22',
        },
      ],
      [1006, undefined],
      [
        1007,
        {
          state: 'false_positive',
          changedAt: '2026-09-04T08:00:00.000000Z',
          reason: 'Marked out of scope in DefectDojo',
          firstSeenAt: '2026-08-23',
        },
      ],
      [1008, { state: 'open', firstSeenAt: '2026-09-06' }],
      [
        1009,
        {
          state: 'fixed',
          changedAt: '2026-09-20T00:00:00Z',
          reason: 'Inactive in DefectDojo',
          firstSeenAt: '2026-08-24',
        },
      ],
      [1010, { state: 'open', firstSeenAt: '2026-09-07' }],
      [1011, { state: 'open', firstSeenAt: '2026-09-08' }],
    ]);
  });

  it('classifies by package and test type', () => {
    expect(
      samples
        .map(f => [f.id, mapFinding(f, ctx)?.category])
        .filter(([, c]) => c),
    ).toEqual([
      [1001, 'dependency'],
      [1002, 'code'],
      [1003, 'code'],
      [1004, 'code'],
      [1005, 'code'],
      [1007, 'code'],
      [1008, 'secret'],
      [1009, 'iac'],
      [1010, 'cloud'],
      [1011, 'dependency'],
    ]);
  });

  it('reads the older `cve` field and ignores a CWE of 0 or null', () => {
    const legacy = map(1011)!;
    expect(legacy.ruleId).toBe('CVE-2021-23337');
    expect(legacy.cves).toEqual(['CVE-2021-23337']);
    expect(legacy.location).toBeUndefined();
    expect(map(1009)!.cwes).toBeUndefined();
    expect(map(1010)!.cwes).toBeUndefined();
  });

  it('maps the severity words', () => {
    expect(
      [
        'Critical',
        'High',
        'Medium',
        'Low',
        'Info',
        'Informational',
        'bogus',
        null,
      ].map(severityOf),
    ).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'info',
      'info',
      'info',
    ]);
  });

  it('prefers a risk acceptance date, falling back to last_status_update', () => {
    const f = samples.find(s => s.id === 1005)!;
    expect(mapFinding({ ...f, accepted_risks: [] }, ctx)!.sourceState).toEqual({
      state: 'accepted',
      changedAt: '2026-09-10T08:00:05.000000Z',
      reason: 'Risk accepted in DefectDojo',
      firstSeenAt: '2026-08-22',
    });
  });

  it('falls back to created when the finding has no date, and to last_status_update when not mitigated', () => {
    const f = samples.find(s => s.id === 1003)!;
    expect(
      mapFinding({ ...f, date: null, mitigated: null }, ctx)!.sourceState,
    ).toEqual({
      state: 'fixed',
      changedAt: '2026-09-15T12:00:01.000000Z',
      reason: 'Mitigated in DefectDojo',
      firstSeenAt: '2026-08-20T09:00:00.000000Z',
    });
  });

  it('ranks false_p over risk_accepted over mitigated', () => {
    const f = samples.find(s => s.id === 1003)!;
    expect(
      mapFinding({ ...f, risk_accepted: true }, ctx)!.sourceState!.state,
    ).toBe('accepted');
    expect(
      mapFinding({ ...f, risk_accepted: true, false_p: true }, ctx)!
        .sourceState!.state,
    ).toBe('false_positive');
    expect(
      mapFinding({ ...f, duplicate: true, false_p: true }, ctx),
    ).toBeUndefined();
  });
});

describeReal('mapFinding on real DefectDojo payloads', () => {
  it('maps the finding of GET /api/v2/findings/ (older schema with `cve`)', () => {
    const [listed] = realListedFindings();
    expect(mapFinding(listed, ctx)).toEqual({
      category: 'code',
      ruleId: 'Open Port: 9929/TCP',
      title: 'Open Port: 9929/TCP',
      severity: 'info',
      fingerprint: 'dd:7:42',
      link: 'https://defectdojo.example.com/finding/42',
      properties: {
        active: true,
        verified: true,
        is_mitigated: false,
        mitigated: null,
        false_p: false,
        risk_accepted: false,
        out_of_scope: false,
        duplicate: false,
        hash_code:
          '8dbaad23d4056f0a97bb8f487795fe392b4124f28d4049d16430e43415f1c219',
        found_by: [132],
        test: 222,
        description:
          'IP Address: 198.51.100.0 FQDN: scanme.nmap.org Port/Protocol: 9929/tcp',
        mitigation: 'N/A',
      },
      sourceState: { state: 'open', firstSeenAt: '2021-03-18' },
    });
  });

  it('maps the finding of GET /api/v2/findings/{id}/ (newer schema with vulnerability_ids)', () => {
    const single = readSharedJson<DefectDojoFinding>('finding_single.json');
    const f = mapFinding(single, ctx)!;
    expect(f).toMatchObject({
      category: 'code',
      ruleId: 'www.owasp.org',
      severity: 'info',
      fingerprint: 'dd:7:42',
      sourceState: { state: 'open', firstSeenAt: '2024-03-02' },
    });
    expect(f.cves).toBeUndefined();
    expect(f.cwes).toBeUndefined();
    expect(f.properties).toMatchObject({
      unique_id_from_tool: '18bbad5e-0e83-4641-a819-5ab7e76c9f31',
      verified: false,
      found_by: [128],
      test: 17,
    });
  });

  it('maps every state combination of the Django test fixture', () => {
    const findings = realDjangoFindings();
    expect(findings).toHaveLength(21);
    const rows = findings.map(f => {
      const m = mapFinding(f, ctx);
      return [f.id, m?.sourceState?.state ?? 'skipped (duplicate)'];
    });
    expect(rows).toEqual([
      [2, 'open'],
      [3, 'skipped (duplicate)'],
      [4, 'skipped (duplicate)'],
      [5, 'skipped (duplicate)'],
      [6, 'skipped (duplicate)'],
      [7, 'fixed'], // active: false, never mitigated
      [22, 'open'],
      [23, 'skipped (duplicate)'],
      [24, 'skipped (duplicate)'],
      [124, 'open'],
      [125, 'skipped (duplicate)'], // duplicate without duplicate_finding
      [224, 'open'],
      [225, 'skipped (duplicate)'],
      [226, 'accepted'],
      [227, 'open'],
      [228, 'open'],
      [229, 'open'],
      [230, 'open'],
      [231, 'fixed'],
      [232, 'open'],
      [233, 'open'],
    ]);
  });

  it('takes the dates of each state from the real records', () => {
    const map = byId(realDjangoFindings());
    // Inactive without mitigated or last_status_update: fixed at the scan's time.
    expect(map(7)!.sourceState).toEqual({
      state: 'fixed',
      reason: 'Inactive in DefectDojo',
      firstSeenAt: '2017-12-31',
    });
    expect(map(231)!.sourceState).toEqual({
      state: 'fixed',
      changedAt: '2022-10-15T23:17:03.431Z',
      reason: 'Mitigated in DefectDojo',
      firstSeenAt: '2022-10-15',
    });
    // Accepted by the fixture's Risk_Acceptance 1 (accepted_findings [226]).
    expect(map(226)!.sourceState).toEqual({
      state: 'accepted',
      changedAt: '2023-03-01T22:12:43.829Z',
      reason:
        'Risk accepted in DefectDojo: The issue is not that big of a deal',
      firstSeenAt: '2022-10-15',
    });
  });

  it('maps severities, CWE, location and link of the real records', () => {
    const findings = realDjangoFindings();
    const mapped = findings
      .map(f => mapFinding(f, ctx))
      .filter((f): f is ParsedFinding => Boolean(f));
    expect([...new Set(mapped.map(f => f.severity))].sort()).toEqual([
      'high',
      'info',
      'low',
      'medium',
    ]);
    const map = byId(findings);
    expect(map(7)!.cwes).toEqual(['CWE-1']);
    expect(map(7)!.location).toBeUndefined(); // file_path ''
    expect(map(22)!.location).toEqual({
      path: '/dev/urandom',
      startLine: 123,
      endLine: 123,
    });
    expect(map(232)).toMatchObject({
      category: 'code',
      ruleId: 'Disabling CSRF Protections Is Security-Sensitive',
      severity: 'high',
      cwes: ['CWE-352'],
      knownExploited: false,
      location: { path: 'vulnerable-flask-app.py', startLine: 8, endLine: 8 },
      link: 'https://defectdojo.example.com/finding/232',
      properties: {
        hash_code:
          'ed09b1b5980bd7b9d67b58ba3a3200b788b567a8b3359b5b66d861112b025b9e',
        unique_id_from_tool: 'AYvNd32RyD1npIoQXyT1',
        found_by: [1000],
        test: 90,
      },
    });
    expect(map(233)!.cwes).toBeUndefined(); // cwe 0
    expect(
      (map(232)!.properties!.description as string).length,
    ).toBeLessThanOrEqual(4001);
    // No real record has a package; every mapped one is a code finding.
    expect(mapped.every(f => f.category === 'code' && !f.package)).toBe(true);
  });
});
