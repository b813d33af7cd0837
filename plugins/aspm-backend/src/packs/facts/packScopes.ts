import { MetricsWorld } from '../../metrics/MetricsWorld';

/** The business units of a world's entities, with their Group titles, by title. */
export function worldBusinessUnits(
  world: MetricsWorld,
): Array<{ ref: string; title: string }> {
  const titles = new Map(
    world.entities
      .filter(e => e.kind === 'group')
      .map(e => [e.entityRef, e.title ?? e.entityRef]),
  );
  const refs = new Set<string>();
  for (const e of world.entities) {
    if (e.kind !== 'group' && e.businessUnit) refs.add(e.businessUnit);
  }
  return [...refs]
    .map(ref => ({ ref, title: titles.get(ref) ?? shortName(ref) }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The pack scope of a business unit. */
export const businessUnitScope = (ref: string) => `businessUnit:${ref}`;

/** `payments-bu` of `group:default/payments-bu`. */
export function shortName(ref: string): string {
  return ref.replace(/^[^:]+:/, '').replace(/^default\//, '');
}
