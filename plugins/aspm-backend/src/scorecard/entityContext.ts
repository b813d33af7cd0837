import { MetricContext } from '../metrics/MetricContext';
import { WorldEntity } from '../metrics/MetricsWorld';
import { entityRecords } from '../metrics/worldIndex';

/**
 * One entity's slice of a scope's context (its records only), without
 * resolving a scope again: what a metric definition reads to answer for a
 * single row of a team's table.
 */
export function entityContext(
  ctx: MetricContext,
  entity: WorldEntity,
): MetricContext {
  return {
    ...ctx,
    scope: entity.entityRef,
    entities: new Map([[entity.entityRef, entity]]),
    ...entityRecords(ctx.world, entity.entityRef),
  };
}
