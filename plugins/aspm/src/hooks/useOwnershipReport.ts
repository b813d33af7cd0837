import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { GetOwnershipRequest, aspmApiRef } from '../api';

/** Loads the ownership report; `retry` reloads it. */
export function useOwnershipReport(request: GetOwnershipRequest) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(() => api.getOwnership(request), [api, key]);
}
