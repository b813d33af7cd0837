import { SEVERITIES, Severity } from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ListFindingsRequest, aspmApiRef } from '../api';

/**
 * One page of findings; keeps the previous page while the next loads. A new
 * `revision` reloads it (e.g. after an exception changed).
 */
export function useFindings(request: ListFindingsRequest, revision = 0) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.listFindings(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, revision],
  );
}

/** Open findings of an entity by severity, and its findings in any state. */
export interface FindingCounts {
  open: Record<Severity, number>;
  openTotal: number;
  /** Findings in any state (open, fixed, false positive, accepted). */
  total: number;
}

/**
 * Counts the findings of an entity with `limit=1` queries; a new `revision`
 * counts again.
 */
export function useFindingCounts(entityRef: string, revision = 0) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(async (): Promise<FindingCounts> => {
    const count = (request: ListFindingsRequest) =>
      api
        .listFindings({ entityRef: [entityRef], limit: 1, ...request })
        .then(page => page.totalCount);
    const [total, ...bySeverity] = await Promise.all([
      count({}),
      ...SEVERITIES.map(severity =>
        count({ state: ['open'], severity: [severity] }),
      ),
    ]);
    const open = Object.fromEntries(
      SEVERITIES.map((severity, i) => [severity, bySeverity[i]]),
    ) as Record<Severity, number>;
    return {
      open,
      openTotal: bySeverity.reduce((sum, n) => sum + n, 0),
      total,
    };
  }, [api, entityRef, revision]);
}

/** One finding with its events. */
export function useFinding(id: number) {
  const api = useApi(aspmApiRef);
  return useAsync(() => api.getFinding(id), [api, id]);
}

/** The latest ingestions of an entity, newest first. */
export function useIngestions(entityRef: string, limit: number) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(
    () => api.listIngestions({ entityRef, limit }),
    [api, entityRef, limit],
  );
}
