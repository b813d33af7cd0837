import { ExceptionsQueryParams } from '@aspm/plugin-aspm-common';
import { AspmStore } from '../database/AspmStore';
import { ExceptionsStore } from '../database/ExceptionsStore';
import {
  ExceptionCaller,
  ExceptionService,
} from '../exceptions/ExceptionService';
import { entityRefsForFilters } from './entityRefsForFilters';

/**
 * A page of the exception register for validated query params, each item
 * with what the caller may do with it (GET /exceptions and the
 * list-exceptions action).
 */
export async function listExceptionsPage(
  deps: {
    store: AspmStore;
    exceptions: ExceptionService;
    exceptionsStore: ExceptionsStore;
  },
  params: ExceptionsQueryParams,
  caller: ExceptionCaller,
) {
  const entityRefs = await entityRefsForFilters(deps.store, params);
  if (entityRefs && !entityRefs.length) {
    return {
      items: [],
      totalCount: 0,
      limit: params.limit,
      offset: params.offset,
    };
  }
  const page = await deps.exceptionsStore.list({
    entityRefs,
    ids: params.id,
    status: params.status,
    category: params.category,
    source: params.source,
    minAgeDays: params.minAgeDays,
    noReviewDate: params.noReviewDate,
    noCompensatingControl: params.noCompensatingControl,
    expiringWithinDays: params.expiringWithinDays,
    orderBy: params.orderBy,
    order: params.order,
    limit: params.limit,
    offset: params.offset,
    now: new Date(),
  });
  return {
    ...page,
    items: page.items.map(e => ({
      ...e,
      allowedActions: deps.exceptions.allowedActions(e, caller),
    })),
  };
}
