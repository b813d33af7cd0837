import { AspmException, Page } from '@aspm/plugin-aspm-common';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
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
import { EntityLink, ServerPagedColumn, ServerPagedTable } from '../shared';
import { CompensatingControl } from './CompensatingControl';
import { ExceptionExpiry } from './ExceptionExpiry';
import { ExceptionSourceBadge } from './ExceptionSourceBadge';
import { ExceptionStatusChip } from './ExceptionStatusChip';

/** The page sizes offered. */
export const EXCEPTION_PAGE_SIZES = [10, 25, 50, 100];

type Column = ServerPagedColumn<AspmException, ExceptionsOrderBy>;

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
  return (
    <ServerPagedTable
      label={props.label}
      testId="aspm-exceptions-table"
      loadingLabel="Loading exceptions"
      columns={columns({
        showEntity: Boolean(props.showEntity),
        expiringSoonDays: props.expiringSoonDays,
        onOpen,
      })}
      rows={page?.items ?? []}
      rowKey={e => e.id}
      totalCount={page?.totalCount ?? 0}
      loading={loading}
      orderBy={filter.orderBy}
      order={filter.order}
      page={filter.page}
      pageSize={filter.pageSize}
      pageSizes={EXCEPTION_PAGE_SIZES}
      onSort={column =>
        dispatch({ type: 'sort', ...nextExceptionsSort(filter, column) })
      }
      onPage={newPage => dispatch({ type: 'page', page: newPage })}
      onPageSize={pageSize => dispatch({ type: 'pageSize', pageSize })}
      onOpen={onOpen}
      emptyText={props.emptyText ?? 'No exceptions match these filters.'}
      wrapCells
    />
  );
};
