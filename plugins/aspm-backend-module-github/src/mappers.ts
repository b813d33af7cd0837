import {
  FindingState,
  ParsedFinding,
  severityFromSarifLevel,
  severityFromWord,
} from '@aspm/plugin-aspm-common';
import { AspmImportedException } from '@aspm/plugin-aspm-node';

/*
 * Mapping of GitHub REST alert objects (code scanning, Dependabot, secret
 * scanning) to ASPM findings. Pure functions; the payloads are typed loosely
 * (`unknown`) and read defensively, since fields are nullable and older
 * payloads lack some of them.
 */

type Json = Record<string, unknown>;

const asRecord = (v: unknown): Json | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Json)
    : undefined;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 ? v : undefined;
const asNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number.parseFloat(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
const asPositiveNumber = (v: unknown): number | undefined => {
  const n = asNumber(v);
  return n !== undefined && n > 0 ? n : undefined;
};
const asBoolean = (v: unknown): boolean | undefined =>
  typeof v === 'boolean' ? v : undefined;

/** A timestamp as ISO 8601, or undefined when absent or not a date. */
function asTime(v: unknown): string | undefined {
  const s = asString(v);
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const loginOf = (v: unknown) => asString(asRecord(v)?.login);

/** Drops undefined values, so content hashes do not depend on them. */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

function reasonOf(reason?: string, comment?: string): string | undefined {
  if (reason && comment) return `${reason}: ${comment}`;
  return reason ?? comment;
}

/** GitHub's advisory / security severity word (critical, high, medium, moderate, low) to ours. */
export const severityFromGithubWord = severityFromWord;

/** A code scanning rule's `severity` (a SARIF level) to ours. */
export const severityFromRuleLevel = severityFromSarifLevel;

/** A GitHub location object (start_line, end_line, start_column, end_column). */
function locationOf(path: string | undefined, loc: Json | undefined) {
  return path
    ? compact({
        path,
        startLine: asNumber(loc?.start_line),
        endLine: asNumber(loc?.end_line),
        startColumn: asNumber(loc?.start_column),
        endColumn: asNumber(loc?.end_column),
      })
    : undefined;
}

/** `external/cwe/cwe-079` → `CWE-79`; other tags are ignored. */
export function cwesFromTags(tags: unknown): string[] {
  const out = new Set<string>();
  for (const tag of asArray(tags)) {
    const m =
      typeof tag === 'string'
        ? /^external\/cwe\/cwe-0*(\d+)$/i.exec(tag)
        : null;
    if (m) out.add(`CWE-${m[1]}`);
  }
  return [...out];
}

/** `CWE-079` / `cwe-79` → `CWE-79`. */
function normalizeCwe(id: unknown): string | undefined {
  const m = typeof id === 'string' ? /^cwe-0*(\d+)$/i.exec(id.trim()) : null;
  return m ? `CWE-${m[1]}` : undefined;
}

/** The state the source reports, as {@link ParsedFinding.sourceState}. */
export type SourceState = NonNullable<ParsedFinding['sourceState']>;

/**
 * Code scanning `dismissed_reason` → state. Documented in README.md.
 * An unknown or missing reason counts as a risk accepted in the tool.
 */
export const CODE_SCANNING_DISMISSED_STATES: Record<string, FindingState> = {
  'false positive': 'false_positive',
  'used in tests': 'false_positive',
  "won't fix": 'accepted',
  mitigated: 'accepted',
};

/** Dependabot `dismissed_reason` → state. `fix_started` keeps the alert open. */
export const DEPENDABOT_DISMISSED_STATES: Record<string, FindingState> = {
  tolerable_risk: 'accepted',
  no_bandwidth: 'accepted',
  inaccurate: 'false_positive',
  not_used: 'false_positive',
  fix_started: 'open',
};

/** Secret scanning `resolution` of a resolved alert → state. */
export const SECRET_SCANNING_RESOLUTION_STATES: Record<string, FindingState> = {
  revoked: 'fixed',
  pattern_edited: 'fixed',
  pattern_deleted: 'fixed',
  false_positive: 'false_positive',
  used_in_tests: 'false_positive',
  wont_fix: 'accepted',
};

/** The repository a finding belongs to, lower-cased (`owner/repo`). */
const repoKey = (repo: string) => repo.toLocaleLowerCase('en-US');

/** Tool of a code scanning alert (e.g. CodeQL 2.4.0). */
export function codeScanningToolOf(alert: unknown): {
  name: string;
  version?: string;
} {
  const tool = asRecord(asRecord(alert)?.tool);
  return compact({
    name: asString(tool?.name) ?? 'GitHub code scanning',
    version: asString(tool?.version),
  });
}

/** Maps one item of GET /repos/{o}/{r}/code-scanning/alerts. */
export function mapCodeScanningAlert(
  alert: unknown,
  repo: string,
): ParsedFinding {
  const a = asRecord(alert) ?? {};
  const rule = asRecord(a.rule) ?? {};
  const instance = asRecord(a.most_recent_instance) ?? {};
  const loc = asRecord(instance.location);
  const number = asNumber(a.number);
  const ruleId = asString(rule.id) ?? asString(rule.name) ?? 'unknown-rule';
  const state = asString(a.state) ?? 'open';
  const dismissedReason = asString(a.dismissed_reason);
  const dismissedComment = asString(a.dismissed_comment);
  const createdAt = asTime(a.created_at);

  let sourceState: SourceState;
  if (state === 'fixed') {
    sourceState = {
      state: 'fixed',
      // fixed_at is null in some payloads; updated_at is when it changed.
      changedAt: asTime(a.fixed_at) ?? asTime(a.updated_at),
    };
  } else if (state === 'dismissed') {
    sourceState = {
      state:
        (dismissedReason && CODE_SCANNING_DISMISSED_STATES[dismissedReason]) ||
        'accepted',
      changedAt: asTime(a.dismissed_at),
      reason: reasonOf(dismissedReason, dismissedComment),
    };
  } else {
    sourceState = { state: 'open' };
  }
  sourceState.firstSeenAt = createdAt;

  const path = asString(loc?.path);
  const cwes = cwesFromTags(rule.tags);
  return compact({
    category: 'code' as const,
    ruleId,
    title: asString(rule.description) ?? asString(rule.name) ?? ruleId,
    severity:
      severityFromGithubWord(rule.security_severity_level) ??
      severityFromRuleLevel(rule.severity) ??
      'medium',
    cwes: cwes.length ? cwes : undefined,
    location: locationOf(path, loc),
    fingerprint: `gh-code:${repoKey(repo)}:${number ?? ruleId}`,
    link: asString(a.html_url),
    properties: compact({
      alertNumber: number,
      state,
      dismissedReason,
      dismissedComment,
      dismissedAt: asTime(a.dismissed_at),
      dismissedBy: loginOf(a.dismissed_by),
      fixedAt: asTime(a.fixed_at),
      message: asString(asRecord(instance.message)?.text),
      ref: asString(instance.ref),
      commitSha: asString(instance.commit_sha),
      analysisCategory: asString(instance.category),
      classifications: asArray(instance.classifications).length
        ? asArray(instance.classifications)
        : undefined,
      ruleSeverity: asString(rule.severity),
      securitySeverityLevel: asString(rule.security_severity_level),
      tags: asArray(rule.tags).length ? asArray(rule.tags) : undefined,
      helpUri: asString(rule.help_uri),
    }),
    sourceState: compact(sourceState),
  });
}

/** Maps one item of GET /repos/{o}/{r}/dependabot/alerts. */
export function mapDependabotAlert(
  alert: unknown,
  repo: string,
): ParsedFinding {
  const a = asRecord(alert) ?? {};
  const advisory = asRecord(a.security_advisory) ?? {};
  const vulnerability = asRecord(a.security_vulnerability) ?? {};
  const dependency = asRecord(a.dependency) ?? {};
  const pkg =
    asRecord(dependency.package) ?? asRecord(vulnerability.package) ?? {};
  const number = asNumber(a.number);
  const ghsa = asString(advisory.ghsa_id);
  const state = asString(a.state) ?? 'open';
  const dismissedReason = asString(a.dismissed_reason);
  const dismissedComment = asString(a.dismissed_comment);

  const cves = new Set<string>();
  const cveId = asString(advisory.cve_id);
  if (cveId) cves.add(cveId);
  for (const id of asArray(advisory.identifiers)) {
    const r = asRecord(id);
    const value = asString(r?.value);
    if (r?.type === 'CVE' && value) cves.add(value);
  }
  const cwes = new Set<string>();
  for (const c of asArray(advisory.cwes)) {
    const id = normalizeCwe(asRecord(c)?.cwe_id);
    if (id) cwes.add(id);
  }
  const severities = asRecord(advisory.cvss_severities);
  const cvss =
    asPositiveNumber(asRecord(advisory.cvss)?.score) ??
    asPositiveNumber(asRecord(severities?.cvss_v3)?.score) ??
    asPositiveNumber(asRecord(severities?.cvss_v4)?.score);

  let sourceState: SourceState;
  if (state === 'fixed') {
    sourceState = {
      state: 'fixed',
      changedAt: asTime(a.fixed_at) ?? asTime(a.updated_at),
    };
  } else if (state === 'auto_dismissed') {
    sourceState = {
      state: 'false_positive',
      changedAt:
        asTime(a.auto_dismissed_at) ??
        asTime(a.dismissed_at) ??
        asTime(a.updated_at),
      reason: reasonOf('auto_dismissed', dismissedComment),
    };
  } else if (state === 'dismissed') {
    const mapped =
      (dismissedReason && DEPENDABOT_DISMISSED_STATES[dismissedReason]) ||
      'accepted';
    sourceState =
      mapped === 'open'
        ? { state: 'open' }
        : {
            state: mapped,
            changedAt: asTime(a.dismissed_at),
            reason: reasonOf(dismissedReason, dismissedComment),
          };
  } else {
    sourceState = { state: 'open' };
  }
  sourceState.firstSeenAt = asTime(a.created_at);

  const ruleId = ghsa ?? asString(advisory.cve_id) ?? `dependabot-${number}`;
  return compact({
    category: 'dependency' as const,
    ruleId,
    title: asString(advisory.summary) ?? ruleId,
    severity:
      severityFromGithubWord(vulnerability.severity) ??
      severityFromGithubWord(advisory.severity) ??
      'medium',
    cvss,
    cves: cves.size ? [...cves] : undefined,
    ghsa,
    cwes: cwes.size ? [...cwes] : undefined,
    epss: asNumber(asRecord(advisory.epss)?.percentage),
    package: compact({
      name: asString(pkg.name) ?? 'unknown',
      ecosystem: asString(pkg.ecosystem),
      manifest: asString(dependency.manifest_path),
      fixedVersion: asString(
        asRecord(vulnerability.first_patched_version)?.identifier,
      ),
    }),
    fingerprint: `gh-dep:${repoKey(repo)}:${number ?? ruleId}`,
    link: asString(a.html_url),
    properties: compact({
      alertNumber: number,
      state,
      dismissedReason,
      dismissedComment,
      dismissedAt: asTime(a.dismissed_at),
      dismissedBy: loginOf(a.dismissed_by),
      autoDismissedAt: asTime(a.auto_dismissed_at),
      fixedAt: asTime(a.fixed_at),
      vulnerableVersionRange: asString(vulnerability.vulnerable_version_range),
      scope: asString(dependency.scope),
      relationship: asString(dependency.relationship),
      cvssVector:
        asString(asRecord(advisory.cvss)?.vector_string) ??
        asString(asRecord(severities?.cvss_v3)?.vector_string),
      epssPercentile: asNumber(asRecord(advisory.epss)?.percentile),
      withdrawnAt: asTime(advisory.withdrawn_at),
    }),
    sourceState: compact(sourceState),
  });
}

/**
 * Maps one item of GET /repos/{o}/{r}/secret-scanning/alerts. Every secret
 * is `high` (a leaked credential is exploitable as it stands; validity and
 * public exposure are kept in properties). The `secret` value itself is
 * never read into the finding.
 */
export function mapSecretScanningAlert(
  alert: unknown,
  repo: string,
): ParsedFinding {
  const a = asRecord(alert) ?? {};
  const number = asNumber(a.number);
  const secretType = asString(a.secret_type) ?? 'unknown_secret';
  // Older payloads (webhooks) carry no state; only resolved alerts have a resolution.
  const resolution = asString(a.resolution);
  const state = asString(a.state) ?? (resolution ? 'resolved' : 'open');
  const resolvedAt = asTime(a.resolved_at);
  const resolutionComment = asString(a.resolution_comment);

  let sourceState: SourceState;
  if (state === 'resolved') {
    const mapped =
      (resolution && SECRET_SCANNING_RESOLUTION_STATES[resolution]) ||
      'accepted';
    sourceState = {
      state: mapped,
      changedAt: resolvedAt,
      reason: reasonOf(resolution, resolutionComment),
    };
  } else {
    sourceState = { state: 'open' };
  }
  sourceState.firstSeenAt = asTime(a.created_at);

  const first = asRecord(a.first_location_detected);
  const path = asString(first?.path);
  return compact({
    category: 'secret' as const,
    ruleId: secretType,
    title: asString(a.secret_type_display_name) ?? secretType,
    severity: 'high' as const,
    location: locationOf(path, first),
    fingerprint: `gh-secret:${repoKey(repo)}:${number ?? secretType}`,
    link: asString(a.html_url),
    properties: compact({
      alertNumber: number,
      state,
      secretType,
      validity: asString(a.validity),
      resolution,
      resolutionComment,
      resolvedAt,
      resolvedBy: loginOf(a.resolved_by),
      publiclyLeaked: asBoolean(a.publicly_leaked),
      multiRepo: asBoolean(a.multi_repo),
      pushProtectionBypassed: asBoolean(a.push_protection_bypassed),
      pushProtectionBypassedBy: loginOf(a.push_protection_bypassed_by),
      pushProtectionBypassedAt: asTime(a.push_protection_bypassed_at),
      commitSha: asString(first?.commit_sha),
      hasMoreLocations: asBoolean(a.has_more_locations),
    }),
    sourceState: compact(sourceState),
  });
}

/**
 * The dismissal reasons that are GitHub's risk acceptances, per alert type:
 * the alert is real and left unfixed on purpose. They become exceptions
 * (besides the finding's `accepted` state); the other reasons do not
 * (`false positive`, `used in tests`, `inaccurate`, `not_used` are false
 * positives, `fix_started` keeps the alert open, `mitigated` and unknown
 * reasons are accepted in the finding only). Documented in README.md.
 */
export const EXCEPTION_DISMISSAL_REASONS = {
  codeScanning: ["won't fix"],
  dependabot: ['tolerable_risk', 'no_bandwidth'],
  secretScanning: ['wont_fix'],
} as const;

/** How an alert type is named in exception ids and reasons. */
const EXCEPTION_KINDS = {
  codeScanning: { id: 'code-scanning', label: 'code scanning' },
  dependabot: { id: 'dependabot', label: 'Dependabot' },
  secretScanning: { id: 'secret-scanning', label: 'secret scanning' },
} as const;

/** The alert types {@link dismissalException} reads. */
export type AlertKind = keyof typeof EXCEPTION_KINDS;

/**
 * The exception a dismissed alert stands for, when GitHub's reason is a risk
 * acceptance ({@link EXCEPTION_DISMISSAL_REASONS}); `undefined` otherwise, or
 * when the alert has no number or no dismissal time to identify and date it.
 *
 * GitHub dismissals never expire and carry no review date, so the exception
 * has neither: it counts as unmanaged debt until someone revokes it or
 * GitHub reopens the alert. `covers` is the finding the source submitted for
 * the alert (its tool, fingerprint and run key).
 */
export function dismissalException(
  kind: AlertKind,
  alert: unknown,
  repo: string,
  covers: { tool: string; fingerprint: string; runKey: string },
): AspmImportedException | undefined {
  const a = asRecord(alert) ?? {};
  const number = asNumber(a.number);
  if (number === undefined) return undefined;
  let reason: string | undefined;
  let comment: string | undefined;
  let by: string | undefined;
  let at: string | undefined;
  if (kind === 'secretScanning') {
    // Older payloads (webhooks) carry no state; a resolution means resolved.
    const resolution = asString(a.resolution);
    const state = asString(a.state) ?? (resolution ? 'resolved' : 'open');
    if (state !== 'resolved') return undefined;
    reason = resolution;
    comment = asString(a.resolution_comment);
    by = loginOf(a.resolved_by);
    at = asTime(a.resolved_at);
  } else {
    if (asString(a.state) !== 'dismissed') return undefined;
    reason = asString(a.dismissed_reason);
    comment = asString(a.dismissed_comment);
    by = loginOf(a.dismissed_by);
    at = asTime(a.dismissed_at);
  }
  const accepted: readonly string[] = EXCEPTION_DISMISSAL_REASONS[kind];
  if (!reason || !accepted.includes(reason)) return undefined;
  // The dismissal time dates it; updated_at is the last change, which is the
  // dismissal for an alert still dismissed.
  const when = at ?? asTime(a.updated_at);
  if (!when) return undefined;
  const { id, label } = EXCEPTION_KINDS[kind];
  const actor = by ? `github:${by}` : undefined;
  return compact({
    externalId: `github:${repoKey(repo)}:${id}:${number}`,
    reason: `GitHub ${label} alert dismissed as ${reason}${
      comment ? `: ${comment}` : ''
    }`,
    category: 'other',
    status: 'approved' as const,
    requestedBy: actor,
    requestedAt: new Date(when),
    decidedBy: actor,
    decidedAt: new Date(when),
    findings: [covers],
  });
}
