import { Finding, ParsedFinding } from '@aspm/plugin-aspm-common';
import { toIso } from '../util/time';

/** The parsed fields of a finding as columns (everything but key, state and times). */
export function findingColumns(f: ParsedFinding) {
  return {
    category: f.category,
    rule_id: f.ruleId.slice(0, 300),
    title: f.title,
    severity: f.severity,
    cvss: f.cvss ?? null,
    cves: f.cves?.length ? JSON.stringify(f.cves) : null,
    ghsa: f.ghsa ?? null,
    cwes: f.cwes?.length ? JSON.stringify(f.cwes) : null,
    epss: f.epss ?? null,
    known_exploited: Boolean(f.knownExploited),
    location_path: f.location?.path ?? null,
    start_line: f.location?.startLine ?? null,
    end_line: f.location?.endLine ?? null,
    package_name: f.package?.name?.slice(0, 300) ?? null,
    package_version: f.package?.version?.slice(0, 200) ?? null,
    package_ecosystem: f.package?.ecosystem?.slice(0, 50) ?? null,
    manifest: f.package?.manifest ?? null,
    fixed_version: f.package?.fixedVersion?.slice(0, 200) ?? null,
    suppression_justification: f.suppression?.justification ?? null,
    link: f.link ?? null,
    properties: f.properties ? JSON.stringify(f.properties) : null,
  };
}

const opt = <T>(v: T | null | undefined): T | undefined =>
  v === null || v === undefined ? undefined : v;
const json = <T>(v: string | null | undefined): T | undefined =>
  v ? (JSON.parse(v) as T) : undefined;

/** A stored finding row to the API shape. */
export function rowToFinding(row: Record<string, any>): Finding {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    tool: { name: row.tool, version: opt(row.tool_version) },
    runKey: row.run_key || undefined,
    fingerprint: row.fingerprint,
    category: row.category,
    ruleId: row.rule_id,
    title: row.title,
    severity: row.severity,
    cvss: opt(row.cvss) === undefined ? undefined : Number(row.cvss),
    cves: json<string[]>(row.cves),
    ghsa: opt(row.ghsa),
    cwes: json<string[]>(row.cwes),
    epss: opt(row.epss) === undefined ? undefined : Number(row.epss),
    knownExploited: Boolean(row.known_exploited),
    location: row.location_path
      ? {
          path: row.location_path,
          startLine: opt(row.start_line),
          endLine: opt(row.end_line),
        }
      : undefined,
    package: row.package_name
      ? {
          name: row.package_name,
          version: opt(row.package_version),
          ecosystem: opt(row.package_ecosystem),
          manifest: opt(row.manifest),
          fixedVersion: opt(row.fixed_version),
        }
      : undefined,
    state: row.state,
    suppressionJustification: opt(row.suppression_justification),
    firstSeenAt: toIso(row.first_seen_at)!,
    lastSeenAt: toIso(row.last_seen_at)!,
    fixedAt: toIso(row.fixed_at),
    reopenCount: Number(row.reopen_count),
    exceptionId:
      row.exception_id === null || row.exception_id === undefined
        ? undefined
        : Number(row.exception_id),
    link: opt(row.link),
    properties: json<Record<string, unknown>>(row.properties),
  };
}
