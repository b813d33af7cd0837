/** One page of a list of ids (zero-based page). */
export function idsPage<T>(ids: T[], page: number, pageSize: number): T[] {
  return ids.slice(page * pageSize, (page + 1) * pageSize);
}

/** Items in the order of `ids` (the server answers in its own order). */
export function orderByIds<T extends { id: number }>(
  items: T[],
  ids: number[],
): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  return [...items].sort(
    (a, b) =>
      (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) -
      (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER),
  );
}
