import { ListFindingsRequest, ListReleasesRequest } from '../../api';

/**
 * What a number on a scorecard opens: the list behind it (findings or
 * exceptions by id, findings or releases by query, a metric's items, a
 * list of entities), or one item's details.
 */
export type Drilldown =
  | { kind: 'findings'; title: string; ids: number[] }
  | { kind: 'findingsQuery'; title: string; request: ListFindingsRequest }
  | { kind: 'exceptions'; title: string; ids: number[] }
  | { kind: 'releases'; title: string; request: ListReleasesRequest }
  | { kind: 'metric'; title: string; metricId: string; scope: string }
  | {
      kind: 'entities';
      title: string;
      entityRefs: string[];
      /** What they have in common, e.g. how to add the missing control. */
      note?: string;
    }
  | { kind: 'finding'; id: number }
  | { kind: 'exception'; id: number }
  | { kind: 'release'; id: number };

/** Whether a drilldown has anything behind it (an empty list opens nothing). */
export function hasItems(d: Drilldown): boolean {
  switch (d.kind) {
    case 'findings':
    case 'exceptions':
      return d.ids.length > 0;
    case 'entities':
      return d.entityRefs.length > 0;
    default:
      return true;
  }
}
