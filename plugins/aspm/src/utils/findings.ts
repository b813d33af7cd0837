import {
  Finding,
  FindingCategory,
  FindingEvent,
  FindingState,
  Ingestion,
  SEVERITIES,
  Severity as FindingSeverity,
} from '@aspm/plugin-aspm-common';
import { FindingsOrderBy } from '../api';
import { NO_VALUE } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;

const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** "Critical", "High"... */
export function severityLabel(severity: FindingSeverity): string {
  return SEVERITY_LABELS[severity] ?? severity;
}

const STATE_LABELS: Record<FindingState, string> = {
  open: 'Open',
  fixed: 'Fixed',
  false_positive: 'False positive',
  accepted: 'Risk accepted',
};

/** "Open", "Fixed", "False positive", "Risk accepted". */
export function findingStateLabel(state: FindingState): string {
  return STATE_LABELS[state] ?? state;
}

const CATEGORY_LABELS: Record<FindingCategory, string> = {
  code: 'Code',
  dependency: 'Dependency',
  container: 'Container',
  iac: 'IaC',
  secret: 'Secret',
  cloud: 'Cloud',
};

/** "Code", "Dependency", "IaC"... */
export function categoryLabel(category: FindingCategory): string {
  return CATEGORY_LABELS[category] ?? category;
}

/**
 * How long a finding has been (or was) open, in days: from `firstSeenAt` to
 * now, or to `fixedAt` for a fixed finding. Undefined when a date is invalid.
 */
export function findingAgeDays(
  finding: Pick<Finding, 'firstSeenAt' | 'fixedAt' | 'state'>,
  now: number = Date.now(),
): number | undefined {
  const start = Date.parse(finding.firstSeenAt);
  const end =
    finding.state === 'fixed' && finding.fixedAt
      ? Date.parse(finding.fixedAt)
      : now;
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.max(0, (end - start) / DAY_MS);
}

/** A number of days with one decimal, e.g. 10.5 -> "10.5", 3 -> "3.0". */
export function formatDays(days?: number, locale?: string): string {
  if (days === undefined || days === null || !Number.isFinite(days)) {
    return NO_VALUE;
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(days);
}

/** The age of a finding in days, one decimal (see {@link findingAgeDays}). */
export function formatFindingAge(
  finding: Pick<Finding, 'firstSeenAt' | 'fixedAt' | 'state'>,
  now: number = Date.now(),
  locale?: string,
): string {
  return formatDays(findingAgeDays(finding, now), locale);
}

/** A CVSS score with one decimal: 9 -> "9.0". */
export function formatCvss(score?: number): string {
  if (score === undefined || score === null || !Number.isFinite(score)) {
    return NO_VALUE;
  }
  return score.toFixed(1);
}

/**
 * Where a finding is: `path:line` for code, `name@version` (and the
 * manifest or image below) for packages.
 */
export function findingWhere(finding: Pick<Finding, 'location' | 'package'>): {
  primary: string;
  secondary?: string;
} {
  const { location, package: pkg } = finding;
  if (location?.path) {
    return {
      primary:
        location.startLine !== undefined
          ? `${location.path}:${location.startLine}`
          : location.path,
    };
  }
  if (pkg?.name) {
    return {
      primary: pkg.version ? `${pkg.name}@${pkg.version}` : pkg.name,
      ...(pkg.manifest ? { secondary: pkg.manifest } : {}),
    };
  }
  return { primary: NO_VALUE };
}

const EVENT_LABELS: Record<FindingEvent['type'], string> = {
  opened: 'Opened',
  fixed: 'Fixed',
  reopened: 'Reopened',
  severity_changed: 'Severity changed',
  suppressed: 'Suppressed',
  unsuppressed: 'Unsuppressed',
  accepted: 'Accepted by an exception',
  exception_ended: 'Exception ended',
  rotated: 'Secret rotated',
};

/** A state or severity as a label; other values as they are. */
function valueLabel(value: string): string {
  if ((SEVERITIES as readonly string[]).includes(value)) {
    return severityLabel(value as FindingSeverity);
  }
  if (value in STATE_LABELS) return findingStateLabel(value as FindingState);
  return value;
}

/** "Severity changed" and "Medium → High" for one event of a finding. */
export function describeFindingEvent(event: FindingEvent): {
  label: string;
  change?: string;
} {
  const label = EVENT_LABELS[event.type] ?? event.type;
  const { from, to } = event;
  let change: string | undefined;
  if (from && to) change = `${valueLabel(from)} → ${valueLabel(to)}`;
  else if (to) change = `→ ${valueLabel(to)}`;
  else if (from) change = `${valueLabel(from)} →`;
  return change ? { label, change } : { label };
}

/** Events oldest first (a stable sort on `at`). */
export function sortFindingEvents(events: FindingEvent[]): FindingEvent[] {
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(e => e.event);
}

/**
 * The tool's own fields of a finding (message, help, tags...) as label and
 * plain text, in the order the tool gave them; empty values are left out.
 */
export function propertyEntries(
  properties?: Record<string, unknown>,
): Array<[string, string]> {
  if (!properties) return [];
  const entries: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === '') continue;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean') {
      text = String(value);
    } else if (
      Array.isArray(value) &&
      value.every(v => typeof v === 'string' || typeof v === 'number')
    ) {
      if (value.length === 0) continue;
      text = value.join(', ');
    } else {
      text = JSON.stringify(value, null, 2);
    }
    entries.push([key, text]);
  }
  return entries;
}

/** The shell command that pushes a SARIF file for an entity. */
export function ingestCurlCommand(
  backendBaseUrl: string,
  entityRef: string,
): string {
  const base = backendBaseUrl.replace(/\/+$/, '');
  return [
    'curl -X POST',
    '-H "Authorization: Bearer $ASPM_TOKEN"',
    '--data-binary @results.sarif',
    `"${base}/api/aspm/ingest?entityRef=${entityRef}"`,
  ].join(' ');
}

/** Columns of the findings table that sort on the server. */
export type FindingsSortColumn =
  | 'severity'
  | 'title'
  | 'tool'
  | 'age'
  | 'firstSeenAt'
  | 'lastSeenAt';

/** The default order: most severe first. */
export const DEFAULT_FINDINGS_SORT: {
  orderBy: FindingsOrderBy;
  order: 'asc' | 'desc';
} = { orderBy: 'severity', order: 'asc' };

/**
 * The API ordering for a click on a column header. Age ascending is the
 * youngest first, i.e. `firstSeenAt` descending; no direction means the
 * default order.
 */
export function findingsSort(
  column: FindingsSortColumn | undefined,
  direction: 'asc' | 'desc' | '' | undefined,
): { orderBy: FindingsOrderBy; order: 'asc' | 'desc' } {
  if (!column || !direction) return DEFAULT_FINDINGS_SORT;
  if (column === 'age') {
    return {
      orderBy: 'firstSeenAt',
      order: direction === 'asc' ? 'desc' : 'asc',
    };
  }
  return { orderBy: column, order: direction };
}

/** "Push", "GitHub", "DefectDojo", or the source id. */
export function ingestionSourceLabel(source: string): string {
  if (source === 'push') return 'Push';
  const id = source.startsWith('source:')
    ? source.slice('source:'.length)
    : source;
  switch (id) {
    case 'github':
      return 'GitHub';
    case 'defectdojo':
      return 'DefectDojo';
    default:
      return id;
  }
}

/** "trivy 0.50.1, semgrep". */
export function ingestionToolsLabel(tools?: Ingestion['tools']): string {
  if (!tools || tools.length === 0) return NO_VALUE;
  const names = tools.map(t => (t.version ? `${t.name} ${t.version}` : t.name));
  return Array.from(new Set(names)).join(', ');
}

/** What an ingestion did, in a few words. */
export function ingestionResultLabel(
  ingestion: Pick<Ingestion, 'status' | 'counts' | 'error'>,
  locale?: string,
): string {
  switch (ingestion.status) {
    case 'failed':
      return ingestion.error ? `Failed: ${ingestion.error}` : 'Failed';
    case 'replay':
      return 'Same scan as before: nothing changed';
    default: {
      const counts = ingestion.counts;
      if (!counts) return 'Succeeded';
      const n = new Intl.NumberFormat(locale);
      return `${n.format(counts.new)} new · ${n.format(
        counts.fixed,
      )} fixed · ${n.format(counts.reopened)} reopened`;
    }
  }
}

/** "Critical: 2 open findings". */
export function severityCountLabel(
  severity: FindingSeverity,
  count: number,
  locale?: string,
): string {
  return `${severityLabel(severity)}: ${new Intl.NumberFormat(locale).format(
    count,
  )} open finding${count === 1 ? '' : 's'}`;
}
