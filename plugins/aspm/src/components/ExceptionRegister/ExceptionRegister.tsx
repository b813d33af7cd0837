import { NO_BUSINESS_UNIT } from '@aspm/plugin-aspm-common';
import { ContentHeader, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import {
  useExceptionDialogs,
  useExceptionPolicy,
  useExceptionSummary,
  useExceptions,
  useExceptionsFilter,
} from '../../hooks';
import { exceptionStatusDisplay } from '../../utils/exceptions/exceptionStatusDisplay';
import { errorMessage } from '../../utils/errors';
import { ExceptionDetailsDialog, ExceptionsTable } from '../exceptions';
import { CategorySummaryTable } from './CategorySummaryTable';
import { ExceptionRegisterFilters } from './ExceptionRegisterFilters';

/**
 * The org's exception register: every exception, filtered, sorted and paged
 * on the server, with the details dialog; and the repeated categories by
 * business unit.
 */
export const ExceptionRegister = () => {
  const { filter, request, dispatch } = useExceptionsFilter();
  const dialogs = useExceptionDialogs();
  const { value, loading, error } = useExceptions(request, dialogs.revision);
  const policy = useExceptionPolicy();
  const summaryRequest = useMemo(
    () => (filter.status.length ? { status: filter.status } : {}),
    [filter.status],
  );
  const summary = useExceptionSummary(summaryRequest, dialogs.revision);
  const businessUnits = useMemo(
    () =>
      [
        ...new Set([
          ...(summary.value?.items ?? [])
            .map(i => i.businessUnit)
            .filter(bu => bu !== NO_BUSINESS_UNIT),
          ...filter.businessUnit,
        ]),
      ].sort(),
    [summary.value, filter.businessUnit],
  );
  const statusText = filter.status.length
    ? filter.status.map(s => exceptionStatusDisplay(s).label).join(' or ')
    : 'Requested and approved';

  return (
    <section aria-label="Exception register">
      <ContentHeader title="Exception register" />
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary" paragraph>
            Risk acceptances across the catalog. Select a row for its details,
            audit trail and the decisions you may take.
          </Typography>
          <Box mb={2}>
            <ExceptionRegisterFilters
              filter={filter}
              dispatch={dispatch}
              policy={policy.value}
              businessUnits={businessUnits}
            />
          </Box>
          {error ? (
            <ResponseErrorPanel error={error} title={errorMessage(error)} />
          ) : (
            <ExceptionsTable
              label="Exception register"
              page={value}
              loading={loading}
              filter={filter}
              dispatch={dispatch}
              onOpen={e => dialogs.openDetails(e.id)}
              expiringSoonDays={policy.value?.expiringSoonDays ?? 30}
              showEntity
            />
          )}
        </Grid>
        <Grid item xs={12} lg={8}>
          <CategorySummaryTable
            summary={summary.value}
            loading={summary.loading}
            error={summary.error}
            categoryOrder={policy.value?.categories}
            statusText={statusText}
          />
        </Grid>
      </Grid>
      {dialogs.detailsId !== undefined && (
        <ExceptionDetailsDialog
          key={dialogs.detailsId}
          id={dialogs.detailsId}
          onClose={dialogs.closeDetails}
          onChanged={dialogs.changed}
        />
      )}
    </section>
  );
};
