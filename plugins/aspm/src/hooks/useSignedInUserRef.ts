import { identityApiRef, useApiHolder } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * The signed-in user's entity ref, or undefined while loading or where the
 * app has no identity API (e.g. a bare test app).
 */
export function useSignedInUserRef(): string | undefined {
  const identity = useApiHolder().get(identityApiRef);
  const { value } = useAsync(
    async () => (await identity?.getBackstageIdentity())?.userEntityRef,
    [identity],
  );
  return value;
}
