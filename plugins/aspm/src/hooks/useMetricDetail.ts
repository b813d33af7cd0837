import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aspmApiRef } from '../api';

/** One metric of a scope with the items behind its number (up to 1000). */
export function useMetricDetail(id: string, scope: string) {
  const api = useApi(aspmApiRef);
  return useAsync(
    () => api.getMetricDetail(id, { scope, limit: 1000 }),
    [api, id, scope],
  );
}
