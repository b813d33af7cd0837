import { AspmEntityRecord } from '../catalog/types';

/** A catalog component as the store keeps it, owned by a Group. */
export function componentRecord(
  name: string,
  patch: Partial<AspmEntityRecord> = {},
): AspmEntityRecord {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    ownerResolution: 'group',
    ownerResolutionReason: 'owned by a Group',
    annotationProblems: [],
    ...patch,
  };
}
