import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseSemgrep, semgrepCategory, semgrepSeverity } from './semgrep';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const sample = () =>
  readJson(path.join(__dirname, '__fixtures__', 'semgrep-sample.json')) as any;

describe('parseSemgrep', () => {
  it('reads the run', () => {
    const scan = parseSemgrep(sample());
    expect(scan.format).toBe('semgrep');
    expect(scan.runs[0].tool).toEqual({ name: 'Semgrep', version: '1.70.0' });
    expect(scan.runs[0].findings.map(f => f.category)).toEqual([
      'code',
      'code',
      'iac',
      'secret',
    ]);
  });

  it('maps a result', () => {
    const [sqli] = parseSemgrep(sample()).runs[0].findings;
    expect(sqli).toMatchObject({
      category: 'code',
      ruleId:
        'python.flask.security.injection.tainted-sql-string.tainted-sql-string',
      title: 'Detected user input used to manually construct a SQL string.',
      severity: 'high',
      cwes: ['CWE-89'],
      location: {
        path: 'src/app.py',
        startLine: 42,
        endLine: 42,
        startColumn: 9,
        endColumn: 61,
      },
      link: 'https://semgrep.dev/r/python.flask.security.injection.tainted-sql-string.tainted-sql-string',
      properties: {
        message:
          'Detected user input used to manually construct a SQL string.\nUse parameterized queries instead.',
        confidence: 'HIGH',
        owasp: ['A03:2021 - Injection'],
        references: ['https://owasp.org/Top10/A03_2021-Injection'],
      },
    });
    expect(sqli.suppression).toBeUndefined();
    // "requires login" is not a fingerprint.
    expect(sqli.properties?.semgrepFingerprint).toBeUndefined();
  });

  it('reads is_ignored as an in-source false positive', () => {
    const ignored = parseSemgrep(sample()).runs[0].findings[1];
    expect(ignored.suppression).toEqual({
      kind: 'inSource',
      state: 'false_positive',
    });
    expect(ignored.cwes).toEqual(['CWE-89']); // from a plain string
  });

  it('numbers two matches on identical lines of one file', () => {
    const [first, second] = parseSemgrep(sample()).runs[0].findings;
    expect(second.fingerprint).toBe(`${first.fingerprint}:2`);
  });

  it('keeps the fingerprint when the match moves, not when the file changes', () => {
    const base = parseSemgrep(sample()).runs[0].findings[0].fingerprint;
    const moved = sample();
    moved.results[0].start.line = 50;
    moved.results[0].end.line = 50;
    expect(parseSemgrep(moved).runs[0].findings[0].fingerprint).toBe(base);
    const renamed = sample();
    renamed.results[0].path = 'src/api.py';
    expect(parseSemgrep(renamed).runs[0].findings[0].fingerprint).not.toBe(
      base,
    );
  });

  it('uses the position when the lines are hidden behind "requires login"', () => {
    const base = parseSemgrep(sample()).runs[0].findings[2];
    expect(base).toMatchObject({
      severity: 'medium',
      link: 'https://semgrep.dev/r/terraform.aws.security.aws-s3-bucket-versioning',
      properties: { semgrepFingerprint: '0f0e0d0c_0' },
    });
    const moved = sample();
    moved.results[2].start.line = 11;
    expect(parseSemgrep(moved).runs[0].findings[2].fingerprint).not.toBe(
      base.fingerprint,
    );
  });

  it('maps severities', () => {
    expect(semgrepSeverity('ERROR')).toBe('high');
    expect(semgrepSeverity('WARNING')).toBe('medium');
    expect(semgrepSeverity('INFO')).toBe('low');
    expect(semgrepSeverity('CRITICAL')).toBe('critical');
    expect(semgrepSeverity('LOW')).toBe('low');
    expect(semgrepSeverity('INVENTORY')).toBe('info');
    expect(semgrepSeverity(undefined)).toBe('medium');
  });

  it('classifies secrets, IaC and code', () => {
    const security = { category: 'security' };
    expect(
      semgrepCategory(
        'generic.secrets.security.detected-aws-key',
        'a.py',
        security,
      ),
    ).toBe('secret');
    expect(semgrepCategory('generic.secrets.x', 'a.py', undefined)).toBe(
      'code',
    );
    expect(
      semgrepCategory('dockerfile.security.last-user-is-root', 'x', security),
    ).toBe('iac');
    expect(
      semgrepCategory(
        'yaml.kubernetes.security.privileged',
        'k.yaml',
        security,
      ),
    ).toBe('iac');
    expect(semgrepCategory('custom.rule', 'infra/vars.tfvars', security)).toBe(
      'iac',
    );
    expect(
      semgrepCategory('custom.rule', 'build/Dockerfile.prod', security),
    ).toBe('iac');
    expect(
      semgrepCategory('python.lang.security.eval', 'app.py', security),
    ).toBe('code');
  });

  it('rejects what is not a Semgrep report', () => {
    expect(() => parseSemgrep([])).toThrow(InputError);
    expect(() => parseSemgrep({ errors: [] })).toThrow(
      "Semgrep: 'results' must be an array",
    );
  });
});

const realDir = realFixturesDir('semgrep parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real Semgrep JSON file, counted independently with
 * python3 while writing this test: len(results). None is is_ignored.
 */
const REAL_COUNTS: Array<[file: string, findings: number]> = [
  ['json-dataflow-traces.json', 1],
  ['semgrep-1.30.0.json', 5],
  ['semgrep-1.84.1.json', 3],
  ['semgrep-empty.json', 0],
  ['semgrep-many-findings.json', 3],
];

describeReal('parseSemgrep on real Semgrep reports', () => {
  const read = (file: string) => readJson(path.join(realDir!, 'semgrep', file));

  it('has a count for every Semgrep JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'semgrep'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)('%s has %i findings', (file, count) => {
    const findings = parseSemgrep(read(file)).runs[0].findings;
    expect(findings).toHaveLength(count);
    expect(new Set(findings.map(f => f.fingerprint)).size).toBe(count);
  });

  it('reads semgrep-1.30.0.json', () => {
    const run = parseSemgrep(read('semgrep-1.30.0.json')).runs[0];
    expect(run.tool).toEqual({ name: 'Semgrep', version: '1.30.0' });
    expect(run.findings[0]).toMatchObject({
      category: 'code',
      ruleId:
        'go.lang.security.audit.net.formatted-template-string.formatted-template-string',
      severity: 'medium',
      cwes: ['CWE-79'],
      location: { path: 'test.go' },
      link: 'https://semgrep.dev/r/go.lang.security.audit.net.formatted-template-string.formatted-template-string',
      properties: { confidence: 'MEDIUM' },
    });
  });

  it('reads semgrep-1.84.1.json (LOW) and semgrep-many-findings.json (INFO)', () => {
    const low = parseSemgrep(read('semgrep-1.84.1.json')).runs[0].findings;
    expect(low.map(f => f.severity)).toEqual(['low', 'low', 'low']);
    const many = parseSemgrep(read('semgrep-many-findings.json')).runs[0];
    expect(many.tool.version).toBeUndefined();
    expect(many.findings.map(f => f.severity)).toEqual([
      'medium',
      'medium',
      'low',
    ]);
    expect(many.findings[0].cwes).toEqual(['CWE-696']);
  });
});
