import { CountingChange, MetricId } from '@aspm/plugin-aspm-common';
import { BasisChange } from './countingChanges';
import { METRIC_DEFINITIONS } from './definitions';
import { round } from './MetricContext';
import { MetricsWorld } from './MetricsWorld';
import { MetricSettings, scopeContext } from './scopeContext';

/**
 * Each change's effect on one metric at one date: the metric counted the
 * earlier way on the later world, and the difference it makes.
 */
export function countingChangeEffects(
  id: MetricId,
  changes: BasisChange[],
  world: MetricsWorld,
  settings: MetricSettings,
  scope: string | undefined,
): CountingChange[] {
  const def = METRIC_DEFINITIONS[id];
  const value = def.compute(scopeContext(world, scope, settings)).value;
  return changes.map(change => {
    const reverted = change.revert(world, settings);
    const old = def.compute(
      scopeContext(reverted.world, scope, reverted.settings),
    );
    const before = old.value;
    return {
      kind: change.kind,
      description: change.description,
      valueWithoutChange: before,
      numeratorWithoutChange: old.numerator,
      denominatorWithoutChange: old.denominator,
      effect: value !== null && before !== null ? round(value - before) : null,
    };
  });
}
