import {
  AspmEntity,
  isOwned,
  OWNER_RESOLUTIONS,
  OwnerResolution,
  OwnershipOffender,
  OwnershipReport,
  OwnershipSegment,
  Ratio,
  TIERS,
} from '@aspm/plugin-aspm-common';

/** Inputs of the ownership computation that do not come from the entities. */
export interface OwnershipOptions {
  asOf: Date;
  kinds: string[];
  groupBy?: OwnershipReport['groupBy'];
  /** Target ratio per tier ("1", "2", "3"); tiers without one have no target. */
  tierTargets: Partial<Record<string, number>>;
  offendersLimit: number;
  /** Display names of Groups, by ref. */
  groupTitles: ReadonlyMap<string, string>;
}

export function ratioOf(numerator: number, denominator: number): Ratio {
  return {
    numerator,
    denominator,
    ratio: denominator === 0 ? undefined : numerator / denominator,
  };
}

function segmentBy(
  entities: AspmEntity[],
  keyOf: (e: AspmEntity) => string | undefined,
  labelOf: (key: string | undefined) => string,
  targetOf: (key: string | undefined) => number | undefined,
): OwnershipSegment[] {
  const buckets = new Map<
    string | undefined,
    { owned: number; total: number }
  >();
  for (const e of entities) {
    const key = keyOf(e);
    const b = buckets.get(key) ?? { owned: 0, total: 0 };
    b.total += 1;
    if (isOwned(e.ownerResolution)) b.owned += 1;
    buckets.set(key, b);
  }
  return [...buckets.entries()]
    .map(([key, b]) => {
      const target = targetOf(key);
      const r = ratioOf(b.owned, b.total);
      return {
        key,
        label: labelOf(key),
        ...r,
        target,
        meetsTarget:
          target === undefined || r.ratio === undefined
            ? undefined
            : r.ratio >= target,
      };
    })
    .sort((a, b) => {
      // "None" buckets last; otherwise worst ratio first, then by label.
      if ((a.key === undefined) !== (b.key === undefined)) {
        return a.key === undefined ? 1 : -1;
      }
      const d = (a.ratio ?? 1) - (b.ratio ?? 1);
      return d !== 0 ? d : a.label.localeCompare(b.label);
    });
}

/**
 * Ownership completeness (director metric 8): owned objects / objects, where
 * owned means the owner resolves to an existing Group, or to a User who is a
 * member of an existing Group. Pure: takes the entities as of the report date.
 */
export function computeOwnershipCompleteness(
  entities: AspmEntity[],
  options: OwnershipOptions,
): Omit<OwnershipReport, 'lastSync'> {
  const kinds = options.kinds.map(k => k.toLocaleLowerCase('en-US'));
  const objects = entities.filter(e => kinds.includes(e.kind) && !e.goneAt);
  const owned = objects.filter(e => isOwned(e.ownerResolution)).length;
  const groupLabel = (none: string) => (key: string | undefined) =>
    key === undefined ? none : options.groupTitles.get(key) ?? key;
  const tierLabel = (key: string | undefined) =>
    key === undefined ? 'Untiered' : `Tier ${key}`;
  const tierTarget = (key: string | undefined) =>
    key === undefined ? undefined : options.tierTargets[key];

  const byTier = segmentBy(objects, e => e.tier, tierLabel, tierTarget).sort(
    (a, b) =>
      (a.key === undefined ? 9 : TIERS.indexOf(a.key as '1')) -
      (b.key === undefined ? 9 : TIERS.indexOf(b.key as '1')),
  );

  let segments: OwnershipSegment[] = [];
  if (options.groupBy === 'businessUnit') {
    segments = segmentBy(
      objects,
      e => e.businessUnit,
      groupLabel('No business unit'),
      () => undefined,
    );
  } else if (options.groupBy === 'team') {
    segments = segmentBy(
      objects,
      e => e.owningTeam,
      groupLabel('No team'),
      () => undefined,
    );
  } else if (options.groupBy === 'tier') {
    segments = byTier;
  }

  const byResolution = Object.fromEntries(
    OWNER_RESOLUTIONS.map(r => [r, 0]),
  ) as Record<OwnerResolution, number>;
  for (const e of objects) byResolution[e.ownerResolution] += 1;

  const tierRank = (t?: string) => (t ? Number(t) : 4);
  const offenders: OwnershipOffender[] = objects
    .filter(e => !isOwned(e.ownerResolution))
    .sort(
      (a, b) =>
        tierRank(a.tier) - tierRank(b.tier) ||
        a.entityRef.localeCompare(b.entityRef),
    )
    .map(e => ({
      entityRef: e.entityRef,
      kind: e.kind,
      title: e.title,
      ownerRef: e.ownerRef,
      ownerResolution: e.ownerResolution,
      reason: e.ownerResolutionReason,
      tier: e.tier,
      businessUnit: e.businessUnit,
      owningTeam: e.owningTeam,
    }));

  return {
    metric: 'ownership_completeness',
    asOf: options.asOf.toISOString(),
    kinds,
    org: ratioOf(owned, objects.length),
    groupBy: options.groupBy,
    segments,
    byTier,
    byResolution,
    offenders: offenders.slice(0, options.offendersLimit),
    offendersTotal: offenders.length,
  };
}
