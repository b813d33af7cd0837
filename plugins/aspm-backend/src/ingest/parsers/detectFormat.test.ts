import fs from 'node:fs';
import path from 'node:path';
import { ScanFormat } from '@aspm/plugin-aspm-common';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { detectFormat } from './detectFormat';
import { ScanFormatError } from './errors';

const SUPPORTED =
  'sarif, trivy, grype, gitleaks, semgrep, npm-audit, osv-scanner, snyk';

describe('detectFormat', () => {
  it.each<[string, unknown, ScanFormat]>([
    [
      'SARIF',
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [],
      },
      'sarif',
    ],
    [
      'SARIF without $schema',
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } } }] },
      'sarif',
    ],
    ['SARIF with a wrong version', { version: '2.0.0', runs: [] }, 'sarif'],
    [
      'SARIF runs without version',
      { runs: [{ tool: { driver: { name: 'x' } }, results: [] }] },
      'sarif',
    ],
    [
      'SARIF without runs',
      {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
      },
      'sarif',
    ],
    ['Trivy', { SchemaVersion: 2, ArtifactName: '.', Results: [] }, 'trivy'],
    [
      'Trivy without results',
      { SchemaVersion: 2, ArtifactName: 'alpine:3.19' },
      'trivy',
    ],
    [
      'legacy Trivy',
      [{ Target: 'alpine', Type: 'alpine', Vulnerabilities: null }],
      'trivy',
    ],
    ['Grype', { matches: [], descriptor: { name: 'grype' } }, 'grype'],
    ['Grype with source', { matches: [], source: { type: 'image' } }, 'grype'],
    [
      'Gitleaks 8',
      [{ RuleID: 'aws', File: 'a', StartLine: 1, Secret: 's', Match: 'm' }],
      'gitleaks',
    ],
    [
      'Gitleaks 8 without RuleID',
      [{ Description: 'd', StartLine: 1, File: 'a' }],
      'gitleaks',
    ],
    [
      'Gitleaks 7',
      [{ rule: 'AWS', offender: 'x', file: 'a', line: 'l' }],
      'gitleaks',
    ],
    ['an empty array (Gitleaks, no leak)', [], 'gitleaks'],
    [
      'Semgrep',
      { results: [{ check_id: 'r', path: 'a' }], errors: [], version: '1.0.0' },
      'semgrep',
    ],
    ['Semgrep without findings', { results: [], errors: [] }, 'semgrep'],
    ['npm audit 6', { advisories: {}, metadata: {}, actions: [] }, 'npm-audit'],
    [
      'npm audit 7',
      { auditReportVersion: 2, vulnerabilities: {}, metadata: {} },
      'npm-audit',
    ],
    [
      'npm audit error',
      { error: { code: 'ENOAUDIT', summary: 's', detail: '' } },
      'npm-audit',
    ],
    [
      'OSV-Scanner',
      { results: [{ source: { path: 'a' }, packages: [] }] },
      'osv-scanner',
    ],
    ['OSV-Scanner without findings', { results: [] }, 'osv-scanner'],
    ['Snyk', { vulnerabilities: [], ok: true, packageManager: 'npm' }, 'snyk'],
    [
      'Snyk all projects',
      [{ vulnerabilities: [], ok: true, packageManager: 'npm' }],
      'snyk',
    ],
    [
      'Snyk failure',
      {
        ok: false,
        error: 'Could not detect supported target files',
        path: '.',
      },
      'snyk',
    ],
  ])('%s', (_name, doc, format) => {
    expect(detectFormat(doc)).toBe(format);
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'the document is JSON null, not a scanner report'],
    [
      'a string',
      'hello',
      'the document is a JSON string, not a scanner report',
    ],
    ['a number', 42, 'the document is a JSON number, not a scanner report'],
    ['a boolean', true, 'the document is a JSON boolean, not a scanner report'],
    ['an empty object', {}, 'the document is an empty JSON object'],
    [
      'an unknown object',
      { bomFormat: 'CycloneDX', specVersion: '1.4' },
      'unrecognised JSON object (top-level keys: bomFormat, specVersion)',
    ],
    [
      'tfsec',
      { results: [{ rule_id: 'x', location: {} }] },
      'unrecognised JSON object (top-level keys: results)',
    ],
    ['an array of numbers', [1, 2], 'unrecognised JSON array'],
  ])('rejects %s with a 415 ScanFormatError', (_name, doc, reason) => {
    let error: unknown;
    try {
      detectFormat(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScanFormatError);
    const e = error as ScanFormatError;
    expect(e.statusCode).toBe(415);
    expect(e.name).toBe('UnsupportedMediaTypeError');
    expect(e.message).toContain(reason);
    expect(e.message).toContain(`Supported formats: ${SUPPORTED}`);
  });
});

const realDir = realFixturesDir('detectFormat.test');
const describeReal = realDir ? describe : describe.skip;

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(e => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    });
}

/**
 * What each real JSON / SARIF file is, by where it lives: SARIF files are
 * SARIF wherever they are; the native-format folders hold that tool's JSON;
 * everything else (CycloneDX, Checkov / KICS / tfsec / Scorecard JSON,
 * DefectDojo and GitHub API payloads, SLSA statements...) is not a format we
 * read. The one exception: gitleaks/no-findings.json is the literal `null`
 * some Gitleaks versions write, which says nothing about its tool.
 */
function expectedFormat(rel: string): ScanFormat | 'unsupported' {
  if (/\.sarif(\.json)?$/.test(rel) || rel === 'eslint-sarif/sarif-log.json') {
    return 'sarif';
  }
  if (rel === 'gitleaks/no-findings.json') return 'unsupported';
  const byFolder: Record<string, ScanFormat> = {
    trivy: 'trivy',
    grype: 'grype',
    gitleaks: 'gitleaks',
    semgrep: 'semgrep',
    'npm-audit': 'npm-audit',
    'osv-scanner': 'osv-scanner',
    snyk: 'snyk',
  };
  return byFolder[rel.split('/')[0]] ?? 'unsupported';
}

/** The detected format, or 'unsupported' for a ScanFormatError. */
function detectOrUnsupported(doc: unknown): ScanFormat | 'unsupported' {
  try {
    return detectFormat(doc);
  } catch (e) {
    if (e instanceof ScanFormatError) return 'unsupported';
    throw e;
  }
}

describeReal('detectFormat (real fixtures)', () => {
  const dir = realDir ?? '';
  // Without the fixtures the suite is skipped: list nothing (not the cwd).
  const files = realDir
    ? listFiles(realDir).filter(rel => /\.(json|sarif)$/.test(rel))
    : [];

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map(rel => [rel, expectedFormat(rel)]))(
    '%s is %s',
    (rel, expected) => {
      const doc = JSON.parse(
        fs.readFileSync(path.join(dir, rel), 'utf8').replace(/^\uFEFF/, ''),
      );
      expect(detectOrUnsupported(doc)).toBe(expected);
    },
  );
});
