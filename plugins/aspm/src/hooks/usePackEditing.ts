import {
  PackNarrativeRequest,
  StrategicAskRequest,
  StrategicAskUpdate,
} from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { aspmApiRef } from '../api';
import { PackQuery } from './usePackQuery';

/**
 * Saves a pack's narrative, raises and updates its asks; each calls
 * `onDone` (reload the pack) when the backend accepted it. The states'
 * `error` is the server's answer on failure.
 */
export function usePackEditing(query: PackQuery, onDone: () => void) {
  const api = useApi(aspmApiRef);
  const { audience, scope, period } = query;
  const [narrative, saveNarrative] = useAsyncFn(
    async (body: PackNarrativeRequest) => {
      const saved = await api.savePackNarrative(
        audience,
        { scope, period },
        body,
      );
      onDone();
      return saved;
    },
    [api, audience, scope, period, onDone],
  );
  const [ask, saveAsk] = useAsyncFn(
    async (
      change:
        | { create: StrategicAskRequest }
        | { id: number; update: StrategicAskUpdate },
    ) => {
      const saved =
        'create' in change
          ? await api.createStrategicAsk(change.create)
          : await api.updateStrategicAsk(change.id, change.update);
      onDone();
      return saved;
    },
    [api, onDone],
  );
  return { narrative, saveNarrative, ask, saveAsk };
}
