import {
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
} from '../MetricContext';
import { windowReleases } from './windowReleases';

/**
 * evidence_completeness: production releases in the window whose checklist
 * is complete / production releases in the window.
 */
export function evidenceCompleteness(ctx: MetricContext): MetricComputation {
  const releases = windowReleases(ctx).filter(
    r => r.environment === 'production',
  );
  const complete = releases.filter(r => r.evidenceComplete);
  return {
    unit: 'ratio',
    value: ratio(complete.length, releases.length),
    numerator: complete.length,
    denominator: releases.length,
    itemKind: 'release',
    items: releases.map(r => ({
      kind: 'release',
      id: String(r.id),
      entityRef: r.entityRef,
      label: `${r.version} (${r.environment})`,
      inNumerator: r.evidenceComplete,
      note: r.evidenceComplete
        ? 'checklist complete'
        : 'evidence missing or invalid',
    })),
    segments: [
      ...ratioSegments(
        'team',
        releases,
        r => ctx.entities.get(r.entityRef)?.team,
        r => r.evidenceComplete,
      ),
      ...ratioSegments(
        'businessUnit',
        releases,
        r => ctx.entities.get(r.entityRef)?.businessUnit,
        r => r.evidenceComplete,
      ),
    ],
  };
}
