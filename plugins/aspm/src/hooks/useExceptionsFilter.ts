import { useMemo, useReducer } from 'react';
import { DEFAULT_EXCEPTIONS_FILTER } from '../utils/exceptions/defaultExceptionsFilter';
import {
  ExceptionsFilter,
  ExceptionsFilterAction,
  exceptionsFilterReducer,
} from '../utils/exceptions/exceptionsFilterReducer';
import { exceptionsRequest } from '../utils/exceptions/exceptionsRequest';

/**
 * Filter, sort and page of an exceptions table (optionally of one entity),
 * and the API query that goes with them.
 */
export function useExceptionsFilter(
  entityRef?: string,
  initial: ExceptionsFilter = DEFAULT_EXCEPTIONS_FILTER,
) {
  const [filter, dispatch] = useReducer(exceptionsFilterReducer, initial);
  const request = useMemo(
    () => exceptionsRequest(filter, entityRef),
    [filter, entityRef],
  );
  return {
    filter,
    request,
    dispatch: dispatch as (action: ExceptionsFilterAction) => void,
  };
}
