import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { dependencyFingerprint } from './fingerprint';
import { parseNpmAudit } from './npmAudit';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const fixture = (name: string) =>
  readJson(path.join(__dirname, '__fixtures__', name)) as any;

describe('parseNpmAudit, npm 7+', () => {
  const v7 = () => fixture('npm-audit-v7-sample.json');

  it('makes one finding per advisory object of via, none for string-only via', () => {
    const scan = parseNpmAudit(v7());
    expect(scan.format).toBe('npm-audit');
    expect(scan.runs[0].tool).toEqual({ name: 'npm audit' });
    // minimist: 2 advisories; mkdirp only points at minimist.
    expect(scan.runs[0].findings.map(f => [f.package?.name, f.ruleId])).toEqual(
      [
        ['minimist', 'GHSA-xvch-5gv4-984h'],
        ['minimist', 'NPM-1096465'],
      ],
    );
  });

  it('maps an advisory', () => {
    const [ghsa, legacy] = parseNpmAudit(v7()).runs[0].findings;
    expect(ghsa).toMatchObject({
      category: 'dependency',
      ruleId: 'GHSA-xvch-5gv4-984h',
      ghsa: 'GHSA-xvch-5gv4-984h',
      title: 'Prototype Pollution in minimist',
      severity: 'critical',
      cvss: 9.8,
      cwes: ['CWE-1321'],
      link: 'https://github.com/advisories/GHSA-xvch-5gv4-984h',
      package: {
        name: 'minimist',
        ecosystem: 'npm',
        manifest: 'package-lock.json',
        fixedVersion: '0.2.4',
      },
      properties: {
        npmAdvisoryId: 1097677,
        vulnerableVersions: '<0.2.4',
        installedRange: '<=0.2.3',
        nodes: ['node_modules/minimist'],
        isDirect: false,
      },
    });
    expect(ghsa.package?.version).toBeUndefined(); // npm 7 gives ranges only
    expect(legacy).toMatchObject({ severity: 'medium', ghsa: undefined });
    expect(legacy.cvss).toBeUndefined(); // score 0 = not scored
    expect(legacy.cwes).toBeUndefined();
  });

  it('keeps the fingerprint across versions, not across manifests', () => {
    const lodashFingerprint = (doc: unknown) =>
      parseNpmAudit(doc).runs[0].findings.find(
        f => f.package?.name === 'lodash',
      )?.fingerprint;
    const v6Sample = fixture('npm-audit-v6-sample.json');
    const base = lodashFingerprint(v6Sample);
    v6Sample.advisories['1523'].findings[0].version = '4.17.10';
    expect(lodashFingerprint(v6Sample)).toBe(base);
    // The same advisory on the same package reads the same from npm 6 and 7.
    const sameAdvisory = v7();
    sameAdvisory.vulnerabilities.minimist.via[0].url =
      'https://github.com/advisories/GHSA-p6mc-m468-83gw';
    sameAdvisory.vulnerabilities.minimist.name = 'lodash';
    expect(lodashFingerprint(sameAdvisory)).toBe(base);
    // npm audit names no lock file: every finding is in package-lock.json,
    // and the manifest still takes part in the identity.
    const identity = {
      packageName: 'lodash',
      advisoryId: 'GHSA-p6mc-m468-83gw',
    };
    expect(base).toBe(
      dependencyFingerprint({ ...identity, manifest: 'package-lock.json' }),
    );
    expect(base).not.toBe(
      dependencyFingerprint({ ...identity, manifest: 'web/package-lock.json' }),
    );
  });

  it('reads an empty report', () => {
    expect(
      parseNpmAudit({ auditReportVersion: 2, vulnerabilities: {} }).runs[0]
        .findings,
    ).toEqual([]);
  });
});

describe('parseNpmAudit, npm 6', () => {
  it('makes one finding per advisory', () => {
    const findings = parseNpmAudit(fixture('npm-audit-v6-sample.json')).runs[0]
      .findings;
    expect(findings).toHaveLength(2);
    const byName = Object.fromEntries(findings.map(f => [f.package?.name, f]));
    expect(byName.lodash).toMatchObject({
      ruleId: 'GHSA-p6mc-m468-83gw',
      ghsa: 'GHSA-p6mc-m468-83gw',
      title: 'Prototype Pollution',
      severity: 'low',
      cves: ['CVE-2019-10744'],
      cwes: ['CWE-400'],
      link: 'https://npmjs.com/advisories/1523',
      package: {
        name: 'lodash',
        version: '4.17.15',
        ecosystem: 'npm',
        manifest: 'package-lock.json',
        fixedVersion: '>=4.17.19',
      },
      properties: { npmAdvisoryId: 1523, paths: ['lodash', 'async>lodash'] },
    });
    expect(byName['uglify-js']).toMatchObject({
      ruleId: 'NPM-48',
      severity: 'medium', // moderate
    });
    expect(byName['uglify-js'].cwes).toBeUndefined(); // "CWE-" is not an id
    expect(byName['uglify-js'].cves).toBeUndefined();
    expect(byName['uglify-js'].package?.fixedVersion).toBeUndefined(); // <0.0.0
  });
});

describe('parseNpmAudit, invalid input', () => {
  it("rejects npm's error payload with npm's message", () => {
    const payload = {
      error: {
        code: 'ENOLOCK',
        summary: 'This command requires an existing lockfile.',
        detail: '',
      },
    };
    expect(() => parseNpmAudit(payload)).toThrow(InputError);
    expect(() => parseNpmAudit(payload)).toThrow(
      'npm audit: the report is an error, not audit results: This command requires an existing lockfile. (ENOLOCK)',
    );
  });

  it('rejects what is not an npm audit report', () => {
    expect(() => parseNpmAudit([])).toThrow(InputError);
    expect(() => parseNpmAudit({ vulnerabilities: {} })).toThrow(
      /^npm audit: expected 'advisories'/,
    );
  });
});

const realDir = realFixturesDir('npm audit parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real npm audit file, counted independently with
 * python3 while writing this test: npm 6, len(advisories); npm 7+, the
 * number of object (not string) entries of every vulnerabilities[*].via.
 */
const REAL_COUNTS: Array<[file: string, findings: number]> = [
  ['npm6-audit-many.json', 5], // 5 advisories (metadata counts 15 paths)
  ['npm7-audit-many.json', 3], // 6 packages, 3 via objects
  ['npm7-audit-none.json', 0],
  ['npm7-audit-one.json', 2], // 1 package (debug), 2 via objects
];

describeReal('parseNpmAudit on real npm audit reports', () => {
  const read = (file: string) =>
    readJson(path.join(realDir!, 'npm-audit', file));

  it('has a count for every npm audit fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'npm-audit'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(
      [...REAL_COUNTS.map(([f]) => f), 'npm-audit-error-enoaudit.json'].sort(),
    );
  });

  it.each(REAL_COUNTS)('%s has %i findings', (file, count) => {
    expect(parseNpmAudit(read(file)).runs[0].findings).toHaveLength(count);
  });

  it('rejects npm-audit-error-enoaudit.json with the ENOAUDIT summary', () => {
    expect(() => parseNpmAudit(read('npm-audit-error-enoaudit.json'))).toThrow(
      'npm audit: the report is an error, not audit results: Your configured registry (https://registry.npmjs.org/) may not support audit requests, or the audit endpoint may be temporarily unavailable. (ENOAUDIT)',
    );
  });

  it('reads npm6-audit-many.json', () => {
    const findings = parseNpmAudit(read('npm6-audit-many.json')).runs[0]
      .findings;
    expect(findings.find(f => f.package?.name === 'negotiator')).toMatchObject({
      ruleId: 'NPM-106',
      severity: 'high',
      cves: ['CVE-2016-10539'],
      cwes: ['CWE-400'],
      package: { version: '0.5.3', fixedVersion: '>= 0.6.1' },
      link: 'https://nodesecurity.io/advisories/106',
    });
    expect(findings.find(f => f.package?.name === 'mime')?.severity).toBe(
      'medium',
    );
  });

  it('reads npm7-audit-one.json and npm7-audit-many.json', () => {
    const one = parseNpmAudit(read('npm7-audit-one.json')).runs[0].findings;
    expect(one.map(f => [f.ruleId, f.severity, f.cvss])).toEqual([
      ['GHSA-gxpj-cx7g-858c', 'medium', 5.3],
      ['GHSA-9vvw-cc9w-f27h', 'high', 7.5],
    ]);
    // fixAvailable names express: not a fixed version of debug.
    expect(one[0].package?.fixedVersion).toBeUndefined();
    const many = parseNpmAudit(read('npm7-audit-many.json')).runs[0].findings;
    expect(many.map(f => f.package?.name)).toEqual([
      'debug',
      'semver',
      'undici',
    ]);
  });
});
