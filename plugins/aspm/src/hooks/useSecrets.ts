import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ListSecretsRequest, aspmApiRef } from '../api';

/**
 * One page of leaked secrets with their rotation deadline, most urgent
 * first. A new `revision` reloads it (after a rotation was recorded).
 */
export function useSecrets(request: ListSecretsRequest, revision = 0) {
  const api = useApi(aspmApiRef);
  const key = JSON.stringify(request);
  return useAsyncRetry(
    () => api.listSecrets(request),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, revision],
  );
}
