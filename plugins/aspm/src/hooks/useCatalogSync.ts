import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { aspmApiRef } from '../api';

/** Runs the catalog sync on demand, then calls `onDone`. */
export function useCatalogSync(onDone: () => void) {
  const api = useApi(aspmApiRef);
  return useAsyncFn(async () => {
    const run = await api.runCatalogSync();
    onDone();
    return run;
  }, [api, onDone]);
}
