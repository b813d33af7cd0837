import {
  CountingChange,
  DIRECTOR_METRIC_IDS,
  METRIC_IDS,
  PROGRAM_METRIC_IDS,
} from '@aspm/plugin-aspm-common';
import {
  basisHash,
  countingBasis,
  CountingBasis,
} from '../../metrics/countingBasis';
import { countingChangeEffects } from '../../metrics/countingChangeEffects';
import { countingChanges } from '../../metrics/countingChanges';
import { MetricsWorld } from '../../metrics/MetricsWorld';
import { MetricSettings, scopeContext } from '../../metrics/scopeContext';
import { FACTS_VERSION, ScopeTrendFacts, TrendFacts } from '../PeriodFacts';
import { MetricValueOf } from './MetricValueOf';
import { backlogBySource } from './backlogParts';
import { businessUnitScope, worldBusinessUnits } from './packScopes';

const iso = (t: number) => new Date(t).toISOString();

/**
 * The director metrics of the org and of each business unit over one period
 * (`world`: read at the period's end, its window the period), against the
 * previous period (`previous`), with the counting changes between the two
 * periods' bases and what each did to each metric.
 */
export function trendFacts(input: {
  period: string;
  world: MetricsWorld;
  previous: MetricsWorld;
  settings: MetricSettings;
  valueOf: MetricValueOf;
}): TrendFacts {
  const { world, previous, settings, valueOf } = input;
  const scopes: Record<string, ScopeTrendFacts> = {};
  const targets = [
    { scope: 'org', title: 'Organisation' },
    ...worldBusinessUnits(world).map(bu => ({
      scope: businessUnitScope(bu.ref),
      title: bu.title,
    })),
  ];
  let bases: { prev: CountingBasis; next: CountingBasis } | undefined;
  const prevBasis = countingBasis(previous, settings);
  const nextBasis = countingBasis(world, settings);
  // Against a period the history does not reach, everything "changed": no markers.
  const hadCatalog = previous.entities.some(e => e.kind !== 'group');
  if (hadCatalog && basisHash(prevBasis) !== basisHash(nextBasis)) {
    bases = { prev: prevBasis, next: nextBasis };
  }
  for (const { scope, title } of targets) {
    const ctx = scopeContext(world, scope, settings);
    const prev = scopeContext(previous, scope, settings);
    const metrics = DIRECTOR_METRIC_IDS.map(id => valueOf(id, ctx, prev));
    const programMetrics = PROGRAM_METRIC_IDS.map(id => valueOf(id, ctx, prev));
    const changes: Record<string, CountingChange[]> = {};
    const basisChanges = bases
      ? countingChanges(bases.prev, bases.next, scope)
      : [];
    if (basisChanges.length) {
      for (const id of METRIC_IDS) {
        const effects = countingChangeEffects(
          id,
          basisChanges,
          world,
          settings,
          scope,
        ).filter(c => typeof c.effect === 'number' && c.effect !== 0);
        if (effects.length) changes[id] = effects;
      }
    }
    scopes[scope] = {
      title,
      metrics,
      programMetrics,
      countingChanges: changes,
      backlogBySource: backlogBySource(ctx),
    };
  }
  return {
    version: FACTS_VERSION,
    period: input.period,
    asOf: iso(world.asOf),
    from: iso(world.from),
    to: iso(world.to),
    hasCatalog: world.entities.some(e => e.kind !== 'group'),
    scopes,
  };
}
