import {
  FindingCategory,
  FindingState,
  Severity,
} from '@aspm/plugin-aspm-common';
import { FindingsOrderBy, ListFindingsRequest } from '../api';
import { DEFAULT_FINDINGS_SORT } from './findings';

/** What the findings table of an entity shows. */
export interface FindingsFilter {
  severity: Severity[];
  state: FindingState[];
  category: FindingCategory[];
  tool: string[];
  orderBy: FindingsOrderBy;
  order: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
  pageSize: number;
}

export const FINDINGS_PAGE_SIZES = [10, 25, 50, 100];

/** Open findings, most severe first. */
export const DEFAULT_FINDINGS_FILTER: FindingsFilter = {
  severity: [],
  state: ['open'],
  category: [],
  tool: [],
  ...DEFAULT_FINDINGS_SORT,
  page: 0,
  pageSize: 10,
};

export type FindingsFilterAction =
  /** A click on the count of open findings of a severity. */
  | { type: 'severityCount'; severity: Severity }
  | { type: 'severity'; values: Severity[] }
  | { type: 'state'; values: FindingState[] }
  | { type: 'category'; values: FindingCategory[] }
  | { type: 'tool'; values: string[] }
  | { type: 'sort'; orderBy: FindingsOrderBy; order: 'asc' | 'desc' }
  | { type: 'page'; page: number }
  | { type: 'pageSize'; pageSize: number }
  | { type: 'reset' };

function sameValues<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every(v => b.includes(v));
}

/** Whether the table shows exactly the open findings of this severity. */
export function isSeverityCountSelected(
  filter: FindingsFilter,
  severity: Severity,
): boolean {
  return (
    sameValues(filter.state, ['open']) &&
    sameValues(filter.severity, [severity])
  );
}

/**
 * Changes of the filter. Any change but paging goes back to the first page;
 * a click on a severity count shows the open findings of that severity, or
 * all open findings when it was already selected.
 */
export function findingsFilterReducer(
  filter: FindingsFilter,
  action: FindingsFilterAction,
): FindingsFilter {
  switch (action.type) {
    case 'severityCount':
      return {
        ...filter,
        state: ['open'],
        severity: isSeverityCountSelected(filter, action.severity)
          ? []
          : [action.severity],
        page: 0,
      };
    case 'severity':
    case 'state':
    case 'category':
    case 'tool':
      return { ...filter, [action.type]: action.values, page: 0 };
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
      return DEFAULT_FINDINGS_FILTER;
    default:
      return filter;
  }
}

/** The API query of the filter for one entity. */
export function findingsRequest(
  entityRef: string,
  filter: FindingsFilter,
): ListFindingsRequest {
  const request: ListFindingsRequest = {
    entityRef: [entityRef],
    orderBy: filter.orderBy,
    order: filter.order,
    limit: filter.pageSize,
    offset: filter.page * filter.pageSize,
  };
  if (filter.severity.length) request.severity = filter.severity;
  if (filter.state.length) request.state = filter.state;
  if (filter.category.length) request.category = filter.category;
  if (filter.tool.length) request.tool = filter.tool;
  return request;
}

/** "trivy, semgrep " -> ["trivy", "semgrep"]. */
export function parseToolFilter(text: string): string[] {
  return Array.from(
    new Set(
      text
        .split(',')
        .map(s => s.trim())
        .filter(Boolean),
    ),
  );
}
