import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import {
  useExceptionPolicy,
  useExceptions,
  useExceptionsFilter,
} from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { ExceptionsTable } from '../exceptions';
import { MAX_LISTED_IDS } from './DrilldownFindings';
import { useDrilldown } from './DrilldownContext';

/**
 * The exceptions behind a number (the first 100 of the ids), paged and
 * sorted on the server, with status, expiry (the next days highlighted),
 * review date and compensating control; each opens its details.
 */
export const DrilldownExceptions = (props: { ids: number[] }) => {
  const open = useDrilldown();
  const { filter, request, dispatch } = useExceptionsFilter();
  const byIds = useMemo(
    () => ({ ...request, id: props.ids.slice(0, MAX_LISTED_IDS) }),
    [request, props.ids],
  );
  const { value, loading, error } = useExceptions(byIds);
  const policy = useExceptionPolicy();
  if (error) {
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  if (loading && !value) return <Progress />;
  return (
    <>
      {props.ids.length > MAX_LISTED_IDS && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Showing the first {MAX_LISTED_IDS} of {props.ids.length}.
        </Typography>
      )}
      <ExceptionsTable
        label="Exceptions behind the number"
        page={value}
        loading={loading}
        filter={filter}
        dispatch={dispatch}
        onOpen={e => open({ kind: 'exception', id: e.id })}
        expiringSoonDays={policy.value?.expiringSoonDays ?? 30}
        showEntity
      />
    </>
  );
};
