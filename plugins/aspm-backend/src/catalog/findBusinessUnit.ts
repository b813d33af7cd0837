/** What the business-unit walk needs to know about a Group. */
export interface GroupNode {
  parentRef?: string;
  type?: string;
}

/**
 * Walks up the group tree from `startRef` (inclusive) and returns the first
 * Group whose `spec.type` is one of `unitTypes`. Stops, without throwing, at a
 * missing parent or a cycle, returning undefined when no unit was found.
 */
export function findBusinessUnit(
  startRef: string | undefined,
  groups: ReadonlyMap<string, GroupNode>,
  unitTypes: readonly string[],
): string | undefined {
  const wanted = new Set(unitTypes.map(t => t.toLocaleLowerCase('en-US')));
  const visited = new Set<string>();
  let current = startRef;
  while (current && !visited.has(current)) {
    visited.add(current);
    const node = groups.get(current);
    if (!node) return undefined;
    if (node.type && wanted.has(node.type.toLocaleLowerCase('en-US'))) {
      return current;
    }
    current = node.parentRef;
  }
  return undefined;
}
