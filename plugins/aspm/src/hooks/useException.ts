import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aspmApiRef } from '../api';

/** One exception with its audit trail and covered findings. */
export function useException(id: number) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(() => api.getException(id), [api, id]);
}
