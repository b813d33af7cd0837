/*
 * OSV-Scanner JSON (`osv-scanner --format json`):
 * `results[]` (one per scanned lock file) → `packages[]` → `vulnerabilities[]`
 * and `groups[]`.
 *
 * - One finding per (source, package, group): a group collects the records
 *   that are aliases of one vulnerability (GHSA-…, GO-…, RUSTSEC-…). Without
 *   `groups` (older versions), one finding per vulnerability record.
 * - The rule id is taken from every id of the group and of its records'
 *   aliases, preferring a GHSA id, then a CVE id, then the group's first id:
 *   so the same vulnerability keeps its id when OSV-Scanner lists its aliases
 *   differently from one scan to the next.
 * - Severity: the group's `max_severity` (a CVSS score) when present, else the
 *   records' `database_specific.severity` word (GHSA), else critical for a
 *   malicious package (MAL-…), else medium.
 */
import { InputError } from '@backstage/errors';
import { ParsedFinding, ParsedScan, Severity } from '@aspm/plugin-aspm-common';
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
  isCve,
  uniqueByFingerprint,
} from './parserHelpers';
import { severityFromScore, severityFromWord } from '@aspm/plugin-aspm-common';

type Rec = Record<string, unknown>;

interface PackageContext {
  name: string;
  version?: string;
  ecosystem?: string;
  manifest?: string;
}

/** Parses an OSV-Scanner JSON report into one run. */
export function parseOsvScanner(doc: unknown): ParsedScan {
  const report = asRecord(doc);
  if (!report) {
    throw new InputError('OSV-Scanner: the report must be a JSON object');
  }
  if (report.results !== undefined && !asArray(report.results)) {
    throw new InputError("OSV-Scanner: 'results' must be an array");
  }
  const findings = asRecords(report.results).flatMap(result => {
    const manifest = asNonEmptyString(asRecord(result.source)?.path);
    return asRecords(result.packages).flatMap(p =>
      packageFindings(p, manifest),
    );
  });
  return {
    format: 'osv-scanner',
    runs: [
      {
        tool: { name: 'OSV-Scanner' },
        findings: uniqueByFingerprint(findings),
      },
    ],
  };
}

function packageFindings(entry: Rec, manifest?: string): ParsedFinding[] {
  const pkg = asRecord(entry.package);
  const name = asNonEmptyString(pkg?.name);
  if (!name) return [];
  const context: PackageContext = {
    name,
    version: asNonEmptyString(pkg?.version),
    ecosystem: asNonEmptyString(pkg?.ecosystem),
    manifest,
  };
  const vulnerabilities = asRecords(entry.vulnerabilities);
  const groups = asRecords(entry.groups);
  if (!groups.length) {
    return vulnerabilities.flatMap(v =>
      groupFinding({ ids: [v.id] }, [v], context),
    );
  }
  return groups.flatMap(group => {
    const ids = new Set(asStrings(group.ids));
    const members = vulnerabilities.filter(
      v => typeof v.id === 'string' && ids.has(v.id),
    );
    return groupFinding(group, members, context);
  });
}

/** Every id naming the group: its ids, its aliases, its records' aliases. */
function groupIds(group: Rec, members: Rec[]): string[] {
  return [
    ...new Set([
      ...asStrings(group.ids),
      ...asStrings(group.aliases),
      ...members.flatMap(v => [...asStrings([v.id]), ...asStrings(v.aliases)]),
    ]),
  ];
}

function preferredId(group: Rec, ids: string[]): string | undefined {
  return (
    firstGhsa(ids) ??
    ids.find(isCve)?.toUpperCase() ??
    asStrings(group.ids)[0] ??
    ids[0]
  );
}

function groupSeverity(group: Rec, members: Rec[], ids: string[]): Severity {
  return (
    severityFromScore(group.max_severity) ??
    members
      .map(v => severityFromWord(asRecord(v.database_specific)?.severity))
      .find(s => s !== undefined) ??
    (ids.some(id => id.startsWith('MAL-')) ? 'critical' : 'medium')
  );
}

/** The first `fixed` event of the records' ranges for this package. */
function fixedVersion(members: Rec[], packageName: string): string | undefined {
  return members
    .flatMap(v => asRecords(v.affected))
    .filter(a => asRecord(a.package)?.name === packageName)
    .flatMap(a => asRecords(a.ranges))
    .flatMap(r => asRecords(r.events))
    .map(e => asNonEmptyString(e.fixed))
    .find(f => f !== undefined);
}

function groupFinding(
  group: Rec,
  members: Rec[],
  context: PackageContext,
): ParsedFinding[] {
  const ids = groupIds(group, members);
  const ruleId = preferredId(group, ids);
  if (!ruleId) return [];
  const main = members.find(v => v.id === ruleId) ?? members[0];
  const score = asNumber(Number.parseFloat(String(group.max_severity)));
  return [
    {
      category: 'dependency',
      ruleId,
      title: asNonEmptyString(main?.summary) ?? `${ruleId} in ${context.name}`,
      severity: groupSeverity(group, members, ids),
      cvss: score,
      cves: cveIds(ids),
      ghsa: firstGhsa(ids),
      cwes: cweIds(
        members.flatMap(v => asStrings(asRecord(v.database_specific)?.cwe_ids)),
      ),
      package: {
        name: context.name,
        version: context.version,
        ecosystem: context.ecosystem,
        manifest: context.manifest,
        fixedVersion: fixedVersion(members, context.name),
      },
      fingerprint: dependencyFingerprint({
        packageName: context.name,
        advisoryId: ruleId,
        manifest: context.manifest,
      }),
      link: `https://osv.dev/vulnerability/${encodeURIComponent(ruleId)}`,
      properties: compactRecord({
        aliases: ids.length > 1 ? ids : undefined,
        details: asNonEmptyString(main?.details),
      }),
    },
  ];
}
