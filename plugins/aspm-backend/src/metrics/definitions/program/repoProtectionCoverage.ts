import { MetricSegment } from '@aspm/plugin-aspm-common';
import {
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  tierKey,
} from '../../MetricContext';
import { protectionGaps } from './protectionGaps';
import { latestScorecard } from './scopedSignals';

/**
 * repo_protection_coverage: Components of the critical tiers (default 1
 * and 2) with a repository whose latest OpenSSF Scorecard run (within 90
 * days) scores each required check (Branch-Protection, Token-Permissions,
 * Dangerous-Workflow, Pinned-Dependencies) at the threshold (8) or more /
 * those Components.
 */
export function repoProtectionCoverage(ctx: MetricContext): MetricComputation {
  const { criticalTiers, protectionChecks, protectionThreshold } =
    ctx.config.signals;
  const privileged = [...ctx.entities.values()].filter(
    e =>
      e.kind === 'component' &&
      e.hasRepository &&
      e.tier !== undefined &&
      criticalTiers.includes(e.tier),
  );
  const gaps = new Map(
    privileged.map(e => [e.entityRef, protectionGaps(ctx, e.entityRef)]),
  );
  const protectedRef = (ref: string) => gaps.get(ref)!.length === 0;
  const scored = privileged.filter(e =>
    latestScorecard(ctx.world, e.entityRef),
  );
  const byCheck: MetricSegment[] = protectionChecks.map(check => {
    const n = scored.filter(
      e =>
        (latestScorecard(ctx.world, e.entityRef)!.checks[check] ?? -1) >=
        protectionThreshold,
    ).length;
    return {
      dimension: 'check',
      key: check,
      value: ratio(n, scored.length),
      numerator: n,
      denominator: scored.length,
    };
  });
  const numerator = privileged.filter(e => protectedRef(e.entityRef)).length;
  return {
    unit: 'ratio',
    value: ratio(numerator, privileged.length),
    numerator,
    denominator: privileged.length,
    details: { withScorecard: scored.length },
    itemKind: 'entity',
    items: privileged.map(e => ({
      kind: 'entity',
      id: e.entityRef,
      entityRef: e.entityRef,
      label: e.title ?? e.entityRef,
      inNumerator: protectedRef(e.entityRef),
      note: protectedRef(e.entityRef)
        ? 'every required protection in place'
        : gaps.get(e.entityRef)!.join(', '),
    })),
    segments: [
      ...ratioSegments(
        'tier',
        privileged,
        e => tierKey(e),
        e => protectedRef(e.entityRef),
      ),
      ...ratioSegments(
        'businessUnit',
        privileged,
        e => e.businessUnit,
        e => protectedRef(e.entityRef),
      ),
      ...byCheck,
    ],
  };
}
