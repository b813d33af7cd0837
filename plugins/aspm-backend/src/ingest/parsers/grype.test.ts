import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseGrype } from './grype';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const sample = () =>
  readJson(path.join(__dirname, '__fixtures__', 'grype-sample.json')) as any;

describe('parseGrype', () => {
  it('reads the run', () => {
    const scan = parseGrype(sample());
    expect(scan.format).toBe('grype');
    expect(scan.runs).toHaveLength(1);
    expect(scan.runs[0].tool).toEqual({ name: 'grype', version: '0.77.0' });
    expect(scan.runs[0].scannedAt).toBe('2024-05-02T10:11:12.000000000Z');
    expect(scan.runs[0].findings).toHaveLength(2);
  });

  it('maps a match from an image as a container finding', () => {
    const [log4j] = parseGrype(sample()).runs[0].findings;
    expect(log4j).toMatchObject({
      category: 'container',
      ruleId: 'GHSA-jfh8-c2jp-5v3q',
      title: 'GHSA-jfh8-c2jp-5v3q in log4j-core',
      severity: 'critical',
      cvss: 10,
      cves: ['CVE-2021-44228'],
      ghsa: 'GHSA-jfh8-c2jp-5v3q',
      epss: 0.97,
      knownExploited: true,
      link: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q',
      package: {
        name: 'log4j-core',
        version: '2.14.1',
        ecosystem: 'java-archive',
        manifest: '/app/lib/log4j-core-2.14.1.jar',
        fixedVersion: '2.15.0',
      },
      properties: {
        fixState: 'fixed',
        matchType: 'exact-direct-match',
        description:
          'Apache Log4j2 JNDI features do not protect against attacker controlled LDAP endpoints.',
      },
    });
  });

  it('maps Negligible to info and takes the CVSS of the related record', () => {
    const tar = parseGrype(sample()).runs[0].findings[1];
    expect(tar).toMatchObject({
      ruleId: 'CVE-2005-2541',
      severity: 'info',
      cvss: 10,
      cves: ['CVE-2005-2541'],
      package: { name: 'tar', manifest: '/var/lib/dpkg/status' },
    });
    expect(tar.package?.fixedVersion).toBeUndefined();
    expect(tar.knownExploited).toBeUndefined();
    expect(tar.epss).toBeUndefined();
  });

  it('is a dependency finding for a directory source, manifest falling back to the target', () => {
    const dir = sample();
    dir.source = { type: 'directory', target: '/src/shop' };
    delete dir.matches[0].artifact.locations;
    const [finding] = parseGrype(dir).runs[0].findings;
    expect(finding.category).toBe('dependency');
    expect(finding.package?.manifest).toBe('/src/shop');
  });

  it('keeps the fingerprint across versions, not across manifests', () => {
    const base = parseGrype(sample()).runs[0].findings[0].fingerprint;

    const upgraded = sample();
    upgraded.matches[0].artifact.version = '2.14.0';
    expect(parseGrype(upgraded).runs[0].findings[0].fingerprint).toBe(base);

    const moved = sample();
    moved.matches[0].artifact.locations[0].path = '/opt/other/log4j.jar';
    expect(parseGrype(moved).runs[0].findings[0].fingerprint).not.toBe(base);
  });

  it('counts a repeated match once', () => {
    const doubled = sample();
    doubled.matches.push(doubled.matches[0]);
    expect(parseGrype(doubled).runs[0].findings).toHaveLength(2);
  });

  it('rejects what is not a Grype report', () => {
    expect(() => parseGrype([])).toThrow(InputError);
    expect(() => parseGrype({ matches: {} })).toThrow(
      "Grype: 'matches' must be an array",
    );
  });
});

const realDir = realFixturesDir('grype parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real Grype JSON file, counted independently with
 * python3 while writing this test: len(matches), and the number of distinct
 * (artifact.name, vulnerability.id, artifact.locations[0].path) — a match
 * repeated with the same package, advisory and location is one finding.
 */
const REAL_COUNTS: Array<[file: string, matches: number, findings: number]> = [
  ['grype-0.24.0-directory.json', 9, 9],
  ['grype-0.28.0-all-fields.json', 6, 5], // GHSA-v6rh-hp5x-86rv / Django listed twice
  ['grype-0.7.0-no-vuln.json', 0, 0],
  ['grype-0.75.0-fix-available.json', 1, 1],
  ['json-directory.json', 2, 2],
  ['json-empty.json', 0, 0],
  ['json-image.json', 2, 2],
];

describeReal('parseGrype on real Grype reports', () => {
  const read = (file: string) => readJson(path.join(realDir!, 'grype', file));

  it('has a count for every Grype JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'grype'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)(
    '%s: %i matches, %i findings',
    (file, _matches, findings) => {
      expect(parseGrype(read(file)).runs[0].findings).toHaveLength(findings);
    },
  );

  it('reads grype-0.28.0-all-fields.json (image source)', () => {
    const run = parseGrype(read('grype-0.28.0-all-fields.json')).runs[0];
    expect(run.tool).toEqual({ name: 'grype', version: '0.28.0' });
    expect(run.findings.every(f => f.category === 'container')).toBe(true);
    expect(run.findings[0]).toMatchObject({
      ruleId: 'CVE-2004-0971',
      severity: 'info',
      cvss: 2.1,
      package: {
        name: 'libgssapi-krb5-2',
        version: '1.17-3+deb10u3',
        ecosystem: 'deb',
        manifest: '/var/lib/dpkg/status',
      },
    });
    const django = run.findings.find(f => f.ruleId === 'GHSA-v6rh-hp5x-86rv');
    expect(django).toMatchObject({
      ghsa: 'GHSA-v6rh-hp5x-86rv',
      cves: ['CVE-2021-44420'],
      severity: 'high',
      package: { fixedVersion: '3.2.10' },
    });
  });

  it('reads grype-0.24.0-directory.json (directory source) and json-image.json (EPSS, KEV)', () => {
    const dir = parseGrype(read('grype-0.24.0-directory.json')).runs[0];
    expect(dir.findings.every(f => f.category === 'dependency')).toBe(true);
    expect(dir.findings[0]).toMatchObject({
      ruleId: 'CVE-1999-1338',
      severity: 'medium',
      package: {
        name: 'delegate',
        ecosystem: 'npm',
        manifest: 'components/yarn.lock',
      },
    });
    const image = parseGrype(read('json-image.json')).runs[0];
    expect(image.tool.version).toBeUndefined(); // "[not provided]"
    expect(image.findings[1]).toMatchObject({
      ruleId: 'CVE-1999-0002',
      severity: 'critical',
      cvss: 8.5,
      epss: 0.08,
      knownExploited: true,
    });
  });
});
