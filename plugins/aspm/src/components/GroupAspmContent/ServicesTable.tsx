import { Table, TableColumn } from '@backstage/core-components';
import { ListReleasesRequest } from '../../api';
import { formatDays } from '../../utils/findings';
import { NO_VALUE, formatPercent } from '../../utils/format';
import { compareNullable } from '../../utils/scorecard/compareNullable';
import {
  ServiceTableRow,
  serviceTableRows,
} from '../../utils/scorecard/serviceTableRows';
import { TeamScorecardService } from '@aspm/plugin-aspm-common';
import { EntityLink, SeverityChip } from '../shared';
import { NumberLink } from '../scorecard';

const GATED: ListReleasesRequest['outcome'] = [
  'passed',
  'passed-after-rerun',
  'blocked',
];

/**
 * The per-service table of a team scorecard: tier, exposure, weighted
 * backlog, oldest critical, open exceptions, coverage gaps and gate
 * first-pass rate, sortable by each column; each number opens the list
 * behind it.
 */
export const ServicesTable = (props: {
  services: TeamScorecardService[];
  /** Start of the metrics window (the gate rate counts releases since). */
  windowFrom: string;
}) => {
  const columns: TableColumn<ServiceTableRow>[] = [
    {
      title: 'Service',
      field: 'name',
      highlight: true,
      render: r => <EntityLink entityRef={r.entityRef}>{r.name}</EntityLink>,
    },
    { title: 'Tier', field: 'tierText' },
    { title: 'Exposure', field: 'exposureText' },
    {
      title: 'Weighted backlog',
      field: 'weightedBacklog',
      type: 'numeric',
      defaultSort: 'desc',
      render: r => (
        <NumberLink
          drilldown={{
            kind: 'findings',
            title: `Open backlog of ${r.name}`,
            ids: r.backlogFindingIds,
          }}
          label={`${r.weightedBacklog}: open backlog of ${r.name}`}
        >
          {r.weightedBacklog}
        </NumberLink>
      ),
    },
    {
      title: 'Oldest critical',
      field: 'oldestCriticalDays',
      type: 'numeric',
      customSort: (a, b) =>
        compareNullable(a.oldestCriticalDays, b.oldestCriticalDays),
      render: r =>
        r.oldestCritical ? (
          <NumberLink
            drilldown={{ kind: 'finding', id: r.oldestCritical.findingId }}
            label={`${formatDays(r.oldestCritical.ageDays)} days: ${
              r.oldestCritical.title
            }`}
          >
            {formatDays(r.oldestCritical.ageDays)} days
          </NumberLink>
        ) : (
          NO_VALUE
        ),
    },
    {
      title: 'Open exceptions',
      field: 'activeExceptions',
      type: 'numeric',
      render: r => (
        <>
          <NumberLink
            drilldown={{
              kind: 'exceptions',
              title: `Active exceptions of ${r.name}`,
              ids: r.activeExceptionIds,
            }}
          >
            {r.activeExceptions}
          </NumberLink>
          {r.expiringExceptions > 0 && (
            <>
              {' '}
              <SeverityChip
                severity="warning"
                label={`${r.expiringExceptions} expiring`}
              />
            </>
          )}
        </>
      ),
    },
    {
      title: 'Coverage gaps',
      field: 'gapCount',
      type: 'numeric',
      render: r =>
        r.gapCount === 0 ? (
          '0'
        ) : (
          <span title={r.coverageGaps.join(', ')}>
            <NumberLink
              drilldown={{
                kind: 'entities',
                title: `Controls ${r.name} lacks: ${r.coverageGaps.join(', ')}`,
                entityRefs: [r.entityRef],
                note: 'See its Security tab for how to add each.',
              }}
              label={`${r.gapCount}: controls ${r.name} lacks`}
            >
              {r.gapCount}
            </NumberLink>{' '}
            ({r.coverageGaps.join(', ')})
          </span>
        ),
    },
    {
      title: 'Gate first-pass rate',
      field: 'gatePassRate',
      type: 'numeric',
      customSort: (a, b) => compareNullable(a.gatePassRate, b.gatePassRate),
      render: r =>
        r.gateCandidates === 0 ? (
          'No gated releases'
        ) : (
          <NumberLink
            drilldown={{
              kind: 'releases',
              title: `Gated releases of ${r.name} in the window`,
              request: {
                entityRef: [r.entityRef],
                from: props.windowFrom,
                outcome: GATED,
              },
            }}
            label={`${formatPercent(
              r.gatePassRate ?? undefined,
            )}: gated releases of ${r.name}`}
          >
            {formatPercent(r.gatePassRate ?? undefined)} ({r.gateFirstPass} of{' '}
            {r.gateCandidates})
          </NumberLink>
        ),
    },
  ];
  return (
    <Table<ServiceTableRow>
      title="Services"
      columns={columns}
      data={serviceTableRows(props.services)}
      options={{
        paging: props.services.length > 20,
        pageSize: 20,
        search: props.services.length > 10,
        padding: 'dense',
      }}
    />
  );
};
