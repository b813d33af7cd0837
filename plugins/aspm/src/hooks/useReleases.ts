import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ListReleasesRequest, aspmApiRef } from '../api';

/**
 * One page of release candidates, newest first unless asked otherwise;
 * keeps the previous page while the next loads.
 */
export function useReleases(request: ListReleasesRequest) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.listReleases(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}
