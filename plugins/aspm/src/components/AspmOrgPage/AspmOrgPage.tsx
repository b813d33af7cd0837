import { OwnershipReport } from '@aspm/plugin-aspm-common';
import {
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  TabbedLayout,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useMemo } from 'react';
import { useCatalogSync, useOwnershipReport } from '../../hooks';
import { formatDateTime, nounForKinds } from '../../utils/format';
import { toChartData } from '../../utils/ownership';
import { errorMessage } from '../../utils/errors';
import { DirectorPack } from '../DirectorPack';
import { ExceptionRegister } from '../ExceptionRegister';
import { BusinessUnitTable, NO_BUSINESS_UNIT } from './BusinessUnitTable';
import { OffendersTable } from './OffendersTable';
import { OrgCompletenessCard } from './OrgCompletenessCard';
import { RatioBarChart } from './RatioBarChart';
import { TierTable } from './TierTable';

const REPORT_REQUEST = {
  groupBy: 'businessUnit',
  offendersLimit: 1000,
} as const;

const SyncButton = (props: {
  syncing: boolean;
  onClick: () => void;
  variant?: 'outlined' | 'contained';
}) => (
  <Button
    variant={props.variant ?? 'outlined'}
    color="primary"
    onClick={props.onClick}
    disabled={props.syncing}
  >
    {props.syncing ? 'Syncing…' : 'Sync now'}
  </Button>
);

const LastSync = (props: { report: OwnershipReport }) => {
  const run = props.report.lastSync;
  if (!run) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        component="span"
        display="block"
      >
        Last catalog sync: never
      </Typography>
    );
  }
  const when = formatDateTime(run.finishedAt ?? run.startedAt);
  const status = run.status === 'succeeded' ? '' : ` (${run.status})`;
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      component="span"
      display="block"
    >
      Last catalog sync:{' '}
      <time dateTime={run.finishedAt ?? run.startedAt}>{when}</time>
      {status}
    </Typography>
  );
};

/** The org overview: everything below the page header. */
export const AspmOrgOverview = () => {
  const {
    value: report,
    loading,
    error,
    retry,
  } = useOwnershipReport(REPORT_REQUEST);
  const [syncState, runSync] = useCatalogSync(retry);

  const businessUnitLabels = useMemo(
    () =>
      new Map(
        (report?.segments ?? [])
          .filter(s => s.key)
          .map(s => [s.key as string, s.label]),
      ),
    [report],
  );

  if (loading && !report) return <Progress />;
  if (error)
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  if (!report) return null;

  const syncError = syncState.error ? (
    <Alert severity="error">
      The catalog sync failed: {syncState.error.message}
    </Alert>
  ) : null;

  if (report.org.denominator === 0) {
    return (
      <>
        {syncError}
        <EmptyState
          missing="data"
          title="No components in the ASPM store yet"
          description={
            <>
              The ASPM store copies components from the software catalog. Add
              catalog locations (catalog.locations in app-config.yaml, or
              register a catalog-info.yaml), then wait for the catalog sync,
              which runs every few minutes — or run it now.
              <LastSync report={report} />
            </>
          }
          action={
            <SyncButton
              variant="contained"
              syncing={syncState.loading}
              onClick={runSync}
            />
          }
        />
      </>
    );
  }

  const noun = nounForKinds(report.kinds);
  return (
    <>
      <ContentHeader title="Ownership completeness">
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          <LastSync report={report} />
          <SyncButton syncing={syncState.loading} onClick={runSync} />
        </Box>
      </ContentHeader>
      {syncError}
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={4}>
          <OrgCompletenessCard report={report} />
        </Grid>
        <Grid item xs={12} md={8}>
          <RatioBarChart
            title="Ownership completeness by business unit"
            data={toChartData(report.segments, NO_BUSINESS_UNIT)}
          />
        </Grid>
        <Grid item xs={12} xl={6}>
          <BusinessUnitTable segments={report.segments} />
        </Grid>
        <Grid item xs={12} xl={6}>
          <TierTable segments={report.byTier} />
        </Grid>
        <Grid item xs={12}>
          <OffendersTable
            title={`Unowned ${noun.other}`}
            offenders={report.offenders}
            total={report.offendersTotal}
            businessUnitLabels={businessUnitLabels}
          />
        </Grid>
      </Grid>
    </>
  );
};

/**
 * The ASPM org page at /aspm: the director pack (the monthly and quarterly
 * security review), and at /aspm/ownership and /aspm/exceptions the
 * ownership overview and the exception register.
 */
export const AspmOrgPage = () => (
  <Page themeId="tool">
    <Header
      title="Security posture"
      subtitle="The security review, ownership and accepted risks of the software catalog"
    />
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Director pack">
        <DirectorPack />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/ownership" title="Ownership">
        <AspmOrgOverview />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/exceptions" title="Exceptions">
        <ExceptionRegister />
      </TabbedLayout.Route>
    </TabbedLayout>
  </Page>
);
