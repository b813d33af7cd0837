/*
 * Snyk Open Source CLI JSON (`snyk test --json`): one project object, or an
 * array of them with `--all-projects`. (Snyk Code's JSON is SARIF and goes to
 * the SARIF parser.)
 *
 * - Snyk lists a vulnerability once per dependency path (`from`); one finding
 *   per (project target file, vulnerability id, package), i.e. Snyk's
 *   `uniqueCount`, with the number of paths in properties.
 * - `ok: false` only means vulnerabilities were found; a project with an
 *   `error` message (and no vulnerabilities) is a failed test and rejects the
 *   file with Snyk's message.
 * - The manifest is `displayTargetFile` with Windows separators turned to "/",
 *   so the identity does not depend on the OS the CLI ran on.
 */
import { InputError } from '@backstage/errors';
import { ParsedFinding, ParsedScan } from '@aspm/plugin-aspm-common';
import { dependencyFingerprint } from './fingerprint';
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
  uniqueByFingerprint,
} from './parserHelpers';
import { severityFromWord } from '@aspm/plugin-aspm-common';

type Rec = Record<string, unknown>;

interface ProjectContext {
  manifest?: string;
  packageManager?: string;
  projectName?: string;
}

/** Parses Snyk CLI JSON (one project or `--all-projects`) into one run. */
export function parseSnyk(doc: unknown): ParsedScan {
  const items = Array.isArray(doc) ? doc : [doc];
  const projects = asRecords(items);
  if (!projects.length || projects.length !== items.length) {
    throw new InputError(
      'Snyk: the report must be a JSON object or an array of project objects',
    );
  }
  const findings = projects.flatMap(projectFindings);
  return {
    format: 'snyk',
    runs: [
      {
        tool: { name: 'Snyk Open Source' },
        findings: uniqueByFingerprint(findings),
      },
    ],
  };
}

function projectFindings(project: Rec): ParsedFinding[] {
  const error = asNonEmptyString(project.error);
  if (error && !asArray(project.vulnerabilities)?.length) {
    throw new InputError(`Snyk: the test failed: ${error}`);
  }
  if (
    project.vulnerabilities !== undefined &&
    !asArray(project.vulnerabilities)
  ) {
    throw new InputError("Snyk: 'vulnerabilities' must be an array");
  }
  const context: ProjectContext = {
    manifest: asNonEmptyString(
      project.displayTargetFile ?? project.targetFile,
    )?.replace(/\\/g, '/'),
    packageManager: asNonEmptyString(project.packageManager),
    projectName: asNonEmptyString(project.projectName),
  };
  const vulnerabilities = asRecords(project.vulnerabilities);
  const pathCounts = countBy(vulnerabilities, pathKey);
  return vulnerabilities.flatMap(v =>
    vulnerabilityFinding(v, context, pathCounts.get(pathKey(v)) ?? 1),
  );
}

/** Entries with the same id and package differ only by dependency path. */
function pathKey(v: Rec): string {
  return `${String(v.id)}\u0000${String(v.packageName)}`;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function vulnerabilityFinding(
  v: Rec,
  context: ProjectContext,
  pathCount: number,
): ParsedFinding[] {
  const id = asNonEmptyString(v.id);
  const name = asNonEmptyString(v.packageName) ?? asNonEmptyString(v.name);
  if (!id || !name) return [];
  const identifiers = asRecord(v.identifiers);
  const cves = asStrings(identifiers?.CVE);
  const ghsas = asStrings(identifiers?.GHSA);
  return [
    {
      category: 'dependency',
      ruleId: id,
      title: asNonEmptyString(v.title) ?? id,
      severity:
        severityFromWord(v.severityWithCritical) ??
        severityFromWord(v.severity) ??
        'medium',
      cvss: asNumber(v.cvssScore),
      cves: cveIds(cves),
      ghsa: firstGhsa(ghsas),
      cwes: cweIds(asStrings(identifiers?.CWE)),
      package: {
        name,
        version: asNonEmptyString(v.version),
        ecosystem: asNonEmptyString(v.packageManager) ?? context.packageManager,
        manifest: context.manifest,
        fixedVersion: asStrings(v.fixedIn)[0],
      },
      fingerprint: dependencyFingerprint({
        packageName: name,
        advisoryId: id,
        manifest: context.manifest,
      }),
      link: `https://security.snyk.io/vuln/${encodeURIComponent(id)}`,
      properties: compactRecord({
        projectName: context.projectName,
        dependencyPaths: pathCount,
        isUpgradable:
          typeof v.isUpgradable === 'boolean' ? v.isUpgradable : undefined,
        isPatchable:
          typeof v.isPatchable === 'boolean' ? v.isPatchable : undefined,
        exploitMaturity: asNonEmptyString(v.exploit),
      }),
    },
  ];
}
