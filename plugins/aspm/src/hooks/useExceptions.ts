import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ListExceptionsRequest, aspmApiRef } from '../api';

/**
 * One page of exceptions; keeps the previous page while the next loads.
 * A new `revision` reloads it (after a decision).
 */
export function useExceptions(request: ListExceptionsRequest, revision = 0) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.listExceptions(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, revision],
  );
}
