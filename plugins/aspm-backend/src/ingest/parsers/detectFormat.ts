/*
 * Which scanner wrote a parsed JSON document, from its shape alone (uploads
 * carry no reliable content type). Every rule looks for keys the tool always
 * writes, so that the parser chosen can then complain precisely about
 * whatever else is wrong (e.g. a SARIF log with a wrong version is still
 * SARIF, and parseSarif says the version is wrong).
 */
import { ScanFormat } from '@aspm/plugin-aspm-common';
import { ScanFormatError } from './errors';
import { asArray, asRecord, asRecords, asString } from './json';

type JsonObject = Record<string, unknown>;

/** The format of `doc`; ScanFormatError (415) when it is none we read. */
export function detectFormat(doc: unknown): ScanFormat {
  if (Array.isArray(doc)) return detectArray(doc);
  const obj = asRecord(doc);
  if (!obj) {
    throw new ScanFormatError(
      `the document is ${describeJsonType(doc)}, not a scanner report`,
    );
  }
  const format = detectObject(obj);
  if (format) return format;
  const keys = Object.keys(obj);
  throw new ScanFormatError(
    keys.length
      ? `unrecognised JSON object (top-level keys: ${keys
          .slice(0, 10)
          .join(', ')}${keys.length > 10 ? ', ...' : ''})`
      : 'the document is an empty JSON object',
  );
}

function describeJsonType(doc: unknown): string {
  if (doc === null) return 'JSON null';
  if (typeof doc === 'string') return 'a JSON string';
  if (typeof doc === 'number') return 'a JSON number';
  if (typeof doc === 'boolean') return 'a JSON boolean';
  return 'not JSON data';
}

function detectObject(obj: JsonObject): ScanFormat | undefined {
  const detectors: Array<[ScanFormat, (o: JsonObject) => boolean]> = [
    ['sarif', isSarif],
    ['trivy', isTrivy],
    ['grype', isGrype],
    ['npm-audit', isNpmAudit],
    ['semgrep', isSemgrep],
    ['osv-scanner', isOsvScanner],
    ['snyk', isSnykProject],
  ];
  return detectors.find(([, test]) => test(obj))?.[0];
}

/**
 * Top-level arrays: Gitleaks (v8 PascalCase leaks, v7 lower-case leaks),
 * legacy Trivy (before SchemaVersion: an array of results), Snyk
 * `--all-projects`. An empty array is taken as Gitleaks, which writes `[]`
 * when it finds no leak (the common case of an empty array upload).
 */
function detectArray(items: unknown[]): ScanFormat {
  if (items.length === 0) return 'gitleaks';
  const objects = asRecords(items);
  if (objects.length === items.length) {
    if (objects.every(isGitleaksLeak)) return 'gitleaks';
    if (objects.every(isTrivyLegacyResult)) return 'trivy';
    if (objects.every(isSnykProject)) return 'snyk';
  }
  throw new ScanFormatError(
    'unrecognised JSON array (expected Gitleaks leaks, legacy Trivy results or Snyk projects)',
  );
}

/**
 * SARIF: `runs` with a `version` string, or a SARIF `$schema`, or runs that
 * look like SARIF runs (objects with a `tool`); also `version: '2.1.0'` with
 * a SARIF schema but no runs, so that parseSarif reports the missing runs.
 */
function isSarif(o: JsonObject): boolean {
  const schema = asString(o.$schema) ?? '';
  if (/sarif/i.test(schema)) return true;
  if (!('runs' in o)) return o.version === '2.1.0';
  if (typeof o.version === 'string') return true;
  const runs = asArray(o.runs);
  return (
    runs !== undefined &&
    runs.length > 0 &&
    runs.every(r => asRecord(asRecord(r)?.tool) !== undefined)
  );
}

function isTrivy(o: JsonObject): boolean {
  return 'SchemaVersion' in o && ('Results' in o || 'ArtifactName' in o);
}

function isTrivyLegacyResult(o: JsonObject): boolean {
  return (
    typeof o.Target === 'string' &&
    ('Vulnerabilities' in o || 'Type' in o || 'Misconfigurations' in o)
  );
}

function isGrype(o: JsonObject): boolean {
  if (!asArray(o.matches)) return false;
  return (
    asString(asRecord(o.descriptor)?.name)?.toLowerCase() === 'grype' ||
    asRecord(o.source) !== undefined
  );
}

/**
 * npm 6 (`advisories` + `metadata`), npm 7+ (`auditReportVersion` +
 * `vulnerabilities`), and npm's error payload (`{ error: { code: 'ENOAUDIT',
 * summary } }`), which parseNpmAudit turns into a clear error.
 */
function isNpmAudit(o: JsonObject): boolean {
  if (asRecord(o.advisories) && asRecord(o.metadata)) return true;
  if ('auditReportVersion' in o && asRecord(o.vulnerabilities)) return true;
  const error = asRecord(o.error);
  return (
    error !== undefined &&
    /^E[A-Z0-9]+$/.test(asString(error.code) ?? '') &&
    'summary' in error
  );
}

/**
 * Semgrep: `results` whose items have `check_id`, next to `errors` (always
 * written) or `version` / `paths`; an empty `results` counts with `errors`.
 */
function isSemgrep(o: JsonObject): boolean {
  const results = asArray(o.results);
  if (!results) return false;
  const hasSemgrepKeys =
    asArray(o.errors) !== undefined || 'paths' in o || 'version' in o;
  if (!hasSemgrepKeys) return false;
  if (results.length === 0) return asArray(o.errors) !== undefined;
  return asRecords(results).some(r => typeof r.check_id === 'string');
}

/**
 * OSV-Scanner: `results` whose items have `packages` / `source`; an empty
 * `results` counts when nothing else but OSV-Scanner's own keys is there.
 */
function isOsvScanner(o: JsonObject): boolean {
  const results = asArray(o.results);
  if (!results) return false;
  if (results.length === 0) {
    return Object.keys(o).every(
      k => k === 'results' || k === 'experimental_config',
    );
  }
  const objects = asRecords(results);
  return (
    objects.length === results.length &&
    objects.every(r => 'packages' in r || 'source' in r)
  );
}

/**
 * One Snyk CLI project: `vulnerabilities` with `packageManager` or `ok`; or
 * Snyk's failure output (`ok: false` with an `error` message).
 */
function isSnykProject(o: JsonObject): boolean {
  if (asArray(o.vulnerabilities) && ('packageManager' in o || 'ok' in o)) {
    return true;
  }
  return o.ok === false && typeof o.error === 'string';
}

function isGitleaksLeak(o: JsonObject): boolean {
  const v8 =
    'RuleID' in o ||
    ('Match' in o && 'Secret' in o) ||
    ('Description' in o && 'StartLine' in o && 'File' in o);
  const v7 = 'offender' in o && 'rule' in o && ('file' in o || 'line' in o);
  return v8 || v7;
}
