import { MetricSegment } from '@aspm/plugin-aspm-common';
import {
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
} from '../MetricContext';
import { windowReleases } from './windowReleases';

function gateNote(firstPass: boolean, failedFirst: string[]): string {
  if (firstPass) return 'passed every gate first time';
  if (failedFirst.length) return `failed first: ${failedFirst.join(', ')}`;
  return 'gates re-run';
}

/**
 * gate_pass_rate: gated release candidates in the window that passed every
 * gate at attempt 1 / gated candidates in the window. Candidates posted
 * without gates are not counted (there was no gate to pass).
 */
export function gatePassRate(ctx: MetricContext): MetricComputation {
  const candidates = windowReleases(ctx).filter(r => r.gated);
  const passed = candidates.filter(r => r.firstPass);
  const gateTypes = [...new Set(candidates.flatMap(r => r.failedFirst))].sort();
  const byGate: MetricSegment[] = gateTypes.map(type => {
    const n = candidates.filter(r => !r.failedFirst.includes(type)).length;
    return {
      dimension: 'gate',
      key: type,
      value: ratio(n, candidates.length),
      numerator: n,
      denominator: candidates.length,
    };
  });
  return {
    unit: 'ratio',
    value: ratio(passed.length, candidates.length),
    numerator: passed.length,
    denominator: candidates.length,
    itemKind: 'release',
    items: candidates.map(r => ({
      kind: 'release',
      id: String(r.id),
      entityRef: r.entityRef,
      label: `${r.version} (${r.environment})`,
      inNumerator: r.firstPass,
      note: gateNote(r.firstPass, r.failedFirst),
    })),
    segments: [
      ...ratioSegments(
        'team',
        candidates,
        r => ctx.entities.get(r.entityRef)?.team,
        r => r.firstPass,
      ),
      ...ratioSegments(
        'environment',
        candidates,
        r => r.environment,
        r => r.firstPass,
      ),
      ...byGate,
    ],
  };
}
