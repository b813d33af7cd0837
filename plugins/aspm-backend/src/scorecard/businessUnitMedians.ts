import { METRIC_IDS, MetricId } from '@aspm/plugin-aspm-common';
import { METRIC_DEFINITIONS } from '../metrics/definitions';
import { median, round } from '../metrics/MetricContext';
import { MetricsWorld } from '../metrics/MetricsWorld';
import { MetricSettings, scopeContext } from '../metrics/scopeContext';

/** The medians of a business unit's teams, per metric. */
export interface BusinessUnitMedians {
  groupRef: string;
  /** The teams owning the unit's entities, sorted. */
  teams: string[];
  medians: Record<MetricId, { median: number | null; teams: number }>;
}

/**
 * The median of each director metric over a business unit's teams: the
 * teams owning an entity of the unit at the world's asOf, each as a team
 * scope (with its sub-teams, as `scope=<group>` counts it), over the same
 * world as the team's own numbers. Teams without a value (nothing to
 * measure) are left out of that metric's median. Undefined without a unit.
 */
export function businessUnitMedians(
  world: MetricsWorld,
  businessUnit: string | undefined,
  settings: MetricSettings,
): BusinessUnitMedians | undefined {
  if (!businessUnit) return undefined;
  const teams = new Set<string>();
  for (const e of world.entities) {
    if (e.kind !== 'group' && e.businessUnit === businessUnit && e.team) {
      teams.add(e.team);
    }
  }
  const sorted = [...teams].sort();
  const values = new Map<MetricId, number[]>(METRIC_IDS.map(id => [id, []]));
  for (const team of sorted) {
    const teamCtx = scopeContext(world, team, settings);
    for (const id of METRIC_IDS) {
      const { value } = METRIC_DEFINITIONS[id].compute(teamCtx);
      if (value !== null) values.get(id)!.push(value);
    }
  }
  const medians = Object.fromEntries(
    METRIC_IDS.map(id => {
      const list = values.get(id)!;
      const m = median(list);
      return [id, { median: m === null ? null : round(m), teams: list.length }];
    }),
  ) as BusinessUnitMedians['medians'];
  return { groupRef: businessUnit, teams: sorted, medians };
}
