import {
  AspmExceptionDetails,
  ExceptionRequest,
} from '@aspm/plugin-aspm-common';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { aspmApiRef } from '../api';

/** Sends an exception request, then calls `onDone` with the new exception. */
export function useExceptionRequest(
  onDone: (exception: AspmExceptionDetails) => void,
) {
  const api = useApi(aspmApiRef);
  return useAsyncFn(
    async (body: ExceptionRequest) => {
      const result = await api.requestException(body);
      onDone(result);
      return result;
    },
    [api, onDone],
  );
}
