import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aspmApiRef } from '../api';

/** Loads one entity from the ASPM store. */
export function useAspmEntity(entityRef: string) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(() => api.getEntity(entityRef), [api, entityRef]);
}
