import { MetricsWorld } from './MetricsWorld';
import { resolveScope } from './resolveScope';

/**
 * The scopes a day's snapshot covers: the org, every business unit, every
 * team (Group, with its sub-teams) and every other entity in the catalog
 * that day, in canonical form.
 */
export function snapshotScopes(world: MetricsWorld): string[] {
  const scopes = new Set<string>(['org']);
  const units = new Set<string>();
  for (const e of world.entities) if (e.businessUnit) units.add(e.businessUnit);
  for (const bu of [...units].sort()) {
    scopes.add(resolveScope(`businessUnit:${bu}`, []).scope);
  }
  const refs = world.entities.map(e => e.entityRef).sort();
  for (const ref of refs) scopes.add(resolveScope(ref, []).scope);
  return [...scopes];
}
