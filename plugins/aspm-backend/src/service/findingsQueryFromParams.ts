import { FindingsQueryParams } from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { FindingsQuery } from '../database/FindingsStore';
import { entityRefsForFilters } from './entityRefsForFilters';

/**
 * Turns the API's finding filters into a store query; filters on the entity
 * (team, business unit, tier) become a list of entity refs. Undefined when
 * the entity filters match nothing.
 */
export async function findingsQueryFromParams(
  store: AspmStore,
  params: FindingsQueryParams,
): Promise<FindingsQuery | undefined> {
  const entityRefs = await entityRefsForFilters(store, params);
  if (entityRefs && !entityRefs.length) return undefined;
  return {
    entityRefs,
    ids: params.id,
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
