import { Finding, Severity } from '@aspm/plugin-aspm-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { useCallback, useState } from 'react';
import { useFindingCounts, useFindings, useFindingsFilter } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import {
  FindingsFilterAction,
  isSeverityCountSelected,
} from '../../utils/findingsFilter';
import { FindingDetails } from './FindingDetails';
import { FindingsEmptyState } from './FindingsEmptyState';
import { FindingsFilterBar } from './FindingsFilterBar';
import { FindingsTable } from './FindingsTable';
import { SeverityCounts } from './SeverityCounts';

/** The table part: filters, one page of findings, and the details dialog. */
const FindingsBrowser = (props: {
  entityRef: string;
  counts: Record<Severity, number>;
  revision?: number;
  onOpenException?: (id: number) => void;
  onRequestException?: (finding: Finding) => void;
}) => {
  const { entityRef, counts, revision, onOpenException, onRequestException } =
    props;
  const { filter, request, dispatch, selectSeverityCount } =
    useFindingsFilter(entityRef);
  const { value, loading, error } = useFindings(request, revision);
  const [selected, setSelected] = useState<Finding>();
  // The table keeps its own sort indicator: a reset starts a fresh table.
  const [tableKey, setTableKey] = useState(0);
  const dispatchWithReset = useCallback(
    (action: FindingsFilterAction) => {
      if (action.type === 'reset') setTableKey(k => k + 1);
      dispatch(action);
    },
    [dispatch],
  );
  const open = useCallback((finding: Finding) => setSelected(finding), []);
  const close = useCallback(() => setSelected(undefined), []);

  return (
    <>
      <Box mb={2}>
        <SeverityCounts
          counts={counts}
          isSelected={severity => isSeverityCountSelected(filter, severity)}
          onSelect={selectSeverityCount}
        />
      </Box>
      <Box mb={2}>
        <FindingsFilterBar filter={filter} dispatch={dispatchWithReset} />
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title={errorMessage(error)} />
      ) : (
        <FindingsTable
          key={tableKey}
          page={value}
          loading={loading}
          filter={filter}
          dispatch={dispatch}
          onOpen={open}
          onOpenException={onOpenException}
        />
      )}
      {selected && (
        <FindingDetails
          finding={selected}
          onClose={close}
          onOpenException={onOpenException}
          onRequestException={onRequestException}
        />
      )}
    </>
  );
};

/**
 * The findings of an entity: open findings by severity, a filterable table
 * of all of them, their details and history; how to push a scan when there
 * are none. A new `revision` reloads counts and table (after an exception
 * changed); the exception callbacks connect findings to exceptions.
 */
export const EntityFindings = (props: {
  entityRef: string;
  revision?: number;
  onOpenException?: (id: number) => void;
  onRequestException?: (finding: Finding) => void;
}) => {
  const { entityRef, revision } = props;
  const {
    value: counts,
    loading,
    error,
  } = useFindingCounts(entityRef, revision);

  let body;
  if (loading && !counts) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!counts || counts.total === 0) {
    body = <FindingsEmptyState entityRef={entityRef} />;
  } else {
    body = (
      <FindingsBrowser
        entityRef={entityRef}
        counts={counts.open}
        revision={revision}
        onOpenException={props.onOpenException}
        onRequestException={props.onRequestException}
      />
    );
  }

  const subheader =
    counts && counts.total > 0
      ? `${counts.openTotal} open of ${counts.total} in total. Select a severity to filter the table; select a row for its details and history.`
      : undefined;
  return (
    <InfoCard title="Findings" subheader={subheader}>
      {body}
    </InfoCard>
  );
};
