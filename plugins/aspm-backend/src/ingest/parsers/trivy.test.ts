import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseTrivy } from './trivy';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const sample = () =>
  readJson(path.join(__dirname, '__fixtures__', 'trivy-sample.json')) as any;

describe('parseTrivy', () => {
  it('reads the run and maps vulnerabilities, FAIL misconfigurations and secrets', () => {
    const scan = parseTrivy(sample());
    expect(scan.format).toBe('trivy');
    expect(scan.runs).toHaveLength(1);
    const run = scan.runs[0];
    expect(run.tool).toEqual({ name: 'Trivy', version: '0.51.1' });
    expect(run.scannedAt).toBe('2024-05-02T10:11:12.123456789Z');
    // 2 vulnerabilities + 1 FAIL misconfiguration (the PASS one is not a
    // finding) + 1 secret; the license result is not a finding.
    expect(run.findings.map(f => [f.category, f.ruleId])).toEqual([
      ['dependency', 'CVE-2021-23337'],
      ['dependency', 'GHSA-29mw-wpgm-hmr9'],
      ['iac', 'DS002'],
      ['secret', 'github-pat'],
    ]);
  });

  it('maps a vulnerability', () => {
    const [cve, ghsa] = parseTrivy(sample()).runs[0].findings;
    expect(cve).toMatchObject({
      category: 'dependency',
      ruleId: 'CVE-2021-23337',
      title: 'nodejs-lodash: command injection via template',
      severity: 'high',
      cvss: 7.2,
      cves: ['CVE-2021-23337'],
      cwes: ['CWE-94'],
      link: 'https://avd.aquasec.com/nvd/cve-2021-23337',
      package: {
        name: 'lodash',
        version: '4.17.20',
        ecosystem: 'npm',
        manifest: 'package-lock.json',
        fixedVersion: '4.17.21',
      },
      properties: { status: 'fixed', purl: 'pkg:npm/lodash@4.17.20' },
    });
    expect(cve.ghsa).toBeUndefined();
    expect(cve.fingerprint).toMatch(/^d:/);
    // No Title: the id; no NVD score: another source's V3 score.
    expect(ghsa).toMatchObject({
      title: 'GHSA-29mw-wpgm-hmr9',
      ghsa: 'GHSA-29mw-wpgm-hmr9',
      severity: 'medium',
      cvss: 5.3,
    });
    expect(ghsa.cves).toBeUndefined();
  });

  it('maps a misconfiguration and a secret with their locations', () => {
    const findings = parseTrivy(sample()).runs[0].findings;
    expect(findings[2]).toMatchObject({
      category: 'iac',
      title: "Image user should not be 'root'",
      severity: 'high',
      location: { path: 'Dockerfile', startLine: 3, endLine: 3 },
      link: 'https://avd.aquasec.com/misconfig/ds002',
      properties: {
        message:
          'Specify at least 1 USER command in Dockerfile with non-root user as argument',
      },
    });
    expect(findings[2].fingerprint).toMatch(/^c:/);
    expect(findings[3]).toMatchObject({
      category: 'secret',
      title: 'GitHub Personal Access Token',
      severity: 'critical',
      location: { path: 'config/settings.env', startLine: 4, endLine: 4 },
    });
    expect(JSON.stringify(findings[3])).not.toContain('GITHUB_TOKEN');
  });

  it('keeps the dependency fingerprint across versions, not across manifests', () => {
    const base = parseTrivy(sample()).runs[0].findings[0].fingerprint;

    const upgraded = sample();
    upgraded.Results[0].Vulnerabilities[0].InstalledVersion = '4.17.19';
    expect(parseTrivy(upgraded).runs[0].findings[0].fingerprint).toBe(base);

    const moved = sample();
    moved.Results[0].Target = 'web/package-lock.json';
    expect(parseTrivy(moved).runs[0].findings[0].fingerprint).not.toBe(base);
  });

  it('keeps the misconfiguration fingerprint when only the line moves', () => {
    const base = parseTrivy(sample()).runs[0].findings[2].fingerprint;
    const shifted = sample();
    const cause = shifted.Results[1].Misconfigurations[0].CauseMetadata;
    cause.StartLine = 9;
    cause.EndLine = 9;
    expect(parseTrivy(shifted).runs[0].findings[2].fingerprint).toBe(base);
  });

  it('classifies OS packages and anything in a container image as container', () => {
    const image = sample();
    image.ArtifactType = 'container_image';
    expect(parseTrivy(image).runs[0].findings[0].category).toBe('container');

    const legacy = [
      {
        Target: 'shop (alpine 3.7.1)',
        Type: 'alpine',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2018-16840',
            PkgName: 'curl',
            Severity: 'HIGH',
          },
          { PkgName: 'no-id-so-skipped' },
        ],
      },
    ];
    const legacyRun = parseTrivy(legacy).runs[0];
    expect(legacyRun.tool).toEqual({ name: 'Trivy', version: undefined });
    expect(legacyRun.findings).toHaveLength(1);
    expect(legacyRun.findings[0].category).toBe('container');
  });

  it('rejects what is not a Trivy report', () => {
    expect(() => parseTrivy('nope')).toThrow(InputError);
    expect(() => parseTrivy({ Results: {} })).toThrow(
      "Trivy: 'Results' must be an array",
    );
    expect(parseTrivy({ SchemaVersion: 2 }).runs[0].findings).toEqual([]);
  });
});

const realDir = realFixturesDir('trivy parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real Trivy JSON file, counted independently with
 * python3 while writing this test: for each of `Results` (or the bare array
 * of legacy output), len(Vulnerabilities with VulnerabilityID and PkgName)
 * + count(Misconfigurations with Status == "FAIL") + len(Secrets).
 * Licenses are not counted.
 */
const REAL_COUNTS: Array<[file: string, findings: number]> = [
  ['alpine-310.json', 4], // 4 vulnerabilities
  ['alpine-39.json', 6], // 6 vulnerabilities
  ['gomod.json', 5], // 5 vulnerabilities over 3 go.mod targets
  ['npm.json', 1], // 1 vulnerability
  ['secrets.json', 2], // 2 secrets
  ['terraform-misconfig.json', 3], // 3 FAIL misconfigurations
  ['trivy-all-statuses.json', 8], // 8 vulnerabilities, one per Status
  ['trivy-legacy-array.json', 6], // 7 vulnerability entries, 1 without an id
  ['trivy-licenses.json', 0], // 19 licenses only
  ['trivy-misconfig-and-secrets.json', 5], // 2 vulns + 1 FAIL + 2 secrets
  ['trivy-schema2-many-vulns.json', 5], // 5 vulnerabilities
  ['trivy-schema2-no-vuln.json', 0],
];

describeReal('parseTrivy on real Trivy reports', () => {
  const read = (file: string) => readJson(path.join(realDir!, 'trivy', file));

  it('has a count for every Trivy JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'trivy'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)('%s has %i findings', (file, count) => {
    const scan = parseTrivy(read(file));
    expect(scan.runs[0].findings).toHaveLength(count);
    const fingerprints = scan.runs[0].findings.map(f => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('reads alpine-310.json', () => {
    const run = parseTrivy(read('alpine-310.json')).runs[0];
    expect(run.tool).toEqual({ name: 'Trivy', version: 'dev' });
    expect(run.scannedAt).toBe('2021-08-25T12:20:30.000000005Z');
    expect(run.findings[0]).toMatchObject({
      category: 'container',
      ruleId: 'CVE-2019-1549',
      title: 'openssl: information disclosure in fork()',
      cves: ['CVE-2019-1549'],
      link: 'https://avd.aquasec.com/nvd/cve-2019-1549',
      package: {
        name: 'libcrypto1.1',
        version: '1.1.1c-r0',
        fixedVersion: '1.1.1d-r0',
        ecosystem: 'alpine',
        manifest: 'testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)',
      },
    });
  });

  it('reads terraform-misconfig.json and trivy-misconfig-and-secrets.json', () => {
    const iac = parseTrivy(read('terraform-misconfig.json')).runs[0].findings;
    expect(iac[0]).toMatchObject({
      category: 'iac',
      ruleId: 'AWS-0089',
      title: 'S3 Bucket Logging',
      severity: 'low',
      location: {
        path: 'terraform-aws-modules/s3-bucket/aws/main.tf',
        startLine: 25,
        endLine: 36,
      },
    });
    const mixed = parseTrivy(read('trivy-misconfig-and-secrets.json')).runs[0]
      .findings;
    expect(mixed.map(f => f.category)).toEqual([
      'dependency',
      'dependency',
      'iac',
      'secret',
      'secret',
    ]);
    expect(mixed[4]).toMatchObject({
      ruleId: 'github-pat',
      severity: 'critical',
      location: { path: 'secret.txt', startLine: 1 },
    });
  });

  it('reads gomod.json UNKNOWN severities as info', () => {
    const findings = parseTrivy(read('gomod.json')).runs[0].findings;
    expect(findings.filter(f => f.severity === 'info')).toHaveLength(4);
    expect(findings.filter(f => f.severity === 'medium')).toHaveLength(1);
  });
});
