/*
 * `npm audit --json`, in its two shapes:
 *
 * - npm 6: `advisories` keyed by advisory id, each about one package
 *   (`module_name`) with the installed versions and paths in `findings[]`.
 *   One finding per advisory; `metadata.vulnerabilities` counts paths, not
 *   advisories, and is not used.
 * - npm 7+ (`auditReportVersion: 2`): `vulnerabilities` keyed by package.
 *   Each object entry of `via` is an advisory on that package: one finding per
 *   (package, advisory). String entries only name the dependency the problem
 *   comes through, so a package whose `via` holds only strings is not itself a
 *   finding (its advisories are reported on the package they name).
 *
 * The rule id is the GHSA id when npm gives one (in `github_advisory_id` or
 * the advisory URL), else "NPM-<npm advisory id>". There is no lock file name
 * in the report: the manifest is "package-lock.json". An error payload
 * (`{error: {code, summary}}`, e.g. ENOAUDIT) is rejected with npm's message.
 */
import { InputError } from '@backstage/errors';
import { ParsedFinding, ParsedScan } from '@aspm/plugin-aspm-common';
import { dependencyFingerprint } from './fingerprint';
import {
  asNonEmptyString,
  asNumber,
  asRecord,
  asRecords,
  asStrings,
} from './json';
import {
  compactRecord,
  cveIds,
  cweIds,
  firstGhsa,
  ghsaInText,
  uniqueByFingerprint,
} from './parserHelpers';
import { severityFromWord } from '@aspm/plugin-aspm-common';

type Rec = Record<string, unknown>;

const MANIFEST = 'package-lock.json';

/** Parses an npm audit JSON report (npm 6 or npm 7+) into one run. */
export function parseNpmAudit(doc: unknown): ParsedScan {
  const report = asRecord(doc);
  if (!report) {
    throw new InputError('npm audit: the report must be a JSON object');
  }
  rejectErrorPayload(report);

  let findings: ParsedFinding[];
  const advisories = asRecord(report.advisories);
  const vulnerabilities = asRecord(report.vulnerabilities);
  if (advisories) {
    findings = Object.values(advisories).flatMap(a =>
      v6Finding(asRecord(a) ?? {}),
    );
  } else if (vulnerabilities && asNumber(report.auditReportVersion)) {
    findings = Object.entries(vulnerabilities).flatMap(([name, v]) =>
      v7Findings(name, asRecord(v) ?? {}),
    );
  } else {
    throw new InputError(
      "npm audit: expected 'advisories' (npm 6) or 'vulnerabilities' with 'auditReportVersion' (npm 7+)",
    );
  }
  return {
    format: 'npm-audit',
    runs: [
      { tool: { name: 'npm audit' }, findings: uniqueByFingerprint(findings) },
    ],
  };
}

function rejectErrorPayload(report: Rec): void {
  if (report.error === undefined || report.error === null) return;
  const error = asRecord(report.error);
  const message =
    asNonEmptyString(error?.summary) ??
    asNonEmptyString(error?.detail) ??
    asNonEmptyString(report.error) ??
    'unknown error';
  const code = asNonEmptyString(error?.code);
  throw new InputError(
    `npm audit: the report is an error, not audit results: ${message}${
      code ? ` (${code})` : ''
    }`,
  );
}

/** npm's advisory id as a rule id, preferring the GHSA id. */
function ruleIdOf(
  ghsa: string | undefined,
  npmId: unknown,
): string | undefined {
  if (ghsa) return ghsa;
  const id = asNumber(npmId) ?? asNonEmptyString(npmId);
  return id === undefined ? undefined : `NPM-${id}`;
}

/** npm writes "<0.0.0" when no version is patched. */
function patchedRange(range: unknown): string | undefined {
  const r = asNonEmptyString(range);
  return r && r !== '<0.0.0' ? r : undefined;
}

/** npm reports a score of 0 for an advisory without CVSS. */
function cvssOf(cvss: unknown): number | undefined {
  const score = asNumber(asRecord(cvss)?.score);
  return score ? score : undefined;
}

function v6Finding(advisory: Rec): ParsedFinding[] {
  const name = asNonEmptyString(advisory.module_name);
  const ghsa =
    firstGhsa([advisory.github_advisory_id]) ?? ghsaInText(advisory.url);
  const ruleId = ruleIdOf(ghsa, advisory.id);
  if (!name || !ruleId) return [];
  const installs = asRecords(advisory.findings);
  return [
    {
      category: 'dependency',
      ruleId,
      title: asNonEmptyString(advisory.title) ?? ruleId,
      severity: severityFromWord(advisory.severity) ?? 'medium',
      cvss: cvssOf(advisory.cvss),
      cves: cveIds(asStrings(advisory.cves)),
      ghsa,
      cwes: cweIds(advisory.cwe),
      package: {
        name,
        version: asNonEmptyString(installs[0]?.version),
        ecosystem: 'npm',
        manifest: MANIFEST,
        fixedVersion: patchedRange(advisory.patched_versions),
      },
      fingerprint: dependencyFingerprint({
        packageName: name,
        advisoryId: ruleId,
        manifest: MANIFEST,
      }),
      link: asNonEmptyString(advisory.url),
      properties: compactRecord({
        npmAdvisoryId: advisory.id,
        vulnerableVersions: asNonEmptyString(advisory.vulnerable_versions),
        paths: nonEmpty(installs.flatMap(i => asStrings(i.paths))),
        recommendation: asNonEmptyString(advisory.recommendation),
      }),
    },
  ];
}

function v7Findings(key: string, vulnerability: Rec): ParsedFinding[] {
  const name = asNonEmptyString(vulnerability.name) ?? key;
  const fixAvailable = vulnerability.fixAvailable;
  const fix = asRecord(fixAvailable);
  // `fixAvailable` names the package to upgrade, often a parent of this one.
  const fixedVersion =
    fix?.name === name ? asNonEmptyString(fix.version) : undefined;

  return asRecords(vulnerability.via).flatMap(via => {
    const ghsa = ghsaInText(via.url);
    const ruleId = ruleIdOf(ghsa, via.source);
    if (!ruleId) return [];
    const finding: ParsedFinding = {
      category: 'dependency',
      ruleId,
      title: asNonEmptyString(via.title) ?? ruleId,
      severity:
        severityFromWord(via.severity) ??
        severityFromWord(vulnerability.severity) ??
        'medium',
      cvss: cvssOf(via.cvss),
      ghsa,
      cwes: cweIds(via.cwe),
      package: {
        name,
        ecosystem: 'npm',
        manifest: MANIFEST,
        fixedVersion,
      },
      fingerprint: dependencyFingerprint({
        packageName: name,
        advisoryId: ruleId,
        manifest: MANIFEST,
      }),
      link: asNonEmptyString(via.url),
      properties: compactRecord({
        npmAdvisoryId: via.source,
        vulnerableVersions: asNonEmptyString(via.range),
        installedRange: asNonEmptyString(vulnerability.range),
        nodes: nonEmpty(asStrings(vulnerability.nodes)),
        isDirect:
          typeof vulnerability.isDirect === 'boolean'
            ? vulnerability.isDirect
            : undefined,
        fixAvailable,
      }),
    };
    return [finding];
  });
}

function nonEmpty(list: string[]): string[] | undefined {
  return list.length ? list : undefined;
}
