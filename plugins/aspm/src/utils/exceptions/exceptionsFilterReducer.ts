import {
  ExceptionSource,
  ExceptionStatus,
  Tier,
} from '@aspm/plugin-aspm-common';
import { ExceptionsOrderBy } from '../../api';

/** What an exceptions table shows: filters, sort and page. */
export interface ExceptionsFilter {
  status: ExceptionStatus[];
  category: string[];
  source: ExceptionSource[];
  businessUnit: string[];
  team: string[];
  tier: Array<Tier | 'untiered'>;
  /** Approved and expiring within this many days. */
  expiringWithinDays?: number;
  /** Requested at least this many days ago. */
  minAgeDays?: 30 | 90 | 180;
  noReviewDate: boolean;
  noCompensatingControl: boolean;
  orderBy: ExceptionsOrderBy;
  order: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
  pageSize: number;
}

/** The filter fields (not sort or page). */
export type ExceptionsFilterFields = Omit<
  ExceptionsFilter,
  'orderBy' | 'order' | 'page' | 'pageSize'
>;

/** Changes of an exceptions filter. */
export type ExceptionsFilterAction =
  | { type: 'set'; patch: Partial<ExceptionsFilterFields> }
  | { type: 'sort'; orderBy: ExceptionsOrderBy; order: 'asc' | 'desc' }
  | { type: 'page'; page: number }
  | { type: 'pageSize'; pageSize: number }
  | { type: 'reset'; filter: ExceptionsFilter };

/**
 * Applies a change: any change but paging goes back to the first page; a
 * reset restores the given filter.
 */
export function exceptionsFilterReducer(
  filter: ExceptionsFilter,
  action: ExceptionsFilterAction,
): ExceptionsFilter {
  switch (action.type) {
    case 'set':
      return { ...filter, ...action.patch, page: 0 };
    case 'sort':
      return {
        ...filter,
        orderBy: action.orderBy,
        order: action.order,
        page: 0,
      };
    case 'page':
      return { ...filter, page: Math.max(0, action.page) };
    case 'pageSize':
      return { ...filter, pageSize: action.pageSize, page: 0 };
    case 'reset':
      return action.filter;
    default:
      return filter;
  }
}
