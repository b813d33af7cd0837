import { MetricComputation, MetricContext, ratio } from '../MetricContext';

/** reopen_rate: reopen events in the window / fix events in the window. */
export function reopenRate(ctx: MetricContext): MetricComputation {
  const reopens = ctx.reopens;
  const fixes = ctx.fixes;
  return {
    unit: 'ratio',
    value: ratio(reopens.length, fixes.length),
    numerator: reopens.length,
    denominator: fixes.length,
    itemKind: 'finding',
    items: reopens
      .sort((a, b) => a.at - b.at || a.findingId - b.findingId)
      .map(r => ({
        kind: 'finding',
        id: String(r.findingId),
        entityRef: r.entityRef,
        label: `reopened ${new Date(r.at).toISOString().slice(0, 10)}`,
        inNumerator: true,
      })),
    segments: [],
  };
}
