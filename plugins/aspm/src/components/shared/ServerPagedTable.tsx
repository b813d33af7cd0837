import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  row: { cursor: 'pointer' },
  wrap: { overflowWrap: 'anywhere', minWidth: 120 },
  progress: { height: 2 },
  empty: { padding: theme.spacing(2) },
}));

/** One column of a {@link ServerPagedTable}. */
export type ServerPagedColumn<T, K extends string> = {
  title: string;
  /** The server's sort key; columns without one are not sortable. */
  sortKey?: K;
  numeric?: boolean;
  render: (row: T) => ReactNode;
};

/** Whether a click landed on a link or button inside the row. */
const onControl = (event: React.MouseEvent) =>
  Boolean((event.target as HTMLElement).closest('a, button'));

/**
 * A table whose rows are one page that the server sorted and cut: it only
 * renders them and reports sort, page and page-size changes. A click on a
 * row (outside its links and buttons) opens it.
 */
export function ServerPagedTable<T, K extends string>(props: {
  label: string;
  testId: string;
  loadingLabel: string;
  columns: ServerPagedColumn<T, K>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  totalCount: number;
  loading: boolean;
  orderBy: K;
  order: 'asc' | 'desc';
  /** Zero-based. */
  page: number;
  pageSize: number;
  pageSizes: number[];
  onSort: (column: K) => void;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  onOpen: (row: T) => void;
  /** Shown under the header when the page is empty and not loading. */
  emptyText?: string;
  /** Wrap long cell text anywhere (ids, refs). */
  wrapCells?: boolean;
}) {
  const classes = useStyles();
  const { columns, rows, loading } = props;
  const align = (col: ServerPagedColumn<T, K>) =>
    col.numeric ? 'right' : 'left';

  return (
    <div data-testid={props.testId}>
      <div className={classes.progress}>
        {loading && <LinearProgress aria-label={props.loadingLabel} />}
      </div>
      <TableContainer>
        <Table size="small" aria-label={props.label}>
          <TableHead>
            <TableRow>
              {columns.map(col => {
                const active = col.sortKey === props.orderBy;
                return (
                  <TableCell
                    key={col.title}
                    align={align(col)}
                    sortDirection={active ? props.order : false}
                  >
                    {col.sortKey ? (
                      <TableSortLabel
                        active={active}
                        direction={active ? props.order : 'asc'}
                        onClick={() => props.onSort(col.sortKey!)}
                      >
                        {col.title}
                      </TableSortLabel>
                    ) : (
                      col.title
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow
                key={props.rowKey(row)}
                hover
                className={classes.row}
                onClick={event => {
                  if (!onControl(event)) props.onOpen(row);
                }}
              >
                {columns.map(col => (
                  <TableCell
                    key={col.title}
                    align={align(col)}
                    className={props.wrapCells ? classes.wrap : undefined}
                  >
                    {col.render(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {rows.length === 0 && !loading && props.emptyText && (
        <Typography variant="body2" className={classes.empty}>
          {props.emptyText}
        </Typography>
      )}
      <TablePagination
        component="div"
        count={props.totalCount}
        page={props.page}
        rowsPerPage={props.pageSize}
        rowsPerPageOptions={props.pageSizes}
        onPageChange={(_e, newPage) => props.onPage(Math.max(0, newPage))}
        onRowsPerPageChange={e => props.onPageSize(Number(e.target.value))}
      />
    </div>
  );
}
