import { Finding } from '@aspm/plugin-aspm-common';
import { useCallback, useState } from 'react';
import { RequestFormPrefill } from '../utils/exceptions/requestFormValues';
import { requestPrefillOfFinding } from '../utils/exceptions/requestPrefillOfFinding';

/**
 * Which exception dialogs are open (the details of one exception, the
 * request form), and a revision that changes whenever an exception did, so
 * that the tables showing exceptions and findings reload.
 */
export function useExceptionDialogs() {
  const [detailsId, setDetailsId] = useState<number>();
  const [requestPrefill, setRequestPrefill] = useState<RequestFormPrefill>();
  const [revision, setRevision] = useState(0);

  const openDetails = useCallback((id: number) => setDetailsId(id), []);
  const closeDetails = useCallback(() => setDetailsId(undefined), []);
  const openRequest = useCallback(
    (prefill: RequestFormPrefill = {}) => setRequestPrefill(prefill),
    [],
  );
  const openRequestForFinding = useCallback(
    (finding: Finding) => setRequestPrefill(requestPrefillOfFinding(finding)),
    [],
  );
  const closeRequest = useCallback(() => setRequestPrefill(undefined), []);
  const changed = useCallback(() => setRevision(r => r + 1), []);
  /** A request was created: reload, and show it. */
  const created = useCallback((id: number) => {
    setRequestPrefill(undefined);
    setRevision(r => r + 1);
    setDetailsId(id);
  }, []);

  return {
    detailsId,
    openDetails,
    closeDetails,
    requestPrefill,
    openRequest,
    openRequestForFinding,
    closeRequest,
    revision,
    changed,
    created,
  };
}
