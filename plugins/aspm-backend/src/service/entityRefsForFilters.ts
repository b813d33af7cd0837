import { AspmStore } from '../database/AspmStore';

/**
 * Turns the API's entity filters (refs, team, business unit, tier) into the
 * list of entity refs a query should cover: undefined for "no entity filter",
 * an empty list when the filters match nothing.
 */
export async function entityRefsForFilters(
  store: AspmStore,
  filters: {
    entityRef?: string[];
    team?: string[];
    businessUnit?: string[];
    tier?: Array<'1' | '2' | '3' | 'untiered'>;
  },
): Promise<string[] | undefined> {
  const refs = filters.entityRef?.map(r => r.toLocaleLowerCase('en-US'));
  if (
    !filters.team?.length &&
    !filters.businessUnit?.length &&
    !filters.tier?.length
  ) {
    return refs;
  }
  const entities = await store.listEntities({
    team: filters.team,
    businessUnit: filters.businessUnit,
    tier: filters.tier,
    orderBy: 'entityRef',
    order: 'asc',
    limit: 100_000,
    offset: 0,
  });
  const matching = entities.items.map(e => e.entityRef);
  return refs ? refs.filter(r => matching.includes(r)) : matching;
}
