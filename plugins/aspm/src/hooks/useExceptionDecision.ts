import {
  AspmExceptionDetails,
  ExceptionAction,
} from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ExceptionDecisionBody, aspmApiRef } from '../api';

/**
 * Sends a decision on an exception, then calls `onDone` with the exception
 * as it is now. The state's `error` is the server's answer on failure.
 */
export function useExceptionDecision(
  id: number,
  onDone: (exception: AspmExceptionDetails) => void,
) {
  const api = useApi(aspmApiRef);
  return useAsyncFn(
    async (action: ExceptionAction, body: ExceptionDecisionBody) => {
      const result = await api.decideException(id, action, body);
      onDone(result);
      return result;
    },
    [api, id, onDone],
  );
}
