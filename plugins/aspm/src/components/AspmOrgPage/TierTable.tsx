import { OwnershipSegment } from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import { useMemo } from 'react';
import { NO_VALUE, Severity, formatPercent } from '../../utils/format';
import {
  TierStatus,
  segmentLabel,
  tierSegmentStatus,
} from '../../utils/ownership';
import { SeverityChip } from '../shared';
import { RatioCell } from './RatioCell';

const STATUS: Record<
  TierStatus,
  { label: string; severity: Severity | 'neutral' }
> = {
  'meets-target': { label: 'Meets target', severity: 'ok' },
  'below-target': { label: 'Below target', severity: 'error' },
  gap: { label: 'Gap: no tier set', severity: 'warning' },
  'no-target': { label: 'No target', severity: 'neutral' },
};

type Row = OwnershipSegment & { name: string; status: TierStatus; id: string };

const columns: TableColumn<Row>[] = [
  { title: 'Tier', field: 'name', highlight: true },
  { title: 'Owned', field: 'numerator', type: 'numeric' },
  { title: 'Total', field: 'denominator', type: 'numeric' },
  {
    title: 'Ratio',
    field: 'ratio',
    render: row => <RatioCell ratio={row.ratio} label={row.name} />,
  },
  {
    title: 'Target',
    field: 'target',
    render: row =>
      row.target === undefined ? NO_VALUE : formatPercent(row.target),
  },
  {
    title: 'Status',
    field: 'status',
    render: row => (
      <SeverityChip
        severity={STATUS[row.status].severity}
        label={STATUS[row.status].label}
      />
    ),
  },
];

/** Ownership completeness per tier, with targets. */
export const TierTable = (props: { segments: OwnershipSegment[] }) => {
  const data = useMemo(
    () =>
      props.segments.map(s => ({
        ...s,
        name: segmentLabel(s, 'Untiered'),
        status: tierSegmentStatus(s),
        id: s.key ?? 'untiered',
      })),
    [props.segments],
  );
  return (
    <Table<Row>
      title="By tier"
      subtitle="Tier 1 and 2 must be fully owned"
      columns={columns}
      data={data}
      options={{ paging: false, search: false, padding: 'dense' }}
    />
  );
};
