import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseOsvScanner } from './osvScanner';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const sample = () =>
  readJson(
    path.join(__dirname, '__fixtures__', 'osv-scanner-sample.json'),
  ) as any;

describe('parseOsvScanner', () => {
  it('makes one finding per group, or per vulnerability without groups', () => {
    const scan = parseOsvScanner(sample());
    expect(scan.format).toBe('osv-scanner');
    expect(scan.runs[0].tool).toEqual({ name: 'OSV-Scanner' });
    expect(scan.runs[0].findings.map(f => f.ruleId)).toEqual([
      'GHSA-2wrh-6pvc-2jm9', // GO-2023-1988 + GHSA-2wrh-6pvc-2jm9, one group
      'MAL-2023-0001', // no groups
    ]);
  });

  it('maps a group', () => {
    const [net] = parseOsvScanner(sample()).runs[0].findings;
    expect(net).toMatchObject({
      category: 'dependency',
      ruleId: 'GHSA-2wrh-6pvc-2jm9',
      title: 'golang.org/x/net vulnerable to Cross-site Scripting',
      severity: 'medium', // max_severity 6.1
      cvss: 6.1,
      cves: ['CVE-2023-3978'],
      ghsa: 'GHSA-2wrh-6pvc-2jm9',
      cwes: ['CWE-79'],
      link: 'https://osv.dev/vulnerability/GHSA-2wrh-6pvc-2jm9',
      package: {
        name: 'golang.org/x/net',
        version: '0.7.0',
        ecosystem: 'Go',
        manifest: '/src/shop/go.mod',
        fixedVersion: '0.13.0',
      },
    });
    expect(net.properties?.aliases).toEqual(
      expect.arrayContaining(['GO-2023-1988', 'CVE-2023-3978']),
    );
  });

  it('rates a malicious package critical, and falls back to the GHSA word', () => {
    const [, malicious] = parseOsvScanner(sample()).runs[0].findings;
    expect(malicious).toMatchObject({
      severity: 'critical',
      title: 'Malicious code in flatmap-stream (npm)',
      package: {
        name: 'flatmap-stream',
        manifest: '/src/shop/web/package-lock.json',
      },
    });
    expect(malicious.cvss).toBeUndefined();
    const noScore = sample();
    delete noScore.results[0].packages[0].groups[0].max_severity;
    const [net] = parseOsvScanner(noScore).runs[0].findings;
    expect(net.severity).toBe('medium'); // database_specific MODERATE
    expect(net.cvss).toBeUndefined();
  });

  it('keeps the id whichever alias OSV-Scanner lists first', () => {
    const reordered = sample();
    reordered.results[0].packages[0].groups[0] = { ids: ['GO-2023-1988'] };
    expect(parseOsvScanner(reordered).runs[0].findings[0].ruleId).toBe(
      'GHSA-2wrh-6pvc-2jm9',
    );
  });

  it('keeps the fingerprint across versions, not across manifests', () => {
    const base = parseOsvScanner(sample()).runs[0].findings[0].fingerprint;
    const upgraded = sample();
    upgraded.results[0].packages[0].package.version = '0.10.0';
    expect(parseOsvScanner(upgraded).runs[0].findings[0].fingerprint).toBe(
      base,
    );
    const moved = sample();
    moved.results[0].source.path = '/src/shop/tools/go.mod';
    expect(parseOsvScanner(moved).runs[0].findings[0].fingerprint).not.toBe(
      base,
    );
  });

  it('rejects what is not an OSV-Scanner report', () => {
    expect(() => parseOsvScanner([])).toThrow(InputError);
    expect(() => parseOsvScanner({ results: {} })).toThrow(
      "OSV-Scanner: 'results' must be an array",
    );
    expect(parseOsvScanner({ results: [] }).runs[0].findings).toEqual([]);
  });
});

const realDir = realFixturesDir('osv-scanner parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real OSV-Scanner JSON file, counted independently
 * with python3 while writing this test. Definition: a finding is a group
 * (results[].packages[].groups[]), which collapses alias records; the raw
 * vulnerability records are listed for comparison.
 */
const REAL_COUNTS: Array<
  [file: string, vulnerabilities: number, groups: number]
> = [
  ['osv-scanner-results-a.json', 3, 2],
  ['osv-scanner-results-b.json', 4, 2],
  ['osv-scanner-some-findings.json', 1, 1],
];

describeReal('parseOsvScanner on real OSV-Scanner reports', () => {
  const read = (file: string) =>
    readJson(path.join(realDir!, 'osv-scanner', file));

  it('has a count for every OSV-Scanner JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'osv-scanner'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)(
    '%s: %i vulnerability records, %i groups = findings',
    (file, _vulnerabilities, groups) => {
      expect(parseOsvScanner(read(file)).runs[0].findings).toHaveLength(groups);
    },
  );

  it('gives the same findings for results-a and results-b (aliases listed differently)', () => {
    const ids = (file: string) =>
      parseOsvScanner(read(file)).runs[0].findings.map(f => [
        f.ruleId,
        f.fingerprint,
      ]);
    expect(ids('osv-scanner-results-a.json')).toEqual(
      ids('osv-scanner-results-b.json'),
    );
  });

  it('reads osv-scanner-results-b.json', () => {
    const [gogo, regex] = parseOsvScanner(read('osv-scanner-results-b.json'))
      .runs[0].findings;
    expect(gogo).toMatchObject({
      ruleId: 'GHSA-c3h9-896r-86jm',
      cves: ['CVE-2021-3121'],
      severity: 'high',
      cwes: ['CWE-129', 'CWE-20'],
      package: {
        name: 'github.com/gogo/protobuf',
        version: '1.3.1',
        ecosystem: 'Go',
        manifest: '/path/to/scorecard-check-osv-e2e/go.mod',
        fixedVersion: '1.3.2',
      },
    });
    expect(regex).toMatchObject({
      ruleId: 'GHSA-m5pq-gvj9-9vr8',
      title:
        "Rust's regex crate vulnerable to regular expression denial of service",
      package: { name: 'regex', ecosystem: 'crates.io', fixedVersion: '1.5.5' },
    });
  });

  it('reads osv-scanner-some-findings.json (malicious package)', () => {
    const [mal] = parseOsvScanner(read('osv-scanner-some-findings.json'))
      .runs[0].findings;
    expect(mal).toMatchObject({
      ruleId: 'GHSA-8348-2q94-ffjx',
      severity: 'critical',
      package: { name: 'flot-axis', manifest: '/tmp/components/yarn.lock' },
      link: 'https://osv.dev/vulnerability/GHSA-8348-2q94-ffjx',
    });
  });
});
