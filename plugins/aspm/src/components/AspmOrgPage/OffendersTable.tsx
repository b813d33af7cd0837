import { OwnershipOffender } from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import { useMemo } from 'react';
import { NO_VALUE, ownerResolutionLabel, tierLabel } from '../../utils/format';
import { shortEntityRef } from '../../utils/entityRefs';
import { EntityLink, OwnerResolutionChip } from '../shared';

type Row = OwnershipOffender & {
  id: string;
  name: string;
  businessUnitName: string;
  tierName: string;
};

/** The unowned entities, with why. */
export const OffendersTable = (props: {
  offenders: OwnershipOffender[];
  total: number;
  title: string;
  businessUnitLabels: Map<string, string>;
}) => {
  const { offenders, total, title, businessUnitLabels } = props;
  const data = useMemo<Row[]>(
    () =>
      offenders.map(o => ({
        ...o,
        id: o.entityRef,
        name: o.title ?? shortEntityRef(o.entityRef),
        businessUnitName: o.businessUnit
          ? businessUnitLabels.get(o.businessUnit) ??
            shortEntityRef(o.businessUnit)
          : NO_VALUE,
        tierName: tierLabel(o.tier),
      })),
    [offenders, businessUnitLabels],
  );

  const columns: TableColumn<Row>[] = [
    {
      title: 'Entity',
      field: 'name',
      highlight: true,
      render: row => (
        <EntityLink entityRef={row.entityRef}>{row.name}</EntityLink>
      ),
    },
    {
      title: 'Owner',
      field: 'ownerRef',
      render: row =>
        row.ownerRef ? (
          <EntityLink entityRef={row.ownerRef} plain>
            {row.ownerRef}
          </EntityLink>
        ) : (
          NO_VALUE
        ),
    },
    {
      title: 'Resolution',
      field: 'ownerResolution',
      customFilterAndSearch: (term, row) =>
        ownerResolutionLabel(row.ownerResolution)
          .toLocaleLowerCase()
          .includes(String(term).toLocaleLowerCase()),
      render: row => (
        <OwnerResolutionChip
          resolution={row.ownerResolution}
          reason={row.reason}
        />
      ),
    },
    { title: 'Reason', field: 'reason' },
    {
      title: 'Tier',
      field: 'tierName',
      customSort: (a, b) => (a.tier ?? '9').localeCompare(b.tier ?? '9'),
    },
    {
      title: 'Business unit',
      field: 'businessUnitName',
      render: row =>
        row.businessUnit ? (
          <EntityLink entityRef={row.businessUnit}>
            {row.businessUnitName}
          </EntityLink>
        ) : (
          NO_VALUE
        ),
    },
  ];

  const subtitle =
    total > offenders.length
      ? `Showing ${offenders.length} of ${total}`
      : `${total} in total`;

  return (
    <Table<Row>
      title={title}
      subtitle={subtitle}
      columns={columns}
      data={data}
      options={{
        paging: data.length > 10,
        pageSize: 10,
        pageSizeOptions: [10, 25, 50, 100],
        search: true,
        padding: 'dense',
      }}
      emptyContent={<div style={{ padding: 16 }}>Nothing is unowned.</div>}
    />
  );
};
