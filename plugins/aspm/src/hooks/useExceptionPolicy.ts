import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { aspmApiRef } from '../api';

/** The exception policy: categories, tier maximums, "expiring soon". */
export function useExceptionPolicy() {
  const api = useApi(aspmApiRef);
  return useAsync(() => api.getExceptionPolicy(), [api]);
}
