import { PackColumn, PackTable } from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useMemo } from 'react';
import { formatPackCell } from '../../utils/packs/formatPackValue';
import { FlatPackRow, flattenPackRows } from '../../utils/packs/packTableRows';
import { EntityLink } from '../shared';

function cell(column: PackColumn, row: FlatPackRow) {
  const text = formatPackCell(column.type, row.cells[column.key]);
  if (column.type === 'entity') {
    return row.entityRef ? (
      <EntityLink entityRef={row.entityRef}>{text}</EntityLink>
    ) : (
      text
    );
  }
  const status = column.statusKey ? row.cells[column.statusKey] : undefined;
  if (status === 'not-met') {
    return (
      <span
        data-status="not-met"
        style={{ fontWeight: 600 }}
        title="below target"
      >
        {text} ✗
      </span>
    );
  }
  return text;
}

/**
 * The tree table asks for each row's parent among its own copies of the
 * rows; a map of them (rebuilt when the copies change) keeps that linear.
 * Searching the rows for every row took seconds for an org's thousands.
 */
function parentFinder() {
  let seen: FlatPackRow[] | undefined;
  let byKey = new Map<string, FlatPackRow>();
  return (row: FlatPackRow, rows: FlatPackRow[]) => {
    if (rows !== seen) {
      seen = rows;
      byKey = new Map(rows.map(r => [r.key, r]));
    }
    return row.parentKey === undefined ? undefined : byKey.get(row.parentKey);
  };
}

/**
 * A pack table; rows drill down (business unit, team, service) as a tree.
 * Its CSV is one click away.
 */
export const PackTableBlock = (props: {
  block: PackTable;
  onExport?: (tableId: string) => void;
}) => {
  const { block, onExport } = props;
  const data = useMemo(() => flattenPackRows(block.rows), [block.rows]);
  const parentOf = useMemo(() => parentFinder(), []);
  const columns = useMemo(
    (): TableColumn<FlatPackRow>[] =>
      block.columns.map((c, i) => ({
        title: c.label,
        field: `cells.${c.key}`,
        highlight: i === 0,
        customSort: (a, b) => {
          const x = a.cells[c.key];
          const y = b.cells[c.key];
          if (typeof x === 'number' && typeof y === 'number') return x - y;
          return String(x ?? '').localeCompare(String(y ?? ''));
        },
        render: row => cell(c, row),
      })),
    [block.columns],
  );
  return (
    <Table<FlatPackRow>
      title={block.title}
      subtitle={block.description}
      options={{
        paging: false,
        search: data.length > 10,
        padding: 'dense',
        draggable: false,
      }}
      columns={columns}
      data={data}
      parentChildData={parentOf}
      emptyContent={
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          {block.emptyText}
        </Typography>
      }
      actions={
        onExport
          ? [
              {
                icon: () => <GetAppIcon />,
                tooltip: `Download "${block.title}" as CSV`,
                isFreeAction: true,
                onClick: () => onExport(block.id),
              },
            ]
          : []
      }
    />
  );
};
