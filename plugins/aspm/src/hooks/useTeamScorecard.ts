import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { aspmApiRef } from '../api';

/** A team's scorecard (its services and its sub-teams'), in one request. */
export function useTeamScorecard(groupRef: string) {
  const api = useApi(aspmApiRef);
  return useAsyncRetry(() => api.getTeamScorecard(groupRef), [api, groupRef]);
}
