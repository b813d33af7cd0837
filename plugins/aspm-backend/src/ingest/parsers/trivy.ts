/*
 * Trivy native JSON (`trivy ... --format json`).
 *
 * - SchemaVersion 2: an object with `Results[]`; legacy output (before
 *   SchemaVersion) is a bare array of results.
 * - Vulnerabilities become dependency findings, or container findings for OS
 *   packages and for anything found in a container image.
 * - Misconfigurations become IaC findings; only `Status: FAIL` (or no status)
 *   counts: PASS and EXCEPTION entries are checks that did not fire.
 * - Secrets become secret findings; Trivy already masks the secret in `Match`,
 *   and neither `Match` nor the code lines are kept in properties.
 * - Licenses (`Class: license` / `license-file`) are not findings: licence
 *   compliance is outside the finding model.
 * - A vulnerability without `VulnerabilityID` or `PkgName` (seen in legacy
 *   output) cannot be identified and is skipped.
 */
import { InputError } from '@backstage/errors';
import {
  FindingCategory,
  ParsedFinding,
  ParsedScan,
} from '@aspm/plugin-aspm-common';
import { codeFingerprint, dependencyFingerprint } from './fingerprint';
import {
  asArray,
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
  maxOf,
  numberRepeatedFingerprints,
  uniqueByFingerprint,
} from './parserHelpers';
import { severityFromWord } from '@aspm/plugin-aspm-common';

const TOOL = 'trivy';

/** Trivy `Type`s of OS package results, for legacy output that has no `Class`. */
const OS_TYPES = new Set([
  'alpine',
  'alma',
  'amazon',
  'azurelinux',
  'bottlerocket',
  'cbl-mariner',
  'centos',
  'chainguard',
  'debian',
  'echo',
  'fedora',
  'opensuse',
  'opensuse.leap',
  'opensuse.tumbleweed',
  'oracle',
  'photon',
  'redhat',
  'rocky',
  'sles',
  'suse linux enterprise micro',
  'ubuntu',
  'wolfi',
]);

type Rec = Record<string, unknown>;

interface TrivyContext {
  target: string;
  type?: string;
  vulnerabilityCategory: FindingCategory;
}

/** Parses a Trivy JSON report into one run. */
export function parseTrivy(doc: unknown): ParsedScan {
  const report = asRecord(doc);
  const results = reportResults(doc, report);
  const inImage = report?.ArtifactType === 'container_image';

  const vulnerabilities: ParsedFinding[] = [];
  const codeFindings: ParsedFinding[] = [];
  for (const result of results) {
    const context = resultContext(result, inImage);
    vulnerabilities.push(
      ...asRecords(result.Vulnerabilities).flatMap(v =>
        vulnerabilityFinding(v, context),
      ),
    );
    codeFindings.push(
      ...asRecords(result.Misconfigurations)
        .filter(m => m.Status === undefined || m.Status === 'FAIL')
        .map(m => misconfigurationFinding(m, context)),
      ...asRecords(result.Secrets).map(s => secretFinding(s, context)),
    );
  }

  return {
    format: 'trivy',
    runs: [
      {
        tool: {
          name: 'Trivy',
          version: asNonEmptyString(asRecord(report?.Trivy)?.Version),
        },
        scannedAt: asNonEmptyString(report?.CreatedAt),
        findings: [
          ...uniqueByFingerprint(vulnerabilities),
          ...numberRepeatedFingerprints(codeFindings),
        ],
      },
    ],
  };
}

function reportResults(doc: unknown, report: Rec | undefined): Rec[] {
  if (Array.isArray(doc)) return asRecords(doc);
  if (!report) {
    throw new InputError(
      'Trivy: the report must be a JSON object with Results, or an array of results',
    );
  }
  if (report.Results === undefined || report.Results === null) return [];
  if (!asArray(report.Results)) {
    throw new InputError("Trivy: 'Results' must be an array");
  }
  return asRecords(report.Results);
}

function resultContext(result: Rec, inImage: boolean): TrivyContext {
  const type = asNonEmptyString(result.Type);
  const isOsPackages =
    result.Class === 'os-pkgs' ||
    (result.Class === undefined && type !== undefined && OS_TYPES.has(type));
  return {
    target: asNonEmptyString(result.Target) ?? '',
    type,
    vulnerabilityCategory: isOsPackages || inImage ? 'container' : 'dependency',
  };
}

/** The NVD v3 score, else the highest v3 score of any source. */
function cvssScore(cvss: unknown): number | undefined {
  const sources = asRecord(cvss);
  if (!sources) return undefined;
  const nvd = asNumber(asRecord(sources.nvd)?.V3Score);
  return (
    nvd ??
    maxOf(Object.values(sources).map(s => asNumber(asRecord(s)?.V3Score)))
  );
}

function vulnerabilityFinding(v: Rec, context: TrivyContext): ParsedFinding[] {
  const id = asNonEmptyString(v.VulnerabilityID);
  const pkgName = asNonEmptyString(v.PkgName);
  if (!id || !pkgName) return [];
  return [
    {
      category: context.vulnerabilityCategory,
      ruleId: id,
      title: asNonEmptyString(v.Title) ?? id,
      severity: severityFromWord(v.Severity) ?? 'medium',
      cvss: cvssScore(v.CVSS),
      cves: cveIds([id]),
      ghsa: firstGhsa([id]),
      cwes: cweIds(asStrings(v.CweIDs)),
      package: {
        name: pkgName,
        version: asNonEmptyString(v.InstalledVersion),
        ecosystem: context.type,
        manifest: context.target,
        fixedVersion: asNonEmptyString(v.FixedVersion),
      },
      fingerprint: dependencyFingerprint({
        packageName: pkgName,
        advisoryId: id,
        manifest: context.target,
      }),
      link: asNonEmptyString(v.PrimaryURL),
      properties: compactRecord({
        status: asNonEmptyString(v.Status),
        purl: asNonEmptyString(asRecord(v.PkgIdentifier)?.PURL),
        severitySource: asNonEmptyString(v.SeveritySource),
        publishedDate: asNonEmptyString(v.PublishedDate),
      }),
    },
  ];
}

/** The lines Trivy marks as the cause, else all the lines it quotes. */
function causeSnippet(code: unknown): string | undefined {
  const lines = asRecords(asRecord(code)?.Lines);
  const causes = lines.filter(l => l.IsCause === true);
  const text = (causes.length ? causes : lines)
    .map(l => asNonEmptyString(l.Content) ?? '')
    .join('\n')
    .trim();
  return text || undefined;
}

function misconfigurationFinding(m: Rec, context: TrivyContext): ParsedFinding {
  const ruleId =
    asNonEmptyString(m.ID) ?? asNonEmptyString(m.AVDID) ?? 'unknown';
  const cause = asRecord(m.CauseMetadata);
  const startLine = asNumber(cause?.StartLine);
  return {
    category: 'iac',
    ruleId,
    title: asNonEmptyString(m.Title) ?? ruleId,
    severity: severityFromWord(m.Severity) ?? 'medium',
    location: {
      path: context.target,
      startLine,
      endLine: asNumber(cause?.EndLine),
    },
    fingerprint: codeFingerprint({
      tool: TOOL,
      ruleId,
      path: context.target,
      snippet: causeSnippet(cause?.Code),
      startLine,
    }),
    link: asNonEmptyString(m.PrimaryURL),
    properties: compactRecord({
      message: asNonEmptyString(m.Message),
      resolution: asNonEmptyString(m.Resolution),
      resource: asNonEmptyString(cause?.Resource),
      checkType: asNonEmptyString(m.Type),
    }),
  };
}

function secretFinding(s: Rec, context: TrivyContext): ParsedFinding {
  const ruleId = asNonEmptyString(s.RuleID) ?? 'unknown';
  const startLine = asNumber(s.StartLine);
  return {
    category: 'secret',
    ruleId,
    title: asNonEmptyString(s.Title) ?? ruleId,
    severity: severityFromWord(s.Severity) ?? 'high',
    location: {
      path: context.target,
      startLine,
      endLine: asNumber(s.EndLine),
    },
    // Trivy's Match is the matched line with the secret masked ("KEY=****").
    fingerprint: codeFingerprint({
      tool: TOOL,
      ruleId,
      path: context.target,
      snippet: asNonEmptyString(s.Match),
      startLine,
    }),
    properties: compactRecord({ secretCategory: asNonEmptyString(s.Category) }),
  };
}
