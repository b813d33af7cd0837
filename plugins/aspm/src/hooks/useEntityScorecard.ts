import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aspmApiRef } from '../api';

/**
 * The Security tab's sections of an entity, in one request; a new
 * `revision` loads them again (e.g. after an exception changed).
 */
export function useEntityScorecard(entityRef: string, revision = 0) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(
    () => api.getEntityScorecard(entityRef),
    [api, entityRef, revision],
  );
}
