import { MetricsConfig } from '../config/readMetricsConfig';
import { MetricContext } from './MetricContext';
import { MetricsWorld } from './MetricsWorld';
import { resolveScope } from './resolveScope';
import { scopedRecords } from './worldIndex';

/** What the metrics read besides the world. */
export interface MetricSettings {
  config: MetricsConfig;
  ownershipKinds: string[];
  rotationSlaDays: Record<string, number>;
}

/** The scope's slice of a world (InputError for a malformed scope). */
export function scopeContext(
  world: MetricsWorld,
  scope: string | undefined,
  settings: MetricSettings,
): MetricContext {
  const resolved = resolveScope(scope, world.entities);
  const entities = new Map(
    world.entities
      .filter(e => e.kind !== 'group' && resolved.includes(e))
      .map(e => [e.entityRef, e]),
  );
  return {
    scope: resolved.scope,
    world,
    config: settings.config,
    ownershipKinds: settings.ownershipKinds.map(k =>
      k.toLocaleLowerCase('en-US'),
    ),
    rotationSlaDays: settings.rotationSlaDays,
    entities,
    ...scopedRecords(world, entities.keys()),
  };
}
