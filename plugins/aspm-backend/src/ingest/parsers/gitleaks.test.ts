import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { parseGitleaks, redactSecret } from './gitleaks';

const readJson = (file: string): unknown =>
  JSON.parse(fs.readFileSync(file, 'utf8'));
const fixture = (name: string) =>
  readJson(path.join(__dirname, '__fixtures__', name)) as any;

describe('parseGitleaks', () => {
  it('maps a v8 leak as a high secret finding', () => {
    const scan = parseGitleaks(fixture('gitleaks-sample.json'));
    expect(scan.format).toBe('gitleaks');
    expect(scan.runs[0].tool).toEqual({ name: 'Gitleaks' });
    const [apiKey] = scan.runs[0].findings;
    expect(apiKey).toEqual({
      category: 'secret',
      ruleId: 'generic-api-key',
      title:
        'Detected a Generic API Key, potentially exposing access to various services and sensitive operations.',
      severity: 'high',
      location: {
        path: 'src/config/client.ts',
        startLine: 12,
        endLine: 12,
        startColumn: 15,
        endColumn: 52,
      },
      fingerprint: expect.stringMatching(/^c:/),
      link: undefined,
      properties: {
        redactedSecret: 'exam…',
        commit: '1111111111111111111111111111111111111111',
        commits: [
          '1111111111111111111111111111111111111111',
          '2222222222222222222222222222222222222222',
        ],
        author: 'Jane Example',
        date: '2024-04-30T09:00:00Z',
        entropy: 3.9,
        tags: ['api', 'key'],
      },
    });
  });

  it('never keeps the secret or the matched line', () => {
    const json = JSON.stringify(parseGitleaks(fixture('gitleaks-sample.json')));
    expect(json).not.toContain('example-value-not-a-real-key');
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('jane@example.com');
    const v7 = JSON.stringify(
      parseGitleaks(fixture('gitleaks-v7-sample.json')),
    );
    expect(v7).not.toContain('example-value-not-a-real-token');
  });

  it('redacts to 4 characters, or nothing for a short secret', () => {
    expect(redactSecret('abcdefghijkl')).toBe('abcd…');
    expect(redactSecret('hunter2')).toBe('…');
    expect(redactSecret('')).toBeUndefined();
    expect(redactSecret(undefined)).toBeUndefined();
  });

  it('merges the same leak seen in several commits, titles by rule when no description', () => {
    const findings = parseGitleaks(fixture('gitleaks-sample.json')).runs[0]
      .findings;
    expect(findings).toHaveLength(2);
    expect(findings[1]).toMatchObject({
      ruleId: 'password-in-url',
      title: 'password-in-url',
      properties: { redactedSecret: '…', entropy: 2.5 },
    });
    expect(findings[1].properties?.commit).toBeUndefined();
  });

  it('keeps the fingerprint across commits and changes it with the file', () => {
    const base = parseGitleaks(fixture('gitleaks-sample.json')).runs[0]
      .findings[1].fingerprint;
    const recommitted = fixture('gitleaks-sample.json');
    recommitted[2].Commit = '4444444444444444444444444444444444444444';
    recommitted[2].Fingerprint = 'whatever-gitleaks-says';
    expect(parseGitleaks(recommitted).runs[0].findings[1].fingerprint).toBe(
      base,
    );
    const moved = fixture('gitleaks-sample.json');
    moved[2].File = 'docs/install.md';
    expect(parseGitleaks(moved).runs[0].findings[1].fingerprint).not.toBe(base);
  });

  it('reads the v7 field names', () => {
    const [leak] = parseGitleaks(fixture('gitleaks-v7-sample.json')).runs[0]
      .findings;
    expect(leak).toMatchObject({
      category: 'secret',
      ruleId: 'Generic Token',
      title: 'Generic Token',
      severity: 'high',
      location: { path: '.ci/deploy.yml', startLine: 8, endLine: 8 },
      properties: {
        redactedSecret: 'exam…',
        commit: '3333333333333333333333333333333333333333',
        tags: ['key', 'generic'],
      },
    });
  });

  it('reads [] and null as no leaks, rejects anything else', () => {
    expect(parseGitleaks([]).runs[0].findings).toEqual([]);
    expect(parseGitleaks(null).runs[0].findings).toEqual([]);
    expect(() => parseGitleaks({ leaks: [] })).toThrow(InputError);
    expect(() => parseGitleaks({ leaks: [] })).toThrow(/^Gitleaks: /);
  });
});

const realDir = realFixturesDir('gitleaks parser');
const describeReal = realDir ? describe : describe.skip;

/*
 * Expected findings per real gitleaks JSON file, counted independently with
 * python3 while writing this test: the array length, and the number of
 * distinct (rule, file, line, column) — v8 RuleID/File/StartLine/StartColumn,
 * v7 rule/file/lineNumber — since one leak found in several commits is one
 * finding. `no-findings.json` is the literal `null`.
 */
const REAL_COUNTS: Array<[file: string, leaks: number, findings: number]> = [
  ['baseline.json', 2, 2],
  ['gitleaks-7.5.0.json', 8, 4], // 4 leaks, each in 2 commits
  ['gitleaks8-many.json', 4, 4],
  ['json_simple.json', 1, 1],
  ['no-findings.json', 0, 0],
];

describeReal('parseGitleaks on real gitleaks reports', () => {
  const read = (file: string) =>
    readJson(path.join(realDir!, 'gitleaks', file));

  it('has a count for every gitleaks JSON fixture', () => {
    const files = fs
      .readdirSync(path.join(realDir!, 'gitleaks'))
      .filter(f => f.endsWith('.json'));
    expect(files.sort()).toEqual(REAL_COUNTS.map(([f]) => f).sort());
  });

  it.each(REAL_COUNTS)(
    '%s: %i leaks, %i findings',
    (file, _leaks, findings) => {
      const run = parseGitleaks(read(file)).runs[0];
      expect(run.findings).toHaveLength(findings);
      expect(run.findings.every(f => f.severity === 'high')).toBe(true);
    },
  );

  it('reads gitleaks8-many.json without keeping secrets', () => {
    const findings = parseGitleaks(read('gitleaks8-many.json')).runs[0]
      .findings;
    expect(findings[0]).toMatchObject({
      ruleId: 'aws-access-token',
      title: 'AWS',
      location: {
        path: '/conf/aws.tf',
        startLine: 2,
        startColumn: 24038,
        endColumn: 24057,
      },
      properties: { redactedSecret: 'secr…', author: 'Firstname Lastname' },
    });
    expect(JSON.stringify(findings)).not.toContain('secretAWSsecret');
  });

  it('reads gitleaks-7.5.0.json, merging the two commits of each leak', () => {
    const raw = read('gitleaks-7.5.0.json') as Array<{ offender: string }>;
    const findings = parseGitleaks(raw).runs[0].findings;
    expect(findings[0]).toMatchObject({
      ruleId: 'AWS Access Key',
      location: {
        path: 'dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json',
        startLine: 13,
      },
      properties: { redactedSecret: 'AKIA…' },
    });
    expect(findings[0].properties?.commits).toHaveLength(2);
    // The offender is a documented placeholder key: read it, do not repeat it.
    expect(JSON.stringify(findings)).not.toContain(raw[0].offender);
  });
});
