import {
  MetricComputation,
  MetricContext,
  ratio,
  ratioSegments,
  tierKey,
} from '../MetricContext';

/**
 * ownership_completeness: owned objects / objects (the kinds of
 * `aspm.ownership.kinds`), plus the share of open critical findings whose
 * entity is owned.
 */
export function ownershipCompleteness(ctx: MetricContext): MetricComputation {
  const kinds = new Set(ctx.ownershipKinds);
  const objects = [...ctx.entities.values()]
    .filter(e => kinds.has(e.kind))
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const owned = objects.filter(e => e.owned);
  const critical = ctx.findings.filter(
    f => f.state === 'open' && f.severity === 'critical',
  );
  const ownedCritical = critical.filter(
    f => ctx.entities.get(f.entityRef)?.owned,
  );
  return {
    unit: 'ratio',
    value: ratio(owned.length, objects.length),
    numerator: owned.length,
    denominator: objects.length,
    details: {
      openCriticalFindings: critical.length,
      openCriticalOnOwnedEntities: ownedCritical.length,
      openCriticalOwnedShare: ratio(ownedCritical.length, critical.length),
    },
    itemKind: 'entity',
    items: objects.map(e => ({
      kind: 'entity',
      id: e.entityRef,
      entityRef: e.entityRef,
      label: e.title ?? e.entityRef,
      inNumerator: e.owned,
      note: e.owned ? `owned by ${e.team ?? 'a team'}` : 'no resolvable owner',
    })),
    segments: [
      ...ratioSegments(
        'tier',
        objects,
        e => tierKey(e),
        e => e.owned,
      ),
      ...ratioSegments(
        'businessUnit',
        objects,
        e => e.businessUnit,
        e => e.owned,
      ),
    ],
  };
}
