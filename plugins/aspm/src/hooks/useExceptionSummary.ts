import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { GetExceptionSummaryRequest, aspmApiRef } from '../api';

/** Exceptions per business unit and category; a new `revision` reloads it. */
export function useExceptionSummary(
  request: GetExceptionSummaryRequest,
  revision = 0,
) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.getExceptionSummary(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, revision],
  );
}
