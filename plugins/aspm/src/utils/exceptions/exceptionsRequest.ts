import { ListExceptionsRequest } from '../../api';
import { ExceptionsFilter } from './exceptionsFilterReducer';

/**
 * The API query of an exceptions filter, optionally for one entity; empty
 * lists and unset options are left out.
 */
export function exceptionsRequest(
  filter: ExceptionsFilter,
  entityRef?: string,
): ListExceptionsRequest {
  const request: ListExceptionsRequest = {
    orderBy: filter.orderBy,
    order: filter.order,
    limit: filter.pageSize,
    offset: filter.page * filter.pageSize,
  };
  if (entityRef) request.entityRef = [entityRef];
  const lists = [
    'status',
    'category',
    'source',
    'businessUnit',
    'team',
    'tier',
  ] as const;
  for (const key of lists) {
    if (filter[key].length) (request as any)[key] = filter[key];
  }
  if (filter.expiringWithinDays !== undefined) {
    request.expiringWithinDays = filter.expiringWithinDays;
  }
  if (filter.minAgeDays !== undefined) request.minAgeDays = filter.minAgeDays;
  if (filter.noReviewDate) request.noReviewDate = true;
  if (filter.noCompensatingControl) request.noCompensatingControl = true;
  return request;
}
