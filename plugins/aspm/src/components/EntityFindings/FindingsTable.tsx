import { Finding, Page } from '@aspm/plugin-aspm-common';
import { Table, TableColumn } from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { useMemo } from 'react';
import {
  FindingsSortColumn,
  categoryLabel,
  findingWhere,
  findingsSort,
  formatFindingAge,
} from '../../utils/findings';
import {
  FINDINGS_PAGE_SIZES,
  FindingsFilter,
  FindingsFilterAction,
} from '../../utils/findingsFilter';
import { formatDate } from '../../utils/format';
import { FindingSeverityChip } from '../shared';
import { FindingStateCell } from './FindingStateCell';

type Row = Finding & {
  where: { primary: string; secondary?: string };
  age: string;
};

/** Stops a click inside a cell from opening the row's details. */
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

/**
 * The columns, with the server-side sort key of each sortable one. Their
 * render functions are stable so that the table keeps its sort state.
 */
function makeColumns(
  onOpen: (finding: Finding) => void,
  initialSort: { orderBy: string; order: 'asc' | 'desc' },
  onOpenException?: (id: number) => void,
): Array<{ column: TableColumn<Row>; sortKey?: FindingsSortColumn }> {
  const sorted = (key: FindingsSortColumn) =>
    ({
      customSort: () => 0,
      ...(key === initialSort.orderBy
        ? { defaultSort: initialSort.order }
        : {}),
    } as Partial<TableColumn<Row>>);
  const unsorted = { sorting: false } as const;
  return [
    {
      sortKey: 'severity',
      column: {
        title: 'Severity',
        field: 'severity',
        ...sorted('severity'),
        render: row => <FindingSeverityChip severity={row.severity} />,
      },
    },
    {
      sortKey: 'title',
      column: {
        title: 'Title',
        field: 'title',
        ...sorted('title'),
        render: row => (
          <>
            <Link
              component="button"
              variant="body2"
              align="left"
              onClick={(e: React.MouseEvent) => {
                stop(e);
                onOpen(row);
              }}
            >
              {row.title}
            </Link>
            <Typography
              variant="caption"
              color="textSecondary"
              component="div"
              style={{ overflowWrap: 'anywhere' }}
            >
              {row.ruleId}
            </Typography>
          </>
        ),
      },
    },
    {
      sortKey: 'tool',
      column: {
        title: 'Tool',
        field: 'tool.name',
        ...sorted('tool'),
      },
    },
    {
      column: {
        title: 'Category',
        field: 'category',
        ...unsorted,
        render: row => categoryLabel(row.category),
      },
    },
    {
      column: {
        title: 'Location',
        field: 'where.primary',
        ...unsorted,
        render: row => (
          <>
            <code style={{ overflowWrap: 'anywhere' }}>
              {row.where.primary}
            </code>
            {row.where.secondary && (
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
                style={{ overflowWrap: 'anywhere' }}
              >
                {row.where.secondary}
              </Typography>
            )}
          </>
        ),
      },
    },
    {
      sortKey: 'age',
      column: {
        title: 'Age (days)',
        field: 'age',
        type: 'numeric',
        ...sorted('age'),
      },
    },
    {
      sortKey: 'firstSeenAt',
      column: {
        title: 'First seen',
        field: 'firstSeenAt',
        ...sorted('firstSeenAt'),
        render: row => (
          <time dateTime={row.firstSeenAt}>{formatDate(row.firstSeenAt)}</time>
        ),
      },
    },
    {
      sortKey: 'lastSeenAt',
      column: {
        title: 'Last seen',
        field: 'lastSeenAt',
        ...sorted('lastSeenAt'),
        render: row => (
          <time dateTime={row.lastSeenAt}>{formatDate(row.lastSeenAt)}</time>
        ),
      },
    },
    {
      column: {
        title: 'State',
        field: 'state',
        ...unsorted,
        render: row => (
          <FindingStateCell finding={row} onOpenException={onOpenException} />
        ),
      },
    },
    {
      column: {
        title: 'Link',
        field: 'link',
        ...unsorted,
        render: row =>
          row.link ? (
            <IconButton
              size="small"
              href={row.link}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open in ${row.tool.name} (new tab)`}
              title={`Open in ${row.tool.name}`}
              onClick={stop}
            >
              <OpenInNewIcon fontSize="small" />
            </IconButton>
          ) : null,
      },
    },
  ];
}

/**
 * One page of findings, paged and sorted on the server: the table only
 * reports page, page size and sort changes to `dispatch`.
 */
export const FindingsTable = (props: {
  page?: Page<Finding>;
  loading: boolean;
  filter: FindingsFilter;
  dispatch: (action: FindingsFilterAction) => void;
  onOpen: (finding: Finding) => void;
  /** Opens the exception that accepts a finding. */
  onOpenException?: (id: number) => void;
}) => {
  const { page, loading, filter, dispatch, onOpen, onOpenException } = props;

  // Built once: new columns would reset the table's sort state. The
  // callbacks must be stable.
  const columns = useMemo(
    () => makeColumns(onOpen, filter, onOpenException),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const now = Date.now();
  const rows = useMemo<Row[]>(
    () =>
      (page?.items ?? []).map(f => ({
        ...f,
        where: findingWhere(f),
        age: formatFindingAge(f, now),
      })),
    // `now` only matters when the page changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [page],
  );

  return (
    <div data-testid="aspm-findings-table">
      <Table<Row>
        columns={columns.map(c => c.column)}
        data={rows}
        isLoading={loading}
        page={filter.page}
        totalCount={page?.totalCount ?? 0}
        onPageChange={(newPage, pageSize) =>
          dispatch(
            pageSize !== filter.pageSize
              ? { type: 'pageSize', pageSize }
              : { type: 'page', page: newPage },
          )
        }
        onOrderChange={(index, direction) => {
          const sort = findingsSort(
            index >= 0 ? columns[index]?.sortKey : undefined,
            direction as 'asc' | 'desc' | '',
          );
          dispatch({ type: 'sort', ...sort });
        }}
        onRowClick={(_event, row) => row && onOpen(row)}
        options={{
          toolbar: false,
          search: false,
          paging: true,
          pageSize: filter.pageSize,
          pageSizeOptions: FINDINGS_PAGE_SIZES,
          emptyRowsWhenPaging: false,
          padding: 'dense',
          thirdSortClick: false,
          draggable: false,
        }}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            No findings match these filters.
          </Typography>
        }
      />
    </div>
  );
};
