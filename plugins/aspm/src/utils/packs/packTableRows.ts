import { PackRow } from '@aspm/plugin-aspm-common';

/** A pack table row flattened for a tree table: its path id and parent's. */
export type FlatPackRow = PackRow & {
  /** Unique in the table: the ids of its ancestors and its own, joined. */
  key: string;
  parentKey?: string;
  depth: number;
};

/** The rows of a drill-down tree, parents before their children. */
export function flattenPackRows(
  rows: PackRow[],
  parent?: FlatPackRow,
): FlatPackRow[] {
  return rows.flatMap(row => {
    const key = parent ? `${parent.key}>${row.id}` : row.id;
    const flat: FlatPackRow = {
      ...row,
      key,
      depth: parent ? parent.depth + 1 : 0,
      ...(parent ? { parentKey: parent.key } : {}),
    };
    return [flat, ...flattenPackRows(row.children ?? [], flat)];
  });
}
