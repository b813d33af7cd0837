import { ExceptionsOrderBy } from '../../api';

/**
 * The sort after a click on a column header: the same column flips its
 * order; another column starts descending for dates (newest or latest
 * first) and ascending otherwise.
 */
export function nextExceptionsSort(
  current: { orderBy: ExceptionsOrderBy; order: 'asc' | 'desc' },
  column: ExceptionsOrderBy,
): { orderBy: ExceptionsOrderBy; order: 'asc' | 'desc' } {
  if (current.orderBy === column) {
    return { orderBy: column, order: current.order === 'asc' ? 'desc' : 'asc' };
  }
  const isDate = column === 'requestedAt' || column === 'expiresAt';
  return { orderBy: column, order: isDate ? 'desc' : 'asc' };
}
