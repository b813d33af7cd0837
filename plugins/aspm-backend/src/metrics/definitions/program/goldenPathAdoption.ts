import {
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  tierKey,
} from '../../MetricContext';

/**
 * golden_path_adoption: Components on an approved golden path at asOf /
 * Components (the rule: aspm.goldenPath in app-config).
 */
export function goldenPathAdoption(ctx: MetricContext): MetricComputation {
  const components = [...ctx.entities.values()].filter(
    e => e.kind === 'component',
  );
  const on = components.filter(e => e.goldenPath);
  return {
    unit: 'ratio',
    value: ratio(on.length, components.length),
    numerator: on.length,
    denominator: components.length,
    itemKind: 'entity',
    items: components.map(e => ({
      kind: 'entity',
      id: e.entityRef,
      entityRef: e.entityRef,
      label: e.title ?? e.entityRef,
      inNumerator: Boolean(e.goldenPath),
      note: e.goldenPath ? 'on a golden path' : 'not on a golden path',
    })),
    segments: [
      ...ratioSegments(
        'tier',
        components,
        e => tierKey(e),
        e => Boolean(e.goldenPath),
      ),
      ...ratioSegments(
        'businessUnit',
        components,
        e => e.businessUnit,
        e => Boolean(e.goldenPath),
      ),
      ...ratioSegments(
        'team',
        components,
        e => e.team,
        e => Boolean(e.goldenPath),
      ),
    ],
  };
}
