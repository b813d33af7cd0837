import {
  days,
  mean,
  meanSegments,
  MetricComputation,
  MetricContext,
  round,
  tierKey,
} from '../MetricContext';

/**
 * mttr: mean days from the start of an open spell to its fix, over fixes in
 * the window. The headline is critical; segments cover every severity.
 */
export function mttr(ctx: MetricContext): MetricComputation {
  const fixes = ctx.fixes.map(x => ({
    x,
    e: ctx.entities.get(x.entityRef)!,
    d: days(x.fixedAt - x.spellStart),
  }));
  const critical = fixes.filter(f => f.x.severity === 'critical');
  const m = mean(critical.map(f => f.d));
  const by = (
    dimension: string,
    keyOf: (f: (typeof fixes)[number]) => string | undefined,
  ) => meanSegments(dimension, fixes, keyOf, f => f.d);
  return {
    unit: 'days',
    value: m === null ? null : round(m, 1),
    numerator: round(
      critical.reduce((s, f) => s + f.d, 0),
      1,
    ),
    denominator: critical.length,
    details: { fixes: fixes.length },
    itemKind: 'finding',
    items: critical
      .sort((a, b) => b.d - a.d || a.x.findingId - b.x.findingId)
      .map(f => ({
        kind: 'finding',
        id: String(f.x.findingId),
        entityRef: f.x.entityRef,
        label: `fixed ${new Date(f.x.fixedAt).toISOString().slice(0, 10)}`,
        value: f.d,
        note: `open ${f.d} days before the fix`,
      })),
    segments: [
      ...by('severity x tier', f => `${f.x.severity} x ${tierKey(f.e)}`),
      ...by(
        'severity x exposure',
        f => `${f.x.severity} x ${f.e.exposure ?? 'unknown'}`,
      ),
      ...by('severity x category', f => `${f.x.severity} x ${f.x.category}`),
      ...by(
        'severity x team',
        f => `${f.x.severity} x ${f.e.team ?? '(none)'}`,
      ),
      ...by(
        'severity x businessUnit',
        f => `${f.x.severity} x ${f.e.businessUnit ?? '(none)'}`,
      ),
    ],
  };
}
