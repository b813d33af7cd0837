import { AspmException, Page } from '@aspm/plugin-aspm-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Link from '@material-ui/core/Link';
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
import { ExceptionsOrderBy } from '../../api';
import { actorLabel } from '../../utils/exceptions/actorLabel';
import { exceptionCategoryLabel } from '../../utils/exceptions/exceptionCategoryLabel';
import { exceptionScopeLabel } from '../../utils/exceptions/exceptionScopeLabel';
import {
  ExceptionsFilter,
  ExceptionsFilterAction,
} from '../../utils/exceptions/exceptionsFilterReducer';
import { nextExceptionsSort } from '../../utils/exceptions/nextExceptionsSort';
import { formatDate } from '../../utils/format';
import { EntityLink } from '../shared';
import { CompensatingControl } from './CompensatingControl';
import { ExceptionExpiry } from './ExceptionExpiry';
import { ExceptionSourceBadge } from './ExceptionSourceBadge';
import { ExceptionStatusChip } from './ExceptionStatusChip';

const useStyles = makeStyles(theme => ({
  row: { cursor: 'pointer' },
  wrap: { overflowWrap: 'anywhere', minWidth: 120 },
  progress: { height: 2 },
  empty: { padding: theme.spacing(2) },
}));

/** The page sizes offered. */
export const EXCEPTION_PAGE_SIZES = [10, 25, 50, 100];

type Column = {
  title: string;
  sortKey?: ExceptionsOrderBy;
  numeric?: boolean;
  render: (e: AspmException) => ReactNode;
};

/** Whether a click landed on a link or button inside the row. */
const onControl = (event: React.MouseEvent) =>
  Boolean((event.target as HTMLElement).closest('a, button'));

function columns(options: {
  showEntity: boolean;
  expiringSoonDays: number;
  onOpen: (e: AspmException) => void;
}): Column[] {
  const cols: Array<Column | false> = [
    {
      title: 'Exception',
      render: e => (
        <Link
          component="button"
          variant="body2"
          aria-label={`Open exception #${e.id}`}
          onClick={() => options.onOpen(e)}
        >
          #{e.id}
        </Link>
      ),
    },
    options.showEntity && {
      title: 'Entity',
      sortKey: 'entityRef',
      render: e => <EntityLink entityRef={e.entityRef} />,
    },
    {
      title: 'Status',
      sortKey: 'status',
      render: e => <ExceptionStatusChip status={e.status} />,
    },
    { title: 'Scope', render: e => exceptionScopeLabel(e.scope) },
    { title: 'Category', render: e => exceptionCategoryLabel(e.category) },
    {
      title: 'Requested',
      sortKey: 'requestedAt',
      render: e => (
        <>
          {actorLabel(e.requestedBy)}
          <Typography variant="caption" color="textSecondary" component="div">
            <time dateTime={e.requestedAt}>{formatDate(e.requestedAt)}</time>
          </Typography>
        </>
      ),
    },
    {
      title: 'Expires',
      sortKey: 'expiresAt',
      render: e => (
        <ExceptionExpiry
          exception={e}
          expiringSoonDays={options.expiringSoonDays}
        />
      ),
    },
    {
      title: 'Review',
      render: e =>
        e.reviewAt ? (
          <time dateTime={e.reviewAt}>{formatDate(e.reviewAt)}</time>
        ) : (
          'None'
        ),
    },
    {
      title: 'Compensating control',
      render: e => <CompensatingControl control={e.compensatingControl} />,
    },
    {
      title: 'Source',
      render: e => (
        <ExceptionSourceBadge source={e.source} externalId={e.externalId} />
      ),
    },
    { title: 'Findings', numeric: true, render: e => e.coveredFindings },
  ];
  return cols.filter((c): c is Column => Boolean(c));
}

/**
 * One page of exceptions, paged and sorted on the server: the table only
 * reports page, page size and sort changes to `dispatch`. A click on a row
 * (or on its number) opens it.
 */
export const ExceptionsTable = (props: {
  label: string;
  page?: Page<AspmException>;
  loading: boolean;
  filter: ExceptionsFilter;
  dispatch: (action: ExceptionsFilterAction) => void;
  onOpen: (exception: AspmException) => void;
  expiringSoonDays: number;
  showEntity?: boolean;
  emptyText?: string;
}) => {
  const { page, loading, filter, dispatch, onOpen } = props;
  const classes = useStyles();
  const cols = columns({
    showEntity: Boolean(props.showEntity),
    expiringSoonDays: props.expiringSoonDays,
    onOpen,
  });
  const items = page?.items ?? [];

  return (
    <div data-testid="aspm-exceptions-table">
      <div className={classes.progress}>
        {loading && <LinearProgress aria-label="Loading exceptions" />}
      </div>
      <TableContainer>
        <Table size="small" aria-label={props.label}>
          <TableHead>
            <TableRow>
              {cols.map(col => {
                const active = col.sortKey === filter.orderBy;
                return (
                  <TableCell
                    key={col.title}
                    align={col.numeric ? 'right' : 'left'}
                    sortDirection={active ? filter.order : false}
                  >
                    {col.sortKey ? (
                      <TableSortLabel
                        active={active}
                        direction={active ? filter.order : 'asc'}
                        onClick={() =>
                          dispatch({
                            type: 'sort',
                            ...nextExceptionsSort(filter, col.sortKey!),
                          })
                        }
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
            {items.map(e => (
              <TableRow
                key={e.id}
                hover
                className={classes.row}
                onClick={event => {
                  if (!onControl(event)) onOpen(e);
                }}
              >
                {cols.map(col => (
                  <TableCell
                    key={col.title}
                    align={col.numeric ? 'right' : 'left'}
                    className={classes.wrap}
                  >
                    {col.render(e)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {items.length === 0 && !loading && (
        <Typography variant="body2" className={classes.empty}>
          {props.emptyText ?? 'No exceptions match these filters.'}
        </Typography>
      )}
      <TablePagination
        component="div"
        count={page?.totalCount ?? 0}
        page={filter.page}
        rowsPerPage={filter.pageSize}
        rowsPerPageOptions={EXCEPTION_PAGE_SIZES}
        onPageChange={(_e, newPage) =>
          dispatch({ type: 'page', page: newPage })
        }
        onRowsPerPageChange={e =>
          dispatch({ type: 'pageSize', pageSize: Number(e.target.value) })
        }
      />
    </div>
  );
};
