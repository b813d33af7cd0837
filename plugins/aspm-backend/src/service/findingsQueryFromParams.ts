import { FindingsQueryParams } from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { FindingsQuery } from '../database/FindingsStore';

/**
 * Turns the API's finding filters into a store query; filters on the entity
 * (team, business unit, tier) become a list of entity refs. Undefined when
 * the entity filters match nothing.
 */
export async function findingsQueryFromParams(
  store: AspmStore,
  params: FindingsQueryParams,
): Promise<FindingsQuery | undefined> {
  let entityRefs = params.entityRef?.map(r => r.toLocaleLowerCase('en-US'));
  if (
    params.team?.length ||
    params.businessUnit?.length ||
    params.tier?.length
  ) {
    const entities = await store.listEntities({
      team: params.team,
      businessUnit: params.businessUnit,
      tier: params.tier,
      orderBy: 'entityRef',
      order: 'asc',
      limit: 100_000,
      offset: 0,
    });
    const refs = entities.items.map(e => e.entityRef);
    entityRefs = entityRefs ? entityRefs.filter(r => refs.includes(r)) : refs;
    if (!entityRefs.length) return undefined;
  }
  return {
    entityRefs,
    severity: params.severity,
    state: params.state,
    category: params.category,
    tool: params.tool,
    minAgeDays: params.minAgeDays,
    orderBy: params.orderBy,
    order: params.order,
    limit: params.limit,
    offset: params.offset,
  };
}
