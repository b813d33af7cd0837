import { Finding } from '@aspm/plugin-aspm-common';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { FindingsOrderBy, ListFindingsRequest } from '../../api';
import { useFindings } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { findingStateLabel, formatFindingAge } from '../../utils/findings';
import { EntityLink, FindingSeverityChip, ServerPagedTable } from '../shared';
import { ServerPagedColumn } from '../shared/ServerPagedTable';
import { useDrilldown } from './DrilldownContext';

/** Most ids a list asks the server for at once. */
export const MAX_LISTED_IDS = 100;

type Column = ServerPagedColumn<Finding, FindingsOrderBy>;

/**
 * The findings behind a number: the given ids (the first 100), or the
 * findings a query selects; paged and sorted on the server, each opening
 * its details.
 */
export const DrilldownFindings = (props: {
  ids?: number[];
  request?: ListFindingsRequest;
}) => {
  const open = useDrilldown();
  const [paging, setPaging] = useState({
    page: 0,
    pageSize: 10,
    orderBy: 'severity' as FindingsOrderBy,
    order: 'asc' as 'asc' | 'desc',
  });
  const ids = props.ids;
  const request = useMemo<ListFindingsRequest>(
    () => ({
      ...(ids ? { id: ids.slice(0, MAX_LISTED_IDS) } : props.request),
      orderBy: paging.orderBy,
      order: paging.order,
      limit: paging.pageSize,
      offset: paging.page * paging.pageSize,
    }),
    [ids, props.request, paging],
  );
  const { value, loading, error } = useFindings(request);
  if (error) {
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  if (loading && !value) return <Progress />;
  const openFinding = (f: Finding) => open({ kind: 'finding', id: f.id });
  const columns: Column[] = [
    {
      title: 'Severity',
      sortKey: 'severity',
      render: f => <FindingSeverityChip severity={f.severity} />,
    },
    {
      title: 'Title',
      sortKey: 'title',
      render: f => (
        <Link
          component="button"
          variant="body2"
          align="left"
          onClick={() => openFinding(f)}
        >
          {f.title}
        </Link>
      ),
    },
    { title: 'Entity', render: f => <EntityLink entityRef={f.entityRef} /> },
    { title: 'Tool', sortKey: 'tool', render: f => f.tool.name },
    { title: 'State', render: f => findingStateLabel(f.state) },
    {
      title: 'Age',
      sortKey: 'firstSeenAt',
      render: f => formatFindingAge(f),
    },
  ];
  return (
    <>
      {ids && ids.length > MAX_LISTED_IDS && (
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Showing the first {MAX_LISTED_IDS} of {ids.length}, heaviest first.
        </Typography>
      )}
      <ServerPagedTable
        label="Findings behind the number"
        testId="aspm-drilldown-findings"
        loadingLabel="Loading findings"
        columns={columns}
        rows={value?.items ?? []}
        rowKey={f => f.id}
        totalCount={value?.totalCount ?? 0}
        loading={loading}
        orderBy={paging.orderBy}
        order={paging.order}
        page={paging.page}
        pageSize={paging.pageSize}
        pageSizes={[10, 25, 50, 100]}
        onSort={column =>
          setPaging(p => ({
            ...p,
            orderBy: column,
            order: p.orderBy === column && p.order === 'asc' ? 'desc' : 'asc',
            page: 0,
          }))
        }
        onPage={page => setPaging(p => ({ ...p, page }))}
        onPageSize={pageSize => setPaging(p => ({ ...p, pageSize, page: 0 }))}
        onOpen={openFinding}
        emptyText="None of these findings are in the store any more."
        wrapCells
      />
    </>
  );
};
