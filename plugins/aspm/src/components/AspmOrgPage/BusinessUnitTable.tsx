import { OwnershipSegment } from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import { useMemo } from 'react';
import { segmentLabel, sortSegmentsWorstFirst } from '../../utils/ownership';
import { RatioCell } from './RatioCell';

export const NO_BUSINESS_UNIT = 'No business unit';

type Row = OwnershipSegment & { name: string; id: string };

const columns: TableColumn<Row>[] = [
  { title: 'Business unit', field: 'name', highlight: true },
  { title: 'Owned', field: 'numerator', type: 'numeric' },
  { title: 'Total', field: 'denominator', type: 'numeric' },
  {
    title: 'Ratio',
    field: 'ratio',
    customSort: (a, b) => (a.ratio ?? 2) - (b.ratio ?? 2),
    render: row => <RatioCell ratio={row.ratio} label={row.name} />,
  },
];

/** Ownership completeness per business unit, worst first. */
export const BusinessUnitTable = (props: { segments: OwnershipSegment[] }) => {
  const data = useMemo(
    () =>
      sortSegmentsWorstFirst(props.segments).map(s => ({
        ...s,
        name: segmentLabel(s, NO_BUSINESS_UNIT),
        id: s.key ?? '',
      })),
    [props.segments],
  );
  return (
    <Table<Row>
      title="By business unit"
      subtitle="Worst first"
      columns={columns}
      data={data}
      options={{
        paging: data.length > 10,
        pageSize: 10,
        search: false,
        padding: 'dense',
      }}
    />
  );
};
