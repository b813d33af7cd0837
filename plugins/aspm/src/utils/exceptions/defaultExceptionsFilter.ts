import { ExceptionsFilter } from './exceptionsFilterReducer';

/** Every exception, newest request first, 10 a page. */
export const DEFAULT_EXCEPTIONS_FILTER: ExceptionsFilter = {
  status: [],
  category: [],
  source: [],
  businessUnit: [],
  team: [],
  tier: [],
  expiringWithinDays: undefined,
  minAgeDays: undefined,
  noReviewDate: false,
  noCompensatingControl: false,
  orderBy: 'requestedAt',
  order: 'desc',
  page: 0,
  pageSize: 10,
};
