import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { GetGateTrendRequest, aspmApiRef } from '../api';

/** Weekly first-pass / passed after re-run / blocked counts. */
export function useGateTrend(request: GetGateTrendRequest) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.getGateTrend(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
}
