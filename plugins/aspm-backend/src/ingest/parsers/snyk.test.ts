import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseSnyk } from './snyk';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const sample = () =>
  readJson(path.join(__dirname, '__fixtures__', 'snyk-sample.json')) as any;

describe('parseSnyk', () => {
  it('makes one finding per target file, vulnerability and package', () => {
    const scan = parseSnyk(sample());
    expect(scan.format).toBe('snyk');
    expect(scan.runs).toHaveLength(1);
    expect(scan.runs[0].tool).toEqual({ name: 'Snyk Open Source' });
    // 3 entries: lodash twice (two dependency paths), log4j once.
    expect(scan.runs[0].findings.map(f => f.ruleId)).toEqual([
      'SNYK-JS-LODASH-1040724',
      'SNYK-JAVA-ORGAPACHELOGGINGLOG4J-2314720',
    ]);
  });

  it('maps a vulnerability', () => {
    const [lodash, log4j] = parseSnyk(sample()).runs[0].findings;
    expect(lodash).toMatchObject({
      category: 'dependency',
      ruleId: 'SNYK-JS-LODASH-1040724',
      title: 'Command Injection',
      severity: 'high',
      cvss: 7.2,
      cves: ['CVE-2021-23337'],
      ghsa: 'GHSA-35jh-r3h4-6jhm',
      cwes: ['CWE-78'],
      link: 'https://security.snyk.io/vuln/SNYK-JS-LODASH-1040724',
      package: {
        name: 'lodash',
        version: '4.17.20',
        ecosystem: 'npm',
        manifest: 'web/package-lock.json', // from web\package-lock.json
        fixedVersion: '4.17.21',
      },
      properties: {
        projectName: 'shop-web',
        dependencyPaths: 2,
        isUpgradable: true,
        isPatchable: false,
        exploitMaturity: 'Proof of Concept',
      },
    });
    expect(log4j).toMatchObject({
      severity: 'critical',
      package: { ecosystem: 'maven', manifest: 'api/pom.xml' },
      properties: { dependencyPaths: 1 },
    });
    expect(log4j.ghsa).toBeUndefined();
  });

  it('keeps the fingerprint across versions, not across manifests', () => {
    const base = parseSnyk(sample()).runs[0].findings[0].fingerprint;
    const upgraded = sample();
    upgraded[0].vulnerabilities.forEach((v: { version: string }) => {
      v.version = '4.17.19';
    });
    expect(parseSnyk(upgraded).runs[0].findings[0].fingerprint).toBe(base);
    const moved = sample();
    moved[0].displayTargetFile = 'package-lock.json';
    expect(parseSnyk(moved).runs[0].findings[0].fingerprint).not.toBe(base);
  });

  it('reads a single project object', () => {
    const single = sample()[1];
    expect(parseSnyk(single).runs[0].findings).toHaveLength(1);
  });

  it("rejects a failed test with Snyk's message", () => {
    const failed = {
      ok: false,
      error: 'Could not detect supported target files in /src/shop',
      path: '/src/shop',
    };
    expect(() => parseSnyk(failed)).toThrow(InputError);
    expect(() => parseSnyk(failed)).toThrow(
      'Snyk: the test failed: Could not detect supported target files in /src/shop',
    );
    expect(() => parseSnyk([sample()[0], failed])).toThrow(
      /^Snyk: the test failed/,
    );
  });

  it('rejects what is not Snyk JSON', () => {
    expect(() => parseSnyk('nope')).toThrow(InputError);
    expect(() => parseSnyk([])).toThrow(InputError);
    expect(() => parseSnyk({ vulnerabilities: {} })).toThrow(
      "Snyk: 'vulnerabilities' must be an array",
    );
  });
});

const realDir = realFixturesDir('snyk parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real Snyk CLI JSON file (the *.sarif* files are
 * SARIF, for the SARIF parser), counted independently with python3 while
 * writing this test: the raw vulnerability entries over all projects, and the
 * distinct (displayTargetFile, id, packageName) — the imported count; it
 * matches the sum of Snyk's own `uniqueCount`.
 */
const REAL_COUNTS: Array<[file: string, entries: number, findings: number]> = [
  ['snyk-all-projects-many.json', 4, 4], // 3 projects
  ['snyk-single-project-none.json', 0, 0],
  ['snyk-single-project-one.json', 1, 1],
];

describeReal('parseSnyk on real Snyk CLI reports', () => {
  const read = (file: string) => readJson(path.join(realDir!, 'snyk', file));

  it('has a count for every Snyk CLI JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'snyk'))
      .filter(f => f.endsWith('.json') && !f.includes('.sarif'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)(
    '%s: %i entries, %i unique findings',
    (file, _entries, findings) => {
      expect(parseSnyk(read(file)).runs[0].findings).toHaveLength(findings);
    },
  );

  it('reads snyk-all-projects-many.json', () => {
    const findings = parseSnyk(read('snyk-all-projects-many.json')).runs[0]
      .findings;
    expect(findings.map(f => [f.ruleId, f.package?.manifest])).toEqual([
      ['SNYK-JAVA-COMGOOGLEGUAVA-1015415', 'pom.xml'],
      ['SNYK-JAVA-COMGOOGLEGUAVA-1015415', 'project-a/pom.xml'],
      ['SNYK-JAVA-COMGOOGLEGUAVA-32236', 'project-a/pom.xml'],
      ['SNYK-JAVA-COMGOOGLEGUAVA-1015415', 'project-b/pom.xml'],
    ]);
    // The same advisory on the same package in two projects: two findings.
    expect(new Set(findings.map(f => f.fingerprint)).size).toBe(4);
  });

  it('reads snyk-single-project-one.json', () => {
    const [xmlsec] = parseSnyk(read('snyk-single-project-one.json')).runs[0]
      .findings;
    expect(xmlsec).toMatchObject({
      ruleId: 'SNYK-JAVA-ORGAPACHESANTUARIO-460281',
      title: 'XML External Entity (XXE) Injection',
      severity: 'medium',
      cvss: 6.5,
      cves: ['CVE-2019-12400'],
      cwes: ['CWE-611'],
      package: {
        name: 'org.apache.santuario:xmlsec',
        version: '2.1.1',
        ecosystem: 'maven',
        manifest: 'pom.xml',
        fixedVersion: '2.1.4',
      },
      properties: { projectName: 'com.test:myframework' },
    });
  });
});
