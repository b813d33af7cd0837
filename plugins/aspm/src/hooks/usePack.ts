import { PackAudience } from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { GetPackRequest, aspmApiRef } from '../api';

/** A director pack: one request for every section. */
export function usePack(audience: PackAudience, request: GetPackRequest) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.getPack(audience, request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, audience, key],
  );
}
