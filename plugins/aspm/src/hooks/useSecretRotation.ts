import { SecretExposure } from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { aspmApiRef } from '../api';

/**
 * Records the rotation of a leaked secret, then calls `onDone` with the
 * secret as it is now. The state's `error` is the server's answer on
 * failure (e.g. a 400 for a date before the detection).
 */
export function useSecretRotation(
  findingId: number,
  onDone: (secret: SecretExposure) => void,
) {
  const api = useApi(aspmApiRef);
  return useAsyncFn(
    async (body: { rotatedAt?: string; note?: string }) => {
      const result = await api.recordSecretRotation(findingId, body);
      onDone(result);
      return result;
    },
    [api, findingId, onDone],
  );
}
