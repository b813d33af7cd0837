import {
  DirectorPack,
  PackMetric,
  PackScorecard,
} from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import {
  formatPackValue,
  formatTarget,
} from '../../utils/packs/formatPackValue';
import { packPeriodLabel } from '../../utils/packs/packPeriodOptions';
import { DirectionText, MetricStatusText } from './MetricStatusText';
import { MetricTrendDialog } from './MetricTrendDialog';
import { Sparkline } from './Sparkline';

type Row = PackMetric & { key: string };

/**
 * The scorecard: each metric's value, target, status, direction against the
 * previous period (and the same period a year earlier when the history
 * reaches it) and a sparkline; a metric opens its trend chart.
 */
export const ScorecardBlock = (props: {
  block: PackScorecard;
  pack: DirectorPack;
}) => {
  const { block, pack } = props;
  const [open, setOpen] = useState<PackMetric>();
  const fmt = (m: PackMetric, v: number | null | undefined) =>
    formatPackValue(m.unit, v);
  const columns: TableColumn<Row>[] = [
    {
      title: 'Metric',
      field: 'title',
      highlight: true,
      render: m => (
        <>
          <Link
            component="button"
            variant="body2"
            onClick={() => setOpen(m)}
            title={m.description}
          >
            {m.title}
          </Link>
          {m.points.some(p => p.countingChanges?.length) && (
            <Typography variant="caption" color="textSecondary" display="block">
              counting changed in this trend
            </Typography>
          )}
        </>
      ),
    },
    { title: 'Value', field: 'value', render: m => fmt(m, m.value) },
    {
      title: 'Target',
      field: 'target',
      sorting: false,
      render: m => formatTarget(m.unit, m.target),
    },
    {
      title: 'Status',
      field: 'status',
      render: m => <MetricStatusText status={m.status} />,
    },
    {
      title: `vs ${packPeriodLabel(pack.previous.period)}`,
      field: 'direction',
      render: m =>
        pack.previous.available ? (
          <>
            <DirectionText direction={m.direction} />
            <Typography variant="caption" color="textSecondary" display="block">
              was {fmt(m, m.previousValue)}
            </Typography>
          </>
        ) : (
          'no history'
        ),
    },
    ...(pack.yearAgo.available
      ? [
          {
            title: packPeriodLabel(pack.yearAgo.period),
            field: 'yearAgoValue',
            render: (m: Row) => fmt(m, m.yearAgoValue),
          } as TableColumn<Row>,
        ]
      : []),
    {
      title: 'Trend',
      field: 'points',
      sorting: false,
      render: m => (
        <Link
          component="button"
          onClick={() => setOpen(m)}
          aria-label={`Open the trend of ${m.title}`}
        >
          <Sparkline
            values={m.points.map(p => p.value)}
            label={`${m.title} over ${m.points.length} periods, from ${fmt(
              m,
              m.points[0]?.value,
            )} to ${fmt(m, m.value)}`}
          />
        </Link>
      ),
    },
  ];
  return (
    <>
      <Table<Row>
        title={block.title ?? 'Scorecard'}
        options={{
          paging: false,
          search: false,
          padding: 'dense',
          draggable: false,
        }}
        columns={columns}
        data={block.metrics.map(m => ({ ...m, key: String(m.id) }))}
      />
      {open && (
        <MetricTrendDialog
          metric={open}
          scopeTitle={pack.scopeTitle}
          onClose={() => setOpen(undefined)}
        />
      )}
    </>
  );
};
