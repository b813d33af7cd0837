import { ListReleasesRequest } from '../../api';

/** Columns a releases table sorts by on the server. */
export type ReleasesOrderBy = 'releasedAt' | 'version';

/** Sort and page of a releases table. */
export interface ReleasesPaging {
  orderBy: ReleasesOrderBy;
  order: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
  pageSize: number;
}

/** The page sizes offered. */
export const RELEASE_PAGE_SIZES = [5, 10, 25, 50];

/** Newest first, 5 a page. */
export const DEFAULT_RELEASES_PAGING: ReleasesPaging = {
  orderBy: 'releasedAt',
  order: 'desc',
  page: 0,
  pageSize: 5,
};

/** The API query of one page of an entity's releases. */
export function releasesPageRequest(
  entityRef: string,
  paging: ReleasesPaging,
): ListReleasesRequest {
  return {
    entityRef: [entityRef],
    orderBy: paging.orderBy,
    order: paging.order,
    limit: paging.pageSize,
    offset: paging.page * paging.pageSize,
  };
}

/**
 * The paging after a click on a column header: the same column flips its
 * order; another starts newest first for the date, ascending otherwise.
 * Either goes back to the first page.
 */
export function nextReleasesSort(
  paging: ReleasesPaging,
  column: ReleasesOrderBy,
): ReleasesPaging {
  if (paging.orderBy === column) {
    return {
      ...paging,
      order: paging.order === 'asc' ? 'desc' : 'asc',
      page: 0,
    };
  }
  return {
    ...paging,
    orderBy: column,
    order: column === 'releasedAt' ? 'desc' : 'asc',
    page: 0,
  };
}
