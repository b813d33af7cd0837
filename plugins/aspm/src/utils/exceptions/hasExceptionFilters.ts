import { DEFAULT_EXCEPTIONS_FILTER } from './defaultExceptionsFilter';
import { ExceptionsFilter } from './exceptionsFilterReducer';

const FIELDS = [
  'status',
  'category',
  'source',
  'businessUnit',
  'team',
  'tier',
  'expiringWithinDays',
  'minAgeDays',
  'noReviewDate',
  'noCompensatingControl',
] as const;

/** Whether any filter field differs from the default (sort and page aside). */
export function hasExceptionFilters(filter: ExceptionsFilter): boolean {
  return FIELDS.some(
    key =>
      JSON.stringify(filter[key]) !==
      JSON.stringify(DEFAULT_EXCEPTIONS_FILTER[key]),
  );
}
