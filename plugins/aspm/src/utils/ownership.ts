import {
  AspmEntity,
  OwnershipSegment,
  isOwned,
} from '@aspm/plugin-aspm-common';
import {
  Severity,
  exposureLabel,
  formatPercent,
  ownerResolutionLabel,
  ownerResolutionSeverity,
} from './format';

/** Label of the segment without a business unit / team / tier. */
export function segmentLabel(segment: OwnershipSegment, noneLabel: string) {
  return segment.key === undefined || segment.key === null
    ? noneLabel
    : segment.label;
}

/**
 * Worst first: lowest ratio first, then the bigger segment (more entities
 * affected), then by label. Empty segments (no ratio) go last.
 */
export function sortSegmentsWorstFirst<T extends OwnershipSegment>(
  segments: T[],
): T[] {
  return [...segments].sort((a, b) => {
    if (a.ratio === undefined && b.ratio === undefined) {
      return a.label.localeCompare(b.label);
    }
    if (a.ratio === undefined) return 1;
    if (b.ratio === undefined) return -1;
    if (a.ratio !== b.ratio) return a.ratio - b.ratio;
    if (a.denominator !== b.denominator) return b.denominator - a.denominator;
    return a.label.localeCompare(b.label);
  });
}

/** Status of one tier row. */
export type TierStatus = 'meets-target' | 'below-target' | 'no-target' | 'gap';

/**
 * Status of a row of the by-tier table. The untiered row (no key) is a gap
 * as soon as it holds entities: every entity needs a tier.
 */
export function tierSegmentStatus(segment: OwnershipSegment): TierStatus {
  if (segment.key === undefined || segment.key === null) {
    return segment.denominator > 0 ? 'gap' : 'no-target';
  }
  if (segment.target === undefined) return 'no-target';
  const meets =
    segment.meetsTarget ??
    (segment.ratio !== undefined && segment.ratio >= segment.target);
  return meets ? 'meets-target' : 'below-target';
}

/** Data for the ratio-by-segment bar chart (percent, 0..100). */
export interface ChartDatum {
  label: string;
  percent: number;
  owned: number;
  total: number;
}

export function toChartData(
  segments: OwnershipSegment[],
  noneLabel: string,
): ChartDatum[] {
  return segments
    .filter(s => s.ratio !== undefined)
    .map(s => ({
      label: segmentLabel(s, noneLabel),
      percent: Math.round((s.ratio ?? 0) * 1000) / 10,
      owned: s.numerator,
      total: s.denominator,
    }));
}

/** Text alternative of the chart, stating every value. */
export function chartAriaLabel(
  title: string,
  data: ChartDatum[],
  locale?: string,
): string {
  if (data.length === 0) return `${title}: no data`;
  return `${title}: ${data
    .map(
      d =>
        `${d.label} ${formatPercent(d.percent / 100, locale)} (${d.owned} of ${
          d.total
        })`,
    )
    .join(', ')}`;
}

/** The most pressing finding about one entity, for the compact card. */
export interface EntityStatus {
  severity: Severity;
  message: string;
}

/**
 * All findings about one entity, worst first. Invalid annotations and missing
 * or dangling owners are errors; a user without a team, no tier or an unknown
 * exposure are warnings.
 */
export function entityFindings(entity: AspmEntity): EntityStatus[] {
  const findings: EntityStatus[] = [];
  for (const problem of entity.annotationProblems ?? []) {
    findings.push({ severity: 'error', message: problem.message });
  }
  if (!isOwned(entity.ownerResolution)) {
    findings.push({
      severity: ownerResolutionSeverity(entity.ownerResolution),
      message: `${ownerResolutionLabel(entity.ownerResolution)}: ${
        entity.ownerResolutionReason
      }`,
    });
  }
  if (!entity.tier) {
    findings.push({
      severity: 'warning',
      message: 'Untiered: no business criticality set',
    });
  }
  if (!entity.exposure) {
    findings.push({ severity: 'warning', message: exposureLabel(undefined) });
  }
  const rank: Record<Severity, number> = { error: 0, warning: 1, ok: 2 };
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** The worst finding, or an "ok" status when there is none. */
export function worstEntityStatus(entity: AspmEntity): EntityStatus {
  return (
    entityFindings(entity)[0] ?? {
      severity: 'ok',
      message: 'Owned, tiered and exposure known',
    }
  );
}
