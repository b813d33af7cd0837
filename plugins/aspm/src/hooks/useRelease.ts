import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aspmApiRef } from '../api';

/** One release candidate with its gates, evidence and checklist. */
export function useRelease(id: number) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(() => api.getRelease(id), [api, id]);
}
