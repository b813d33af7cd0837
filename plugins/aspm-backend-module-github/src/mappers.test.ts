import {
  cwesFromTags,
  dismissalException,
  mapCodeScanningAlert,
  mapDependabotAlert,
  mapSecretScanningAlert,
} from './mappers';
import {
  readReal,
  readSample,
  readWebhookAlert,
  realFixturesDir,
} from './__testUtils__/sharedFixtures';

const real = realFixturesDir('github mappers');
const describeReal = real ? describe : describe.skip;

describe('cwesFromTags', () => {
  it('reads external/cwe tags without leading zeros and ignores the rest', () => {
    expect(
      cwesFromTags([
        'security',
        'external/cwe/cwe-079',
        'external/cwe/cwe-1321',
        'external/cwe/cwe-079',
      ]),
    ).toEqual(['CWE-79', 'CWE-1321']);
    expect(cwesFromTags(null)).toEqual([]);
  });
});

describe('code scanning alerts (samples)', () => {
  const alerts = readSample<any[]>('code-scanning-alerts.sample.json');
  const [open, wontFix, fixed, semgrep] = alerts.map(a =>
    mapCodeScanningAlert(a, 'Acme/Payments-API'),
  );

  it('maps an open alert', () => {
    expect(open).toEqual({
      category: 'code',
      ruleId: 'js/sql-injection',
      title: 'Database query built from user-controlled sources',
      severity: 'critical',
      cwes: ['CWE-89', 'CWE-90'],
      location: {
        path: 'src/db/orders.ts',
        startLine: 42,
        endLine: 44,
        startColumn: 5,
        endColumn: 30,
      },
      fingerprint: 'gh-code:acme/payments-api:1',
      link: 'https://github.com/acme/payments-api/security/code-scanning/1',
      properties: expect.objectContaining({
        alertNumber: 1,
        state: 'open',
        ruleSeverity: 'error',
        securitySeverityLevel: 'critical',
        message: 'This query string depends on a user-provided value.',
      }),
      sourceState: { state: 'open', firstSeenAt: '2026-03-01T09:00:00.000Z' },
    });
  });

  it("maps won't fix to accepted with the reason and comment", () => {
    expect(wontFix.severity).toBe('medium'); // rule.severity warning, no security level
    expect(wontFix.cwes).toEqual(['CWE-79', 'CWE-116']);
    expect(wontFix.sourceState).toEqual({
      state: 'accepted',
      changedAt: '2026-02-20T16:30:00.000Z',
      reason: "won't fix: Admin-only page behind VPN",
      firstSeenAt: '2026-02-10T08:00:00.000Z',
    });
    expect(wontFix.properties).toMatchObject({
      state: 'dismissed',
      dismissedReason: "won't fix",
      dismissedComment: 'Admin-only page behind VPN',
      dismissedBy: 'sec-lead',
    });
  });

  it('maps a fixed alert at fixed_at', () => {
    expect(fixed.severity).toBe('high');
    expect(fixed.sourceState).toEqual({
      state: 'fixed',
      changedAt: '2026-03-02T10:00:00.000Z',
      firstSeenAt: '2026-01-05T12:00:00.000Z',
    });
    expect(fixed.properties).toMatchObject({
      fixedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('falls back to the rule name for the title and note to low', () => {
    expect(semgrep.title).toBe('Unsafe format string');
    expect(semgrep.severity).toBe('low');
    expect(semgrep.cwes).toBeUndefined();
  });

  it('maps every dismissed reason', () => {
    const base = alerts[1];
    const stateOf = (reason: string | null) =>
      mapCodeScanningAlert({ ...base, dismissed_reason: reason }, 'a/b')
        .sourceState?.state;
    expect(stateOf('false positive')).toBe('false_positive');
    expect(stateOf('used in tests')).toBe('false_positive');
    expect(stateOf("won't fix")).toBe('accepted');
    expect(stateOf('mitigated')).toBe('accepted');
    expect(stateOf(null)).toBe('accepted');
  });
});

describe('Dependabot alerts (samples)', () => {
  const alerts = readSample<any[]>('dependabot-alerts.sample.json');
  const [open, fixed, auto, inaccurate, fixStarted] = alerts.map(a =>
    mapDependabotAlert(a, 'acme/payments-api'),
  );

  it('maps an open alert with package, CVSS v3 fallback and EPSS', () => {
    expect(open).toEqual({
      category: 'dependency',
      ruleId: 'GHSA-p6mc-m468-83gw',
      title: 'Prototype Pollution in lodash',
      severity: 'critical', // the vulnerability's severity wins over the advisory's
      cvss: 7.4,
      cves: ['CVE-2020-8203'],
      ghsa: 'GHSA-p6mc-m468-83gw',
      cwes: ['CWE-1321', 'CWE-770'],
      epss: 0.0321,
      package: {
        name: 'lodash',
        ecosystem: 'npm',
        manifest: 'package-lock.json',
        fixedVersion: '4.17.19',
      },
      fingerprint: 'gh-dep:acme/payments-api:11',
      link: 'https://github.com/acme/payments-api/security/dependabot/11',
      properties: expect.objectContaining({
        state: 'open',
        vulnerableVersionRange: '< 4.17.19',
        relationship: 'transitive',
        cvssVector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H',
      }),
      sourceState: { state: 'open', firstSeenAt: '2026-02-01T00:00:00.000Z' },
    });
  });

  it('maps fixed, auto_dismissed, dismissed and fix_started', () => {
    expect(fixed.sourceState).toEqual({
      state: 'fixed',
      changedAt: '2026-01-20T11:00:00.000Z',
      firstSeenAt: '2026-01-10T00:00:00.000Z',
    });
    expect(auto.sourceState).toMatchObject({
      state: 'false_positive',
      changedAt: '2026-01-11T00:05:00.000Z',
      reason: 'auto_dismissed',
    });
    expect(inaccurate.sourceState).toMatchObject({
      state: 'false_positive',
      changedAt: '2026-01-15T09:00:00.000Z',
      reason: 'inaccurate: No proxy is configured in the tool',
    });
    expect(fixStarted.sourceState).toEqual({
      state: 'open',
      firstSeenAt: '2026-02-05T00:00:00.000Z',
    });
    expect(fixStarted.properties).toMatchObject({
      state: 'dismissed',
      dismissedReason: 'fix_started',
    });
  });

  it('maps every dismissed reason', () => {
    const stateOf = (reason: string | null) =>
      mapDependabotAlert({ ...alerts[3], dismissed_reason: reason }, 'a/b')
        .sourceState?.state;
    expect(stateOf('tolerable_risk')).toBe('accepted');
    expect(stateOf('no_bandwidth')).toBe('accepted');
    expect(stateOf('inaccurate')).toBe('false_positive');
    expect(stateOf('not_used')).toBe('false_positive');
    expect(stateOf('fix_started')).toBe('open');
    expect(stateOf(null)).toBe('accepted');
  });
});

describe('secret scanning alerts (samples)', () => {
  const alerts = readSample<any[]>('secret-scanning-alerts.sample.json');
  const [open, revoked, wontFix, usedInTests] = alerts.map(a =>
    mapSecretScanningAlert(a, 'acme/payments-api'),
  );

  it('maps an open alert and never keeps the secret', () => {
    expect(open).toEqual({
      category: 'secret',
      ruleId: 'acme_internal_api_key',
      title: 'Acme internal API key',
      severity: 'high',
      location: {
        path: 'config/dev.env',
        startLine: 3,
        endLine: 3,
        startColumn: 9,
        endColumn: 49,
      },
      fingerprint: 'gh-secret:acme/payments-api:21',
      link: 'https://github.com/acme/payments-api/security/secret-scanning/21',
      properties: {
        alertNumber: 21,
        state: 'open',
        secretType: 'acme_internal_api_key',
        validity: 'active',
        publiclyLeaked: false,
        multiRepo: false,
        pushProtectionBypassed: true,
        pushProtectionBypassedBy: 'dev-2',
        pushProtectionBypassedAt: '2026-02-14T09:59:00.000Z',
        commitSha: '3333333333333333333333333333333333333333',
        hasMoreLocations: false,
      },
      sourceState: { state: 'open', firstSeenAt: '2026-02-14T10:00:00.000Z' },
    });
    for (const [i, f] of [open, revoked, wontFix, usedInTests].entries()) {
      expect(JSON.stringify(f)).not.toContain(alerts[i].secret);
      expect(JSON.stringify(f)).not.toContain('SAMPLE-SECRET-VALUE');
    }
  });

  it('maps resolutions', () => {
    expect(revoked.sourceState).toEqual({
      state: 'fixed',
      changedAt: '2026-01-03T08:00:00.000Z',
      reason: 'revoked: Rotated',
      firstSeenAt: '2026-01-02T10:00:00.000Z',
    });
    expect(revoked.properties).toMatchObject({
      resolution: 'revoked',
      resolvedAt: '2026-01-03T08:00:00.000Z',
      validity: 'inactive',
    });
    expect(wontFix.sourceState?.state).toBe('accepted');
    expect(usedInTests.sourceState).toMatchObject({
      state: 'false_positive',
      reason: 'used_in_tests',
    });
    const stateOf = (resolution: string | null) =>
      mapSecretScanningAlert({ ...alerts[1], resolution }, 'a/b').sourceState
        ?.state;
    expect(stateOf('pattern_edited')).toBe('fixed');
    expect(stateOf('pattern_deleted')).toBe('fixed');
    expect(stateOf('false_positive')).toBe('false_positive');
    expect(stateOf(null)).toBe('accepted');
  });
});

describeReal('real GitHub REST payloads', () => {
  const dir = real!;

  it('code-scanning-alert-items.json: open and dismissed (false positive)', () => {
    const [open, dismissed] = readReal<any[]>(
      dir,
      'github-rest-api/code-scanning-alert-items.json',
    ).map(a => mapCodeScanningAlert(a, 'octocat/hello-world'));
    expect(open).toMatchObject({
      category: 'code',
      ruleId: 'js/zipslip',
      title: 'Arbitrary file write during zip extraction',
      severity: 'high', // rule.severity error, no security_severity_level
      cwes: ['CWE-22'],
      location: {
        path: 'spec-main/api-session-spec.ts',
        startLine: 917,
        endLine: 917,
      },
      fingerprint: 'gh-code:octocat/hello-world:4',
      link: 'https://github.com/octocat/hello-world/code-scanning/4',
      sourceState: { state: 'open', firstSeenAt: '2020-02-13T12:29:18.000Z' },
    });
    expect(open.properties).toMatchObject({
      classifications: ['test'],
      ref: 'refs/heads/main',
    });
    expect(dismissed.sourceState).toEqual({
      state: 'false_positive',
      changedAt: '2020-02-14T12:29:18.000Z',
      reason:
        "false positive: This alert is not actually correct, because there's a sanitizer included in the library.",
      firstSeenAt: '2020-02-13T12:29:18.000Z',
    });
    expect(dismissed.properties).toMatchObject({
      dismissedBy: 'octocat',
      state: 'dismissed',
    });
  });

  it('code-scanning-alert.json: security_severity_level wins over rule.severity', () => {
    const f = mapCodeScanningAlert(
      readReal(dir, 'github-rest-api/code-scanning-alert.json'),
      'octocat/hello-world',
    );
    expect(f.severity).toBe('high');
    expect(f.title).toBe(
      'Arbitrary file write during zip extraction ("Zip Slip")',
    );
    expect(f.properties).toMatchObject({
      helpUri: 'https://codeql.github.com/',
    });
  });

  it('webhook alerts: fixed without fixed_at, dismissed without tags', () => {
    const fixed = mapCodeScanningAlert(
      readWebhookAlert(dir, 'code_scanning_alert.fixed.json'),
      'Codertocat/Hello-World',
    );
    expect(fixed.sourceState).toEqual({
      state: 'fixed',
      firstSeenAt: '2021-02-11T03:10:43.000Z',
    });
    expect(fixed.title).toBe('Query built from user-controlled sources');
    expect(fixed.fingerprint).toBe('gh-code:codertocat/hello-world:10');
    const closed = mapCodeScanningAlert(
      readWebhookAlert(dir, 'code_scanning_alert.closed-by-user.json'),
      'Codertocat/Hello-World',
    );
    expect(closed.sourceState).toMatchObject({
      state: 'false_positive',
      changedAt: '2021-02-11T02:59:08.000Z',
    });
    expect(closed.cwes).toBeUndefined();
    expect(closed.location).toBeUndefined(); // no most_recent_instance in this payload
  });

  it('defectdojo-code-scanning-alerts.json: "None" strings do not become times', () => {
    const [f] = readReal<any[]>(
      dir,
      'github-rest-api/defectdojo-code-scanning-alerts.json',
    ).map(a => mapCodeScanningAlert(a, 'OWASP/test-repository'));
    expect(f.sourceState).toEqual({
      state: 'open',
      firstSeenAt: '2024-01-19T14:11:18.000Z',
    });
    expect(f.severity).toBe('high');
    expect(f.cwes).toEqual(['CWE-312', 'CWE-315', 'CWE-359']);
    expect(f.properties).not.toHaveProperty('dismissedAt');
    expect(f.properties).not.toHaveProperty('fixedAt');
  });

  it('dependabot-alerts-for-repository.json: dismissed tolerable_risk and open', () => {
    const [dismissed, open] = readReal<any[]>(
      dir,
      'github-rest-api/dependabot-alerts-for-repository.json',
    ).map(a => mapDependabotAlert(a, 'octocat/hello-world'));
    expect(dismissed).toMatchObject({
      category: 'dependency',
      ruleId: 'GHSA-rf4j-j272-fj86',
      ghsa: 'GHSA-rf4j-j272-fj86',
      cves: ['CVE-2018-6188'],
      cwes: ['CWE-200'],
      severity: 'high',
      cvss: 7.5,
      epss: 0.00045,
      package: {
        name: 'django',
        ecosystem: 'pip',
        manifest: 'path/to/requirements.txt',
        fixedVersion: '2.0.2',
      },
      fingerprint: 'gh-dep:octocat/hello-world:2',
      sourceState: {
        state: 'accepted',
        changedAt: '2022-08-23T14:29:47.000Z',
        reason:
          'tolerable_risk: This alert is accurate but we use a sanitizer.',
        firstSeenAt: '2022-06-15T07:43:03.000Z',
      },
    });
    expect(open).toMatchObject({
      severity: 'medium',
      cvss: 5.5,
      package: { name: 'ansible', fixedVersion: '2.8.19' },
      sourceState: { state: 'open', firstSeenAt: '2022-06-14T15:21:52.000Z' },
    });
    expect(open.epss).toBeUndefined();
  });

  it('single Dependabot alerts and the fixed webhook alert', () => {
    const dismissed = mapDependabotAlert(
      readReal(dir, 'github-rest-api/dependabot-alert-dismissed.json'),
      'o/r',
    );
    expect(dismissed.sourceState?.state).toBe('accepted');
    const open = mapDependabotAlert(
      readReal(dir, 'github-rest-api/dependabot-alert-open.json'),
      'o/r',
    );
    expect(open.sourceState?.state).toBe('open');
    const fixed = mapDependabotAlert(
      readWebhookAlert(dir, 'dependabot_alert.fixed.json'),
      'octocat/hello-world',
    );
    expect(fixed.sourceState).toEqual({
      state: 'fixed',
      changedAt: '2022-06-15T13:55:40.000Z',
      firstSeenAt: '2022-06-14T15:21:52.000Z',
    });
    expect(fixed.fingerprint).toBe('gh-dep:octocat/hello-world:1');
  });

  it('secret-scanning-alert-list.json: false positive, push protection kept, secret dropped', () => {
    const raw = readReal<any[]>(
      dir,
      'github-rest-api/secret-scanning-alert-list.json',
    );
    const [f] = raw.map(a => mapSecretScanningAlert(a, 'owner/private-repo'));
    expect(f).toMatchObject({
      category: 'secret',
      ruleId: 'adafruit_io_key',
      title: 'Adafruit IO Key',
      severity: 'high',
      location: { path: '/example/secrets.txt', startLine: 1, endLine: 1 },
      fingerprint: 'gh-secret:owner/private-repo:2',
      sourceState: {
        state: 'false_positive',
        changedAt: '2020-11-07T02:47:13.000Z',
        reason: 'false_positive: Example comment',
        firstSeenAt: '2020-11-06T18:48:51.000Z',
      },
      properties: {
        validity: 'inactive',
        resolution: 'false_positive',
        resolvedAt: '2020-11-07T02:47:13.000Z',
        resolvedBy: 'monalisa',
        pushProtectionBypassed: true,
        pushProtectionBypassedBy: 'monalisa',
        pushProtectionBypassedAt: '2020-11-06T21:48:51.000Z',
      },
    });
    expect(JSON.stringify(f)).not.toContain(raw[0].secret);
  });

  it('defectdojo-secret-scanning-alerts.json: revoked is fixed at resolved_at, no secret kept', () => {
    const raw = readReal<any[]>(
      dir,
      'github-rest-api/defectdojo-secret-scanning-alerts.json',
    );
    const findings = raw.map(a =>
      mapSecretScanningAlert(a, 'owner/private-repo'),
    );
    expect(
      findings.map(f => [
        f.ruleId,
        f.sourceState?.state,
        f.sourceState?.changedAt,
      ]),
    ).toEqual([
      ['adafruit_io_key', 'false_positive', '2020-11-07T02:47:13.000Z'],
      ['aws_access_key_id', 'open', undefined],
      ['github_personal_access_token', 'fixed', '2021-06-21T09:15:30.000Z'],
    ]);
    expect(findings[1].properties).toMatchObject({
      validity: 'active',
      publiclyLeaked: true,
    });
    const json = JSON.stringify(findings);
    for (const a of raw) expect(json).not.toContain(a.secret);
  });

  it('single secret alerts and the older webhook shape', () => {
    const open = mapSecretScanningAlert(
      readReal(dir, 'github-rest-api/secret-scanning-alert-open.json'),
      'o/r',
    );
    expect(open.sourceState?.state).toBe('open');
    expect(open.properties).toMatchObject({ validity: 'unknown' });
    const resolved = mapSecretScanningAlert(
      readReal(dir, 'github-rest-api/secret-scanning-alert-resolved.json'),
      'o/r',
    );
    expect(resolved.sourceState?.state).toBe('false_positive'); // used_in_tests
    const reopened = mapSecretScanningAlert(
      readWebhookAlert(dir, 'secret_scanning_alert.reopened.json'),
      'o/r',
    );
    expect(reopened.sourceState?.state).toBe('open');
    expect(reopened.fingerprint).toBe('gh-secret:o/r:191');
  });
});

describe('dismissalException', () => {
  const code = readSample<any[]>('code-scanning-alerts.sample.json');
  const dep = readSample<any[]>('dependabot-alerts.sample.json');
  const secret = readSample<any[]>('secret-scanning-alerts.sample.json');
  const covers = { tool: 'T', fingerprint: 'fp', runKey: 'rk' };

  it("maps a won't fix code scanning alert", () => {
    expect(
      dismissalException('codeScanning', code[1], 'Acme/Payments-API', covers),
    ).toEqual({
      externalId: 'github:acme/payments-api:code-scanning:2',
      reason:
        "GitHub code scanning alert dismissed as won't fix: Admin-only page behind VPN",
      category: 'other',
      status: 'approved',
      requestedBy: 'github:sec-lead',
      requestedAt: new Date('2026-02-20T16:30:00Z'),
      decidedBy: 'github:sec-lead',
      decidedAt: new Date('2026-02-20T16:30:00Z'),
      findings: [covers],
    });
  });

  it.each([
    ['codeScanning', code[1], "won't fix", true],
    ['codeScanning', code[1], 'false positive', false],
    ['codeScanning', code[1], 'used in tests', false],
    ['codeScanning', code[1], 'mitigated', false],
    ['codeScanning', code[1], null, false],
    ['dependabot', dep[3], 'tolerable_risk', true],
    ['dependabot', dep[3], 'no_bandwidth', true],
    ['dependabot', dep[3], 'inaccurate', false],
    ['dependabot', dep[3], 'not_used', false],
    ['dependabot', dep[3], 'fix_started', false],
    ['dependabot', dep[3], null, false],
  ] as const)(
    '%s dismissed as %p: exception %p',
    (kind, alert, reason, yes) => {
      const e = dismissalException(
        kind,
        { ...alert, dismissed_reason: reason },
        'o/r',
        covers,
      );
      expect(e?.reason).toBe(
        yes
          ? `GitHub ${
              kind === 'codeScanning' ? 'code scanning' : 'Dependabot'
            } alert dismissed as ${reason}: ${alert.dismissed_comment}`
          : undefined,
      );
    },
  );

  it.each([
    ['wont_fix', true],
    ['false_positive', false],
    ['used_in_tests', false],
    ['revoked', false],
    ['pattern_edited', false],
    ['pattern_deleted', false],
    [null, false],
  ])('secret scanning resolved as %p: exception %p', (resolution, yes) => {
    expect(
      dismissalException(
        'secretScanning',
        { ...secret[2], resolution },
        'o/r',
        covers,
      ) !== undefined,
    ).toBe(yes);
  });

  it('reads the secret scanning resolution, comment and resolver', () => {
    expect(
      dismissalException('secretScanning', secret[2], 'acme/x', covers),
    ).toMatchObject({
      externalId: 'github:acme/x:secret-scanning:23',
      reason:
        'GitHub secret scanning alert dismissed as wont_fix: Sandbox-only key, no data behind it',
      requestedBy: 'github:sec-lead',
      decidedAt: new Date('2026-01-05T08:00:00Z'),
    });
    // The older webhook shape has no state: a resolution means resolved.
    const { state, ...noState } = secret[2];
    expect(state).toBe('resolved');
    expect(
      dismissalException('secretScanning', noState, 'acme/x', covers)
        ?.externalId,
    ).toBe('github:acme/x:secret-scanning:23');
  });

  it('only for alerts still dismissed', () => {
    // Reopened: GitHub clears the reason with the state, but not always the rest.
    expect(
      dismissalException(
        'codeScanning',
        { ...code[1], state: 'open' },
        'o/r',
        covers,
      ),
    ).toBeUndefined();
    expect(
      dismissalException(
        'dependabot',
        { ...dep[3], state: 'fixed', dismissed_reason: 'tolerable_risk' },
        'o/r',
        covers,
      ),
    ).toBeUndefined();
    expect(
      dismissalException(
        'secretScanning',
        { ...secret[2], state: 'open' },
        'o/r',
        covers,
      ),
    ).toBeUndefined();
  });

  it('leaves out who when GitHub does not say, dates by updated_at without dismissed_at, needs a number and a time', () => {
    const bare = {
      ...dep[3],
      dismissed_reason: 'no_bandwidth',
      dismissed_comment: null,
      dismissed_by: null,
    };
    expect(dismissalException('dependabot', bare, 'o/r', covers)).toEqual({
      externalId: 'github:o/r:dependabot:14',
      reason: 'GitHub Dependabot alert dismissed as no_bandwidth',
      category: 'other',
      status: 'approved',
      requestedAt: new Date('2026-01-15T09:00:00Z'),
      decidedAt: new Date('2026-01-15T09:00:00Z'),
      findings: [covers],
    });
    expect(
      dismissalException(
        'dependabot',
        { ...bare, dismissed_at: null, updated_at: '2026-01-16T00:00:00Z' },
        'o/r',
        covers,
      )?.requestedAt,
    ).toEqual(new Date('2026-01-16T00:00:00Z'));
    expect(
      dismissalException(
        'dependabot',
        { ...bare, dismissed_at: null, updated_at: null },
        'o/r',
        covers,
      ),
    ).toBeUndefined();
    expect(
      dismissalException(
        'dependabot',
        { ...bare, number: null },
        'o/r',
        covers,
      ),
    ).toBeUndefined();
  });
});

describeReal('dismissalException on real GitHub REST payloads', () => {
  const dir = real!;
  const covers = { tool: 'Dependabot', fingerprint: 'fp', runKey: 'rk' };

  it('dependabot-alerts-for-repository.json: the tolerable_risk dismissal of octocat', () => {
    const [dismissed, open] = readReal<any[]>(
      dir,
      'github-rest-api/dependabot-alerts-for-repository.json',
    );
    expect(
      dismissalException(
        'dependabot',
        dismissed,
        'octocat/hello-world',
        covers,
      ),
    ).toEqual({
      externalId: 'github:octocat/hello-world:dependabot:2',
      reason:
        'GitHub Dependabot alert dismissed as tolerable_risk: This alert is accurate but we use a sanitizer.',
      category: 'other',
      status: 'approved',
      requestedBy: 'github:octocat',
      requestedAt: new Date('2022-08-23T14:29:47Z'),
      decidedBy: 'github:octocat',
      decidedAt: new Date('2022-08-23T14:29:47Z'),
      findings: [covers],
    });
    expect(
      dismissalException('dependabot', open, 'octocat/hello-world', covers),
    ).toBeUndefined();
  });

  it('false positive, used in tests and revoked dismissals are no exceptions', () => {
    const none = [
      ...readReal<any[]>(
        dir,
        'github-rest-api/code-scanning-alert-items.json',
      ).map(a => dismissalException('codeScanning', a, 'o/r', covers)),
      dismissalException(
        'codeScanning',
        readWebhookAlert(dir, 'code_scanning_alert.closed-by-user.json'),
        'o/r',
        covers,
      ),
      ...readReal<any[]>(
        dir,
        'github-rest-api/defectdojo-secret-scanning-alerts.json',
      ).map(a => dismissalException('secretScanning', a, 'o/r', covers)),
      dismissalException(
        'secretScanning',
        readReal(dir, 'github-rest-api/secret-scanning-alert-resolved.json'),
        'o/r',
        covers,
      ),
    ];
    expect(none).toHaveLength(7);
    expect(none.every(e => e === undefined)).toBe(true);
  });
});
