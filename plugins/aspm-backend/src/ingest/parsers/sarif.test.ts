import fs from 'node:fs';
import path from 'node:path';
import {
  FindingCategory,
  ParsedFinding,
  ParsedScan,
} from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import {
  SarifCategoryInput,
  advisoryIds,
  cweIdsIn,
  imageManifest,
  inferSarifCategory,
  normalizeSarifUri,
  parsePurl,
  parseSarif,
  runKeyOf,
} from './sarif';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
const ownFixture = (name: string) =>
  readJson(path.join(__dirname, '__fixtures__', name));
const allFindings = (scan: ParsedScan): ParsedFinding[] =>
  scan.runs.flatMap(r => r.findings);

describe('parseSarif (own fixtures)', () => {
  it('parses two runs with their tools, run key, scan time and suppressions', () => {
    const scan = parseSarif(ownFixture('two-runs-suppressions.sarif'));
    expect(scan.format).toBe('sarif');
    expect(scan.runs).toHaveLength(2);
    const [semgrep, eslint] = scan.runs;

    expect(semgrep.tool).toEqual({ name: 'Semgrep OSS', version: '1.50.0' });
    expect(semgrep.runKey).toBeUndefined();
    expect(semgrep.scannedAt).toBe('2024-05-01T10:02:00.000Z');
    expect(semgrep.findings.map(f => f.suppression)).toEqual([
      undefined,
      { kind: 'inSource', state: 'false_positive' },
      undefined, // the only suppression was rejected
    ]);
    expect(semgrep.findings[0]).toMatchObject({
      category: 'code',
      ruleId: 'javascript.lang.security.audit.eval-detected',
      title: 'Detected the use of eval()',
      severity: 'medium', // rule defaultConfiguration.level warning
      cwes: ['CWE-95'],
      location: {
        path: 'src/app.js',
        startLine: 12,
        startColumn: 3,
        endLine: 12,
        endColumn: 20,
      },
      link: 'https://semgrep.dev/r/javascript.lang.security.audit.eval-detected',
      properties: {
        message: 'Detected the use of eval(). This can be dangerous.',
        precision: 'high',
      },
    });
    expect(semgrep.findings[0].fingerprint).toMatch(/^c:/);

    expect(eslint.tool).toEqual({ name: 'ESLint', version: '8.57.0' });
    expect(eslint.runKey).toBe('eslint/web');
    // no endTimeUtc: the latest startTimeUtc
    expect(eslint.scannedAt).toBe('2024-05-01T10:04:00.000Z');
    expect(eslint.findings.map(f => f.suppression)).toEqual([
      {
        kind: 'external',
        state: 'accepted',
        justification: 'Sandboxed, risk accepted by the security team',
      },
      undefined, // underReview is not suppressed
      undefined, // suppressions: [] is not suppressed
    ]);
    expect(eslint.findings.map(f => f.location?.path)).toEqual([
      'C:/work/web/src/index.js',
      'src/lib utils/run.js',
      'src/index.js',
    ]);
    expect(eslint.findings.map(f => f.severity)).toEqual([
      'high',
      'high',
      'medium',
    ]);
    // no rule descriptor: the title is the message
    expect(eslint.findings[0].title).toBe('eval can be harmful.');
  });

  it('uses the tool fingerprints when present, partialFingerprints merged over fingerprints', () => {
    const [a, b] = allFindings(
      parseSarif(ownFixture('partial-fingerprints.sarif')),
    );
    expect(a.fingerprint).toMatch(/^t:/);
    expect(b.fingerprint).toMatch(/^t:/);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a).toMatchObject({
      category: 'code',
      severity: 'high',
      cvss: 8.8,
      cwes: ['CWE-89'],
      title: 'Database query built from user-controlled sources',
      location: { path: 'server/db.js', startLine: 40 },
    });
    // moving the line does not matter when the tool's hash stays the same
    const doc = ownFixture('partial-fingerprints.sarif') as any;
    doc.runs[0].results[0].locations[0].physicalLocation.region.startLine = 41;
    expect(allFindings(parseSarif(doc))[0].fingerprint).toBe(a.fingerprint);
  });

  it('reads the package of a dependency finding and fingerprints package + advisory + manifest', () => {
    const [a, b] = allFindings(parseSarif(ownFixture('dependency.sarif')));
    expect(a).toMatchObject({
      category: 'dependency',
      ruleId: 'CVE-2024-45296',
      severity: 'high',
      cvss: 7.5,
      cves: ['CVE-2024-45296'],
      ghsa: 'GHSA-9wv6-86v2-598j',
      location: { path: '/home/ci/app/package-lock.json' },
      package: {
        name: 'path-to-regexp',
        version: '0.1.7',
        ecosystem: 'npm',
        manifest: '/home/ci/app/package-lock.json',
      },
    });
    expect(a.fingerprint).toMatch(/^d:/);
    expect(b.package).toEqual({
      name: '@scope/router',
      version: '1.2.3',
      ecosystem: 'npm',
      manifest: 'web/package-lock.json',
    });
    // the installed version is not part of the identity
    const doc = ownFixture('dependency.sarif') as any;
    doc.runs[0].results[0].message.text =
      doc.runs[0].results[0].message.text.replace('0.1.7', '0.1.8');
    expect(allFindings(parseSarif(doc))[0].fingerprint).toBe(a.fingerprint);
  });

  it("skips results whose baselineState is 'absent' and results of kind 'pass'", () => {
    const findings = allFindings(
      parseSarif(ownFixture('baseline-absent.sarif')),
    );
    expect(findings.map(f => f.properties?.message)).toEqual([
      'Still there.',
      'Brand new.',
    ]);
  });

  it('names the wrong version', () => {
    expect(() => parseSarif(ownFixture('wrong-version.sarif'))).toThrow(
      new InputError('SARIF: version must be 2.1.0, got 2.0.0'),
    );
  });

  it("rejects a log without 'runs'", () => {
    expect(() => parseSarif(ownFixture('no-runs.sarif'))).toThrow(InputError);
    expect(() => parseSarif(ownFixture('no-runs.sarif'))).toThrow(
      "SARIF: 'runs' must be an array, got nothing",
    );
  });

  it('accepts an empty runs array as a log with no run', () => {
    expect(parseSarif({ version: '2.1.0', runs: [] })).toEqual({
      format: 'sarif',
      runs: [],
    });
  });

  it.each([
    [null, 'SARIF: the document must be a JSON object'],
    [[], 'SARIF: the document must be a JSON object'],
    [{ runs: [] }, 'SARIF: version must be 2.1.0, got nothing'],
    [{ version: '2.1.0', runs: {} }, "SARIF: 'runs' must be an array, got {}"],
    [{ version: '2.1.0', runs: [1] }, 'SARIF: runs[0] must be an object'],
    [
      { version: '2.1.0', runs: [{ tool: {} }] },
      'SARIF: runs[0].tool.driver.name is required',
    ],
    [
      {
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: 'no' }],
      },
      'SARIF: runs[0].results must be an array',
    ],
    [
      {
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } }, results: [null] }],
      },
      'SARIF: runs[0].results[0] must be an object',
    ],
  ])('rejects %j', (doc, message) => {
    expect(() => parseSarif(doc)).toThrow(new InputError(message));
  });

  it('treats a run with results null or absent as no findings', () => {
    const scan = parseSarif({
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'a' } } },
        { tool: { driver: { name: 'b' } }, results: null },
      ],
    });
    expect(scan.runs.map(r => r.findings)).toEqual([[], []]);
  });

  it('defaults the severity to medium, the rule id to unknown-rule and numbers repeated code fingerprints', () => {
    const scan = parseSarif({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x' } },
          results: [
            { message: { text: 'First line\nsecond' } },
            { message: { text: 'First line\nsecond' } },
          ],
        },
      ],
    });
    const [a, b] = allFindings(scan);
    expect(a).toMatchObject({
      ruleId: 'unknown-rule',
      title: 'First line',
      severity: 'medium',
    });
    expect(b.fingerprint).toBe(`${a.fingerprint}:2`);
  });

  it('finds rules in tool extensions through rule.toolComponent', () => {
    const scan = parseSarif({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: { name: 'CodeQL' },
            extensions: [
              {
                name: 'codeql/js-queries',
                rules: [
                  {
                    id: 'js/xss',
                    shortDescription: { text: 'XSS' },
                    properties: { 'security-severity': '6.1' },
                  },
                ],
              },
            ],
          },
          results: [
            {
              rule: { index: 0, toolComponent: { index: 0 } },
              message: { text: 'm' },
            },
            {
              rule: { index: 0, toolComponent: { name: 'codeql/js-queries' } },
              message: { text: 'm' },
            },
          ],
        },
      ],
    });
    expect(allFindings(scan).map(f => [f.ruleId, f.title, f.severity])).toEqual(
      [
        ['js/xss', 'XSS', 'medium'],
        ['js/xss', 'XSS', 'medium'],
      ],
    );
  });
});

describe('inferSarifCategory', () => {
  const base: SarifCategoryInput = {
    toolName: 'x',
    ruleId: 'r',
    tags: [],
    hasPackage: false,
    hasAdvisory: false,
    inImage: false,
  };
  it.each<[Partial<SarifCategoryInput>, FindingCategory]>([
    [{ toolName: 'gitleaks' }, 'secret'],
    [{ toolName: 'TruffleHog' }, 'secret'],
    [{ toolName: 'Semgrep OSS', tags: ['Secrets'] }, 'secret'],
    [{ toolName: 'Trivy', ruleName: 'Secret' }, 'secret'],
    [{ toolName: 'Checkov' }, 'iac'],
    [{ toolName: 'KICS' }, 'iac'],
    [{ toolName: 'Snyk IaC' }, 'iac'],
    [{ toolName: 'Trivy', ruleId: 'AVD-AWS-0132' }, 'iac'],
    [{ toolName: 'Trivy', ruleId: 'DS002' }, 'iac'],
    [
      {
        toolName: 'Trivy',
        ruleId: 's3-bucket-logging',
        ruleName: 'Misconfiguration',
      },
      'iac',
    ],
    [{ toolName: 'WizCLI', ruleId: 'iac-misconfiguration-1' }, 'iac'],
    [{ toolName: 'Trivy', ruleName: 'OsPackageVulnerability' }, 'container'],
    [
      { toolName: 'Trivy', ruleName: 'LanguageSpecificPackageVulnerability' },
      'dependency',
    ],
    [
      {
        toolName: 'Trivy',
        ruleName: 'LanguageSpecificPackageVulnerability',
        inImage: true,
      },
      'container',
    ],
    [{ toolName: 'grype' }, 'dependency'],
    [{ toolName: 'grype', inImage: true }, 'container'],
    [{ toolName: 'osv-scanner' }, 'dependency'],
    [{ toolName: 'dependency-check' }, 'dependency'],
    [{ toolName: 'Snyk Open Source' }, 'dependency'],
    [{ toolName: 'Snyk Container' }, 'container'],
    [
      { toolName: 'SomeSca', hasPackage: true, hasAdvisory: true },
      'dependency',
    ],
    [{ toolName: 'SomeSca', hasPackage: true }, 'code'],
    [
      { toolName: 'CodeQL', tags: ['security', 'external/cwe/cwe-798'] },
      'code',
    ],
    [{ toolName: 'SnykCode' }, 'code'],
    [{ toolName: 'Scorecard' }, 'code'],
  ])('%j is %s', (input, category) => {
    expect(inferSarifCategory({ ...base, ...input })).toBe(category);
  });
});

describe('SARIF helpers', () => {
  it.each([
    ['file:///C:/dev/app.js', 'C:/dev/app.js'],
    ['file:////src/.venv/x.js', '/src/.venv/x.js'],
    ['file:///home/u/p/package-lock.json', '/home/u/p/package-lock.json'],
    ['./src/a.js', 'src/a.js'],
    ['test\\fixtures\\a.yaml', 'test/fixtures/a.yaml'],
    [
      'pre-commit-container//lib/apk/db/installed',
      'pre-commit-container/lib/apk/db/installed',
    ],
    ['src/my%20file.ts', 'src/my file.ts'],
    ['https://example.com/a//b', 'https://example.com/a//b'],
  ])('normalizeSarifUri(%s) = %s', (uri, expected) => {
    expect(normalizeSarifUri(uri)).toBe(expected);
  });

  it.each([
    [
      'pkg:npm/%40babel/core@7.0.0',
      { name: '@babel/core', version: '7.0.0', ecosystem: 'npm' },
    ],
    [
      'pkg:maven/org.apache/cxf@3.4.6',
      { name: 'org.apache:cxf', version: '3.4.6', ecosystem: 'maven' },
    ],
    [
      'pkg:apk/alpine/ada-libs@2.9.2-r1?arch=aarch64',
      { name: 'ada-libs', version: '2.9.2-r1', ecosystem: 'apk' },
    ],
    [
      'pkg:javascript/jquery@1.8.0.min',
      { name: 'jquery', version: '1.8.0.min', ecosystem: 'javascript' },
    ],
  ])('parsePurl(%s)', (purl, expected) => {
    expect(parsePurl(purl)).toEqual(expected);
  });

  it.each([
    ['localhost/app:1747457987', 'localhost/app'],
    ['localhost:5000/app', 'localhost:5000/app'],
    ['ghcr.io/o/app@sha256:abc', 'ghcr.io/o/app'],
    ['alpine', 'alpine'],
  ])('imageManifest(%s) = %s', (image, expected) => {
    expect(imageManifest(image)).toBe(expected);
  });

  it.each([
    [
      'supply-chain/branch-protection/unknown-11 Apr 22 21:47 +0000',
      'supply-chain/branch-protection',
    ],
    ['/language:python/', '/language:python'],
    ['nightly', 'nightly'],
    ['/', '/'],
  ])('runKeyOf(%s) = %s', (id, expected) => {
    expect(runKeyOf({ automationDetails: { id } })).toBe(expected);
  });

  it('extracts CWE, CVE and GHSA ids', () => {
    expect(
      cweIdsIn(['external/cwe/cwe-079', 'CWE-79', 'cwe-1321: x', 'CWE-']),
    ).toEqual(['CWE-79', 'CWE-1321']);
    expect(
      advisoryIds([
        'GHSA-CXWW-7g56-2vh6-actions/x',
        'cve-2021-44228 and CVE-2021-44228',
      ]),
    ).toEqual({
      cves: ['CVE-2021-44228'],
      ghsa: 'GHSA-cxww-7g56-2vh6',
    });
  });
});

/*
 * Expected numbers for every SARIF file of the shared real fixtures, counted
 * independently of this parser with python3 while writing this test:
 *
 *   for each file: d = json.load(f)
 *     runs       = len(d['runs'])
 *     findings   = sum(len(run.get('results') or []) for run in runs)
 *                  - results with baselineState == 'absent'
 *                  (no real file has results of kind 'pass' / 'notApplicable':
 *                  `grep -rl '"kind": *"\(pass\|notApplicable\)"'` finds none)
 *     suppressed = results (not absent) with at least one suppression whose
 *                  status is neither 'rejected' nor 'underReview'
 *
 * `categories` is the set of categories we expect the heuristic to give
 * (a judgement per tool, not a count).
 */
interface Expected {
  runs: number;
  findings: number;
  suppressed: number;
  categories: FindingCategory[];
}
const REAL_SARIF: Record<string, Expected> = {
  'checkov/checkov-2.3.55-docs-example.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['iac'],
  },
  'codeql/codeql-2.19.0-python.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'codeql/codeql-2.19.0-ruby.sarif': {
    runs: 1,
    findings: 4,
    suppressed: 0,
    categories: ['code'],
  },
  'codeql/codeql-action-valid-sarif.sarif': {
    runs: 2,
    findings: 3,
    suppressed: 0,
    categories: ['code'],
  },
  'codeql/codeql-empty.sarif': {
    runs: 1,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'codeql/codeql-fingerprinting2.expected.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'dependency-check/dependency-check-6.1.2.sarif': {
    runs: 1,
    findings: 13,
    suppressed: 0,
    categories: ['dependency'],
  },
  'eslint-sarif/eslint-8.57.0-formatter-sarif-3.1.0.sarif': {
    runs: 1,
    findings: 6,
    suppressed: 1,
    categories: ['code'],
  },
  'eslint-sarif/sarif-log.json': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'gitleaks/baseline_empty.sarif': {
    runs: 0,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'gitleaks/gitleaks-7.4.0.sarif': {
    runs: 1,
    findings: 8,
    suppressed: 0,
    categories: ['secret'],
  },
  'gitleaks/sarif_simple.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['secret'],
  },
  'grype/grype-0.34.7-cxf-3.4.6.sarif': {
    runs: 1,
    findings: 22,
    suppressed: 0,
    categories: ['dependency'],
  },
  'grype/grype-0.91.2-container.sarif': {
    runs: 1,
    findings: 39,
    suppressed: 0,
    categories: ['container'],
  },
  'grype/grype-0.97.2-github-actions.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['dependency'],
  },
  'grype/sarif-directory.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['dependency'],
  },
  'grype/sarif-image.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['container'],
  },
  'kics/kics-e2e-080.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['iac'],
  },
  'njsscan/njsscan-0.2.3.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['code'],
  },
  'osv-scanner/osv-scanner-2.2.0-npm.sarif': {
    runs: 1,
    findings: 10,
    suppressed: 0,
    categories: ['dependency'],
  },
  'osv-scanner/osv-scanner-2.2.0-pip.sarif': {
    runs: 1,
    findings: 3,
    suppressed: 0,
    categories: ['dependency'],
  },
  'sarif-edge/multi-run-trivy-wiz.sarif': {
    runs: 2,
    findings: 12,
    suppressed: 0,
    categories: ['iac'],
  },
  'sarif-edge/multi-run-zero-results.sarif': {
    runs: 2,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'sarif-edge/no_runs.sarif': {
    runs: 0,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'sarif-tutorials/baseline-states.sarif': {
    runs: 1,
    findings: 3,
    suppressed: 0,
    categories: ['code'],
  },
  'sarif-tutorials/codeflows.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'sarif-tutorials/empty-log.sarif.json': {
    runs: 1,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'sarif-tutorials/eslint-simple-example.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'sarif-tutorials/suppressions.sarif': {
    runs: 1,
    findings: 9,
    suppressed: 5,
    categories: ['code'],
  },
  'scorecard/scorecard-results.sarif': {
    runs: 3,
    findings: 8,
    suppressed: 0,
    categories: ['code'],
  },
  'semgrep/sarif-dataflow-traces.sarif': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['code'],
  },
  'semgrep/sarif-include-nosemgrep.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 1,
    categories: ['code'],
  },
  'semgrep/sarif-rule-board.sarif': {
    runs: 1,
    findings: 3,
    suppressed: 0,
    categories: ['code'],
  },
  'semgrep/sarif-when-errors.sarif': {
    runs: 1,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'semgrep/sarif-with-source.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['code'],
  },
  'snyk/snyk-code-empty.sarif.json': {
    runs: 1,
    findings: 0,
    suppressed: 0,
    categories: [],
  },
  'snyk/snyk-code-sample.sarif.json': {
    runs: 1,
    findings: 7,
    suppressed: 0,
    categories: ['code'],
  },
  'snyk/snyk-code-with-suppressions.sarif.json': {
    runs: 1,
    findings: 11,
    suppressed: 2,
    categories: ['code'],
  },
  'snyk/snyk-container.sarif.json': {
    runs: 1,
    findings: 1,
    suppressed: 0,
    categories: ['container'],
  },
  'snyk/snyk-iac.sarif.json': {
    runs: 1,
    findings: 4,
    suppressed: 0,
    categories: ['iac'],
  },
  'snyk/snyk-open-source-maven.sarif': {
    runs: 1,
    findings: 4,
    suppressed: 0,
    categories: ['dependency'],
  },
  'snyk/snyk-open-source-npm.sarif': {
    runs: 1,
    findings: 14,
    suppressed: 0,
    categories: ['dependency'],
  },
  'trivy/alpine-310.sarif': {
    runs: 1,
    findings: 4,
    suppressed: 0,
    categories: ['container'],
  },
  'trivy/trivy-0.62.1-iac.sarif': {
    runs: 1,
    findings: 2,
    suppressed: 0,
    categories: ['iac'],
  },
  'wiz/wizcli-0.83.0-iac.sarif': {
    runs: 1,
    findings: 10,
    suppressed: 0,
    categories: ['iac'],
  },
};

const realDir = realFixturesDir('sarif.test');
const describeReal = realDir ? describe : describe.skip;

/** Every file under `dir`, relative, '/'-separated. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    });
}

/** SARIF files by name, and any other .json file that is a SARIF log (sarif-log.json). */
function isSarifFile(dir: string, rel: string): boolean {
  if (/\.sarif(\.json)?$/.test(rel)) return true;
  if (!rel.endsWith('.json')) return false;
  try {
    const doc = readJson(path.join(dir, rel)) as Record<string, unknown> | null;
    return (
      !!doc && typeof doc === 'object' && 'runs' in doc && 'version' in doc
    );
  } catch {
    return false;
  }
}

describeReal('parseSarif (real fixtures)', () => {
  const dir = realDir ?? '';
  const parseReal = (rel: string) => parseSarif(readJson(path.join(dir, rel)));
  const findingsOf = (rel: string) => allFindings(parseReal(rel));

  it('has an expectation for every SARIF file', () => {
    const files = listFiles(dir)
      .filter(rel => isSarifFile(dir, rel))
      .sort();
    expect(files).toEqual(Object.keys(REAL_SARIF).sort());
  });

  it.each(Object.entries(REAL_SARIF))('%s', (rel, expected) => {
    const scan = parseReal(rel);
    const findings = allFindings(scan);
    expect({
      runs: scan.runs.length,
      findings: findings.length,
      suppressed: findings.filter(f => f.suppression).length,
      categories: [...new Set(findings.map(f => f.category))].sort(),
    }).toEqual({ ...expected, categories: [...expected.categories].sort() });
    for (const f of findings) {
      expect(f.fingerprint).toMatch(/^[cdt]:[0-9a-f]{40}(:\d+)?$/);
      expect(f.title.length).toBeGreaterThan(0);
      expect(f.title.length).toBeLessThanOrEqual(300);
    }
  });

  it('CodeQL: rule by rule.index, severity from security-severity, CWE from tags, location', () => {
    const [first] = findingsOf('codeql/codeql-2.19.0-ruby.sarif');
    expect(first).toMatchObject({
      category: 'code',
      ruleId: 'rb/request-forgery',
      title: 'Server-side request forgery',
      severity: 'critical', // security-severity 9.1
      cvss: 9.1,
      cwes: ['CWE-918'], // external/cwe/cwe-918
      location: {
        path: 'script.rb',
        startLine: 6,
        startColumn: 10,
        endColumn: 18,
      },
    });
    expect(first.fingerprint).toMatch(/^t:/); // partialFingerprints
    expect(findingsOf('codeql/codeql-2.19.0-ruby.sarif')[2].cwes).toEqual([
      'CWE-78',
      'CWE-88',
      'CWE-73',
    ]);
  });

  it('gitleaks: secret findings; gitleaks 7 rules found from the message; the secret is not kept', () => {
    expect(findingsOf('gitleaks/sarif_simple.sarif')[0]).toMatchObject({
      category: 'secret',
      ruleId: 'test-rule',
      location: { path: 'auth.py', startLine: 1, endLine: 2 },
    });
    const [leak] = findingsOf('gitleaks/gitleaks-7.4.0.sarif');
    expect(leak).toMatchObject({
      category: 'secret',
      ruleId: 'AWS Access Key',
      title: 'AWS Access Key',
    });
    expect(JSON.stringify(leak.properties)).not.toContain(
      'AKIAIOSFODNN7EXAMPLE',
    );
  });

  it('dependency-check: dependency findings with a CVE, CVSS and the package from the artifact purl', () => {
    const findings = findingsOf(
      'dependency-check/dependency-check-6.1.2.sarif',
    );
    expect(findings.every(f => f.category === 'dependency')).toBe(true);
    expect(findings.find(f => f.ruleId === 'CVE-2015-9251')).toMatchObject({
      cves: ['CVE-2015-9251'],
      cvss: 6.1,
      severity: 'medium',
      package: { name: 'jquery', version: '1.8.0.min' },
    });
    // RetireJS results: no score, the tool's own severity word
    expect(findings[0]).toMatchObject({
      severity: 'low',
      package: { name: 'handlebars' },
    });
  });

  it('OSV-Scanner: package, GHSA alias and manifest', () => {
    expect(
      findingsOf('osv-scanner/osv-scanner-2.2.0-npm.sarif')[0],
    ).toMatchObject({
      category: 'dependency',
      cves: ['CVE-2024-45296'],
      ghsa: 'GHSA-9wv6-86v2-598j',
      package: {
        name: 'path-to-regexp',
        version: '0.1.7',
        ecosystem: 'npm',
        manifest: '/Users/john.doe/projects/javascript/npm/package-lock.json',
      },
    });
  });

  it('Trivy image scan: container findings, each package from its own message', () => {
    const findings = findingsOf('trivy/alpine-310.sarif');
    expect(
      findings.map(f => [f.category, f.package?.name, f.package?.fixedVersion]),
    ).toEqual([
      ['container', 'libcrypto1.1', '1.1.1d-r0'],
      ['container', 'libcrypto1.1', '1.1.1d-r2'],
      ['container', 'libssl1.1', '1.1.1d-r0'],
      ['container', 'libssl1.1', '1.1.1d-r2'],
    ]);
    expect(new Set(findings.map(f => f.fingerprint)).size).toBe(4);
  });

  it('Grype container scan: the manifest is the image without its tag', () => {
    expect(findingsOf('grype/grype-0.91.2-container.sarif')[0]).toMatchObject({
      category: 'container',
      cves: ['CVE-2024-9410'],
      package: {
        name: 'ada-libs',
        version: '2.9.2-r1',
        ecosystem: 'apk',
        manifest: 'localhost/pre-commit-container',
      },
      properties: { image: 'localhost/pre-commit-container:1747457987' },
    });
  });

  it('Snyk Open Source: package from the logical location, fix from the fixes', () => {
    expect(findingsOf('snyk/snyk-open-source-npm.sarif')[0]).toMatchObject({
      category: 'dependency',
      ruleId: 'SNYK-JS-BODYPARSER-7926860',
      severity: 'high',
      cves: ['CVE-2024-45590'],
      cwes: ['CWE-405'],
      package: {
        name: 'body-parser',
        version: '1.19.0',
        ecosystem: 'npm',
        manifest: 'package.json',
        fixedVersion: '1.20.3',
      },
    });
  });

  it('KICS: Windows path separators, level from the rule default', () => {
    expect(findingsOf('kics/kics-e2e-080.sarif')[0]).toMatchObject({
      category: 'iac',
      severity: 'high',
      location: {
        path: 'test/fixtures/test_sarif_cwe_report/script_block_injection/test/positive1.yaml',
        startLine: 17,
      },
    });
  });

  it('suppression samples: which results are suppressed', () => {
    expect(
      findingsOf('sarif-tutorials/suppressions.sarif').map(
        f => f.suppression?.state ?? null,
      ),
    ).toEqual([
      null,
      'false_positive', // inSource
      'accepted', // external
      null, // rejected
      'accepted', // accepted
      null, // underReview
      'accepted', // accepted + rejected
      'accepted', // unqualified + rejected
      null, // underReview + rejected: underReview counts as not suppressed
    ]);
    const nosemgrep = findingsOf('semgrep/sarif-include-nosemgrep.sarif');
    expect(nosemgrep.map(f => f.suppression)).toEqual([
      { kind: 'inSource', state: 'false_positive' },
      undefined,
    ]);
  });

  it('Snyk Code ignores: the reason decides false positive vs accepted', () => {
    const suppressed = findingsOf(
      'snyk/snyk-code-with-suppressions.sarif.json',
    ).filter(f => f.suppression);
    expect(suppressed.map(f => [f.ruleId, f.suppression])).toEqual([
      [
        'javascript/NoSqli',
        {
          kind: 'external',
          state: 'accepted',
          justification: 'Experimenting with consistent ignores capability.',
        },
      ],
      [
        'javascript/DisablePoweredBy',
        { kind: 'external', state: 'false_positive' },
      ],
    ]);
  });

  it('baseline states: the absent result is dropped, the others stay distinct', () => {
    const findings = findingsOf('sarif-tutorials/baseline-states.sarif');
    expect(findings.map(f => f.properties?.message)).toEqual([
      'Unchanged result.',
      'Updated result.',
      'New result.',
    ]);
    expect(new Set(findings.map(f => f.fingerprint)).size).toBe(3);
  });

  it('run keys, tools and scan times', () => {
    const scorecard = parseReal('scorecard/scorecard-results.sarif');
    expect(scorecard.runs.map(r => r.runKey)).toEqual([
      'supply-chain/branch-protection',
      'supply-chain/local',
      'supply-chain/online-scm',
    ]);
    expect(
      parseReal('sarif-edge/multi-run-trivy-wiz.sarif').runs.map(r => r.tool),
    ).toEqual([
      { name: 'Trivy', version: '0.62.1' },
      { name: 'WizCLI', version: '0.83.0-82ebf93' },
    ]);
    expect(parseReal('njsscan/njsscan-0.2.3.sarif').runs[0].scannedAt).toBe(
      '2021-03-23T00:10:48.000Z',
    );
    expect(parseReal('snyk/snyk-iac.sarif.json').runs[0].runKey).toBe(
      'Snyk/IaC/input-files-for-json-v2',
    );
  });
});
