import { Severity } from '@aspm/plugin-aspm-common';
import { useCallback, useMemo, useReducer } from 'react';
import {
  DEFAULT_FINDINGS_FILTER,
  FindingsFilter,
  FindingsFilterAction,
  findingsFilterReducer,
  findingsRequest,
} from '../utils/findingsFilter';

/**
 * Filter, sort and page of an entity's findings table, and the API query
 * that goes with them.
 */
export function useFindingsFilter(
  entityRef: string,
  initial: FindingsFilter = DEFAULT_FINDINGS_FILTER,
) {
  const [filter, dispatch] = useReducer(findingsFilterReducer, initial);
  const request = useMemo(
    () => findingsRequest(entityRef, filter),
    [entityRef, filter],
  );
  const selectSeverityCount = useCallback(
    (severity: Severity) => dispatch({ type: 'severityCount', severity }),
    [],
  );
  return {
    filter,
    request,
    dispatch: dispatch as (action: FindingsFilterAction) => void,
    selectSeverityCount,
  };
}
