import fs from 'node:fs';
import path from 'node:path';
import { ScanFormat } from '@aspm/plugin-aspm-common';
import { InputError } from '@backstage/errors';
import { realFixturesDir } from '../../__testUtils__/sharedFixtures';
import { ScanFormatError } from './errors';
import { decodeBody, jsonErrorMessage, parseScanBody } from './parseScan';

const ownFixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name));

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('parseScanBody', () => {
  it('parses a SARIF buffer', () => {
    const scan = parseScanBody(ownFixture('two-runs-suppressions.sarif'));
    expect(scan.format).toBe('sarif');
    expect(scan.runs.map(r => r.findings.length)).toEqual([3, 3]);
  });

  it('strips a UTF-8 byte order mark, from a buffer or a string', () => {
    const text = ownFixture('dependency.sarif').toString('utf8');
    const withBom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(text),
    ]);
    expect(parseScanBody(withBom).format).toBe('sarif');
    expect(parseScanBody(`\uFEFF${text}`).format).toBe('sarif');
    expect(decodeBody(withBom)).toBe(text);
  });

  it('says the SARIF version is wrong (detected as SARIF first)', () => {
    expect(() => parseScanBody(ownFixture('wrong-version.sarif'))).toThrow(
      new InputError('SARIF: version must be 2.1.0, got 2.0.0'),
    );
  });

  it("says a SARIF log has no 'runs'", () => {
    expect(() => parseScanBody(ownFixture('no-runs.sarif'))).toThrow(
      "SARIF: 'runs' must be an array",
    );
  });

  it('says where malformed JSON is wrong', () => {
    const body = '{\n  "version": "2.1.0",\n  "runs": [}\n';
    const error = errorOf(() => parseScanBody(body));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      "Malformed JSON at line 3 column 12 (position 35): Unexpected token '}'",
    );
    expect(body[35]).toBe('}');
  });

  it.each([
    [
      '{"aaaaaaaaaaaaaaaaaaaa": 1, "b": x, "cccccccccccccccccccccccccc": 2}',
      33,
    ],
    ['{"b": x, "cccccccccccccccccccccccccc": 2}', 6],
    ['{"aaaaaaaaaaaaaaaaaaaaaaaaaaa": 1,\n "b": x}', 41],
  ])('finds the unexpected token in %j', (body, position) => {
    const error = errorOf(() => parseScanBody(body));
    expect(error.message).toContain(
      `(position ${position}): Unexpected token 'x'`,
    );
    expect(body[position]).toBe('x');
  });

  it('says truncated JSON is truncated', () => {
    const full = ownFixture('dependency.sarif').toString('utf8');
    for (const cut of [
      full.slice(0, 200),
      '{"version": "2.1.0", "runs": [',
      '{"a": "abc',
    ]) {
      const error = errorOf(() => parseScanBody(cut));
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(
        /^Truncated JSON: the scan file ends early/,
      );
    }
  });

  it('rejects an empty body', () => {
    expect(() => parseScanBody(Buffer.alloc(0))).toThrow(
      new InputError('Malformed JSON: the scan file is empty'),
    );
    expect(() => parseScanBody('  \n')).toThrow(InputError);
  });

  it('rejects a body over maxBytes before parsing it', () => {
    expect(() =>
      parseScanBody('{"version": "2.1.0", "runs": []}', { maxBytes: 10 }),
    ).toThrow(
      new InputError('Scan file too large: 32 bytes, the limit is 10 bytes'),
    );
    expect(
      parseScanBody('{"version": "2.1.0", "runs": []}', { maxBytes: 32 }).runs,
    ).toEqual([]);
  });

  it('answers 415 for JSON that is no format we read', () => {
    for (const body of ['null', '"text"', '12', '{"bomFormat": "CycloneDX"}']) {
      const error = errorOf(() => parseScanBody(body));
      expect(error).toBeInstanceOf(ScanFormatError);
      expect((error as ScanFormatError).statusCode).toBe(415);
      expect(error.message).toContain('Supported formats: sarif, trivy');
    }
  });

  it('takes the format the caller names instead of detecting it', () => {
    expect(parseScanBody('null', { format: 'gitleaks' }).format).toBe(
      'gitleaks',
    );
    expect(() => parseScanBody('{}', { format: 'nope' as ScanFormat })).toThrow(
      ScanFormatError,
    );
  });

  it.each<[string, ScanFormat]>([
    ['[]', 'gitleaks'],
    ['{"results": [], "errors": []}', 'semgrep'],
    ['{"SchemaVersion": 2, "ArtifactName": ".", "Results": []}', 'trivy'],
    ['{"matches": [], "descriptor": {"name": "grype"}, "source": {}}', 'grype'],
    [
      '{"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {}}',
      'npm-audit',
    ],
    ['{"results": []}', 'osv-scanner'],
    ['{"ok": true, "vulnerabilities": [], "packageManager": "npm"}', 'snyk'],
  ])('dispatches %s to the %s parser', (body, format) => {
    expect(parseScanBody(body).format).toBe(format);
  });
});

describe('jsonErrorMessage', () => {
  it('keeps the parser reason without its own position suffix', () => {
    expect(
      jsonErrorMessage(
        '{"a" 1}',
        "Expected ':' after property name in JSON at position 5 (line 1 column 6)",
      ),
    ).toBe(
      "Malformed JSON at line 1 column 6 (position 5): Expected ':' after property name",
    );
    expect(
      jsonErrorMessage('x', 'Unexpected token \'x\', "x" is not valid JSON'),
    ).toBe("Malformed JSON: Unexpected token 'x'");
  });
});

const realDir = realFixturesDir('parseScan.test');
const describeReal = realDir ? describe : describe.skip;

describeReal('parseScanBody (real fixtures, one file per format)', () => {
  const dir = realDir ?? '';
  it.each<[string, ScanFormat]>([
    ['codeql/codeql-2.19.0-ruby.sarif', 'sarif'],
    ['eslint-sarif/sarif-log.json', 'sarif'],
    ['trivy/alpine-310.json', 'trivy'],
    ['grype/json-image.json', 'grype'],
    ['gitleaks/gitleaks8-many.json', 'gitleaks'],
    ['semgrep/semgrep-1.84.1.json', 'semgrep'],
    ['npm-audit/npm7-audit-many.json', 'npm-audit'],
    ['osv-scanner/osv-scanner-some-findings.json', 'osv-scanner'],
    ['snyk/snyk-single-project-one.json', 'snyk'],
  ])('%s parses as %s', (rel, format) => {
    const scan = parseScanBody(fs.readFileSync(path.join(dir, rel)));
    expect(scan.format).toBe(format);
    expect(scan.runs.length).toBeGreaterThan(0);
  });

  it('hands npm audit error payloads to the npm audit parser, which explains them', () => {
    const error = errorOf(() =>
      parseScanBody(
        fs.readFileSync(
          path.join(dir, 'npm-audit/npm-audit-error-enoaudit.json'),
        ),
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('ENOAUDIT');
  });

  it('refuses the bare null of an old Gitleaks report unless the format is named', () => {
    const body = fs.readFileSync(path.join(dir, 'gitleaks/no-findings.json'));
    expect(() => parseScanBody(body)).toThrow(ScanFormatError);
    expect(
      parseScanBody(body, { format: 'gitleaks' }).runs[0].findings,
    ).toEqual([]);
  });
});
