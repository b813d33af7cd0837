/*
 * Maps one DefectDojo API v2 finding (`GET /api/v2/findings/`) to a
 * ParsedFinding.
 *
 * State mapping (first matching row wins; also in the package README):
 *
 * | DefectDojo                                                   | ASPM state     | changedAt                                                        |
 * |--------------------------------------------------------------|----------------|------------------------------------------------------------------|
 * | `duplicate: true`                                            | (skipped)      | — represented by its original (`duplicate_finding`)              |
 * | `false_p: true`                                              | false_positive | `last_status_update`                                             |
 * | `out_of_scope: true`                                         | false_positive | `last_status_update` (reason "out of scope")                     |
 * | `risk_accepted: true`                                        | accepted       | newest `accepted_risks[].created`, else `last_status_update`     |
 * | `is_mitigated: true`, or `mitigated` set, or `active: false` | fixed          | `mitigated`, else `last_status_update` (else the scan's time)    |
 * | otherwise (`active: true`)                                   | open           | —                                                                |
 *
 * firstSeenAt is the finding's `date` (when it was discovered), else `created`.
 *
 * Category: `dependency` when `component_name` is set; otherwise by the name
 * of the test type (`related_fields.test.test_type.name`, present when the
 * listing asks for `related_fields=true`): secret scanners -> `secret`, IaC
 * scanners -> `iac`, cloud posture scanners -> `cloud`; everything else
 * (SAST, DAST, manual findings) -> `code`. `found_by` only holds test type
 * ids, so it is kept in `properties` but not used to classify.
 */
import {
  FindingCategory,
  FindingState,
  ParsedFinding,
  Severity,
} from '@aspm/plugin-aspm-common';

/** The fields of a DefectDojo API v2 finding the mapper reads. */
export interface DefectDojoFinding {
  id: number;
  title?: string | null;
  severity?: string | null;
  description?: string | null;
  mitigation?: string | null;
  date?: string | null;
  created?: string | null;
  cwe?: number | null;
  cve?: string | null;
  vulnerability_ids?: Array<{ vulnerability_id?: string | null }> | null;
  cvssv3?: string | null;
  cvssv3_score?: number | string | null;
  epss_score?: number | string | null;
  known_exploited?: boolean | null;
  active?: boolean | null;
  verified?: boolean | null;
  false_p?: boolean | null;
  duplicate?: boolean | null;
  duplicate_finding?: number | null;
  out_of_scope?: boolean | null;
  risk_accepted?: boolean | null;
  is_mitigated?: boolean | null;
  mitigated?: string | null;
  last_status_update?: string | null;
  file_path?: string | null;
  line?: number | null;
  component_name?: string | null;
  component_version?: string | null;
  static_finding?: boolean | null;
  dynamic_finding?: boolean | null;
  found_by?: number[] | null;
  test?: number | null;
  hash_code?: string | null;
  vuln_id_from_tool?: string | null;
  unique_id_from_tool?: string | null;
  accepted_risks?: Array<{
    name?: string | null;
    decision_details?: string | null;
    created?: string | null;
    updated?: string | null;
  }> | null;
  related_fields?: {
    test?: {
      title?: string | null;
      test_type?: { name?: string | null } | null;
    } | null;
  } | null;
}

/**
 * The fingerprint of a DefectDojo finding listed for a product: DefectDojo's
 * deduplication already merged duplicates, so its id identifies the finding.
 * Risk acceptances name findings by these ids, and are matched through it.
 */
export function findingFingerprint(
  productId: string,
  findingId: number,
): string {
  return `dd:${productId}:${findingId}`;
}

/** What the mapper needs besides the finding. */
export interface MapContext {
  /** DefectDojo's base URL without a trailing slash. */
  baseUrl: string;
  /** The product the finding was listed for. */
  productId: string;
}

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  info: 'info',
  informational: 'info',
};

const SECRET_TOOLS =
  /secret|gitleaks|trufflehog|detect-secrets|ggshield|gitguardian|noseyparker|nosey parker|talisman|whispers|credscan/i;
const IAC_TOOLS =
  /checkov|tfsec|terrascan|kics|kubeaudit|kube-bench|kubesec|cfn[-_ ]?(lint|nag)|terraform|hadolint|\biac\b|infrastructure as code/i;
const CLOUD_TOOLS =
  /prowler|scout ?suite|security ?hub|cloudsploit|aws inspector|azure security center|microsoft defender|gcloud|cloud ?custodian|wiz|orca|lacework|\bcspm\b/i;

const MAX_TEXT = 4000;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t ? t : undefined;
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function truncate(value: string | undefined): string | undefined {
  if (value === undefined || value.length <= MAX_TEXT) return value;
  return `${value.slice(0, MAX_TEXT)}…`;
}

/** Maps DefectDojo's severity word; anything unknown counts as info. */
export function severityOf(value: unknown): Severity {
  const word = text(value)?.toLocaleLowerCase('en-US');
  return (word && SEVERITY_WORDS[word]) || 'info';
}

/** All vulnerability ids of a finding: `cve` (older API) and `vulnerability_ids`. */
export function vulnerabilityIds(f: DefectDojoFinding): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    const id = text(v);
    if (id && !ids.includes(id)) ids.push(id);
  };
  add(f.cve);
  for (const v of f.vulnerability_ids ?? []) add(v?.vulnerability_id);
  return ids;
}

/** How the finding's test type (and package) classify it. */
export function categoryOf(f: DefectDojoFinding): FindingCategory {
  if (text(f.component_name)) return 'dependency';
  const testType = text(f.related_fields?.test?.test_type?.name) ?? '';
  if (SECRET_TOOLS.test(testType)) return 'secret';
  if (IAC_TOOLS.test(testType)) return 'iac';
  if (CLOUD_TOOLS.test(testType)) return 'cloud';
  return 'code';
}

function latest(values: Array<string | null | undefined>): string | undefined {
  let best: string | undefined;
  let bestTime = -Infinity;
  for (const v of values) {
    const t = text(v);
    const time = t ? Date.parse(t) : NaN;
    if (t && !Number.isNaN(time) && time > bestTime) {
      best = t;
      bestTime = time;
    }
  }
  return best;
}

/** The lifecycle state DefectDojo reports, per the table at the top of this file. */
export function sourceStateOf(
  f: DefectDojoFinding,
): NonNullable<ParsedFinding['sourceState']> | undefined {
  if (f.duplicate) return undefined;
  const firstSeenAt = text(f.date) ?? text(f.created);
  const lastUpdate = text(f.last_status_update);
  let state: FindingState;
  let changedAt: string | undefined;
  let reason: string | undefined;
  if (f.false_p) {
    state = 'false_positive';
    changedAt = lastUpdate;
    reason = 'Marked as a false positive in DefectDojo';
  } else if (f.out_of_scope) {
    state = 'false_positive';
    changedAt = lastUpdate;
    reason = 'Marked out of scope in DefectDojo';
  } else if (f.risk_accepted) {
    state = 'accepted';
    const acceptances = f.accepted_risks ?? [];
    changedAt =
      latest(acceptances.map(a => a?.created ?? a?.updated)) ?? lastUpdate;
    const named = acceptances
      .map(a => text(a?.decision_details) ?? text(a?.name))
      .filter((v): v is string => Boolean(v));
    reason = named.length
      ? `Risk accepted in DefectDojo: ${named.join('; ')}`
      : 'Risk accepted in DefectDojo';
  } else if (f.is_mitigated || text(f.mitigated) || f.active === false) {
    state = 'fixed';
    changedAt = text(f.mitigated) ?? lastUpdate;
    reason =
      f.is_mitigated || text(f.mitigated)
        ? 'Mitigated in DefectDojo'
        : 'Inactive in DefectDojo';
  } else {
    state = 'open';
  }
  return {
    state,
    ...(changedAt && { changedAt }),
    ...(reason && { reason: truncate(reason) }),
    ...(firstSeenAt && { firstSeenAt }),
  };
}

/**
 * Maps one DefectDojo finding; `undefined` for a duplicate (DefectDojo's
 * dedup already points it at its original, which is listed too).
 */
export function mapFinding(
  f: DefectDojoFinding,
  ctx: MapContext,
): ParsedFinding | undefined {
  const sourceState = sourceStateOf(f);
  if (!sourceState) return undefined;

  const ids = vulnerabilityIds(f);
  const cves = ids
    .filter(id => /^CVE-\d{4}-\d+$/i.test(id))
    .map(id => id.toUpperCase());
  const ghsa = ids.find(id =>
    /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id),
  );
  const title = text(f.title) ?? `DefectDojo finding ${f.id}`;
  const ruleId = text(f.vuln_id_from_tool) ?? cves[0] ?? ids[0] ?? title;
  const cwe = num(f.cwe);
  const epss = num(f.epss_score);
  const cvss = num(f.cvssv3_score);
  const path = text(f.file_path);
  const line = num(f.line);
  const component = text(f.component_name);
  const testType = text(f.related_fields?.test?.test_type?.name);

  const properties: Record<string, unknown> = {
    active: f.active ?? null,
    verified: f.verified ?? null,
    is_mitigated: f.is_mitigated ?? null,
    mitigated: f.mitigated ?? null,
    false_p: f.false_p ?? null,
    risk_accepted: f.risk_accepted ?? null,
    out_of_scope: f.out_of_scope ?? null,
    duplicate: f.duplicate ?? null,
    hash_code: f.hash_code ?? null,
    found_by: f.found_by ?? [],
    test: f.test ?? null,
  };
  if (testType) properties.testType = testType;
  if (text(f.unique_id_from_tool))
    properties.unique_id_from_tool = text(f.unique_id_from_tool);
  if (text(f.cvssv3)) properties.cvssv3 = text(f.cvssv3);
  const description = truncate(text(f.description));
  if (description) properties.description = description;
  const mitigation = truncate(text(f.mitigation));
  if (mitigation) properties.mitigation = mitigation;

  return {
    category: categoryOf(f),
    ruleId,
    title,
    severity: severityOf(f.severity),
    ...(cvss !== undefined && { cvss }),
    ...(cves.length > 0 && { cves }),
    ...(ghsa && { ghsa }),
    ...(cwe !== undefined && cwe > 0 && { cwes: [`CWE-${cwe}`] }),
    ...(epss !== undefined && { epss }),
    ...(typeof f.known_exploited === 'boolean' && {
      knownExploited: f.known_exploited,
    }),
    ...(path && {
      location: {
        path,
        ...(line !== undefined &&
          line > 0 && { startLine: line, endLine: line }),
      },
    }),
    ...(component && {
      package: {
        name: component,
        ...(text(f.component_version) && {
          version: text(f.component_version),
        }),
      },
    }),
    fingerprint: findingFingerprint(ctx.productId, f.id),
    link: `${ctx.baseUrl}/finding/${f.id}`,
    properties,
    sourceState,
  };
}
