import { AspmRelease, Page } from '@aspm/plugin-aspm-common';
import Link from '@material-ui/core/Link';
import { NO_VALUE, formatDate, formatDateTime } from '../../utils/format';
import { gateTypeLabel } from '../../utils/releases/gateTypeLabel';
import {
  RELEASE_PAGE_SIZES,
  ReleasesOrderBy,
  ReleasesPaging,
  nextReleasesSort,
} from '../../utils/releases/releasesPaging';
import { ServerPagedColumn, ServerPagedTable } from '../shared';
import { EvidenceSummaryChip } from './EvidenceSummaryChip';
import { ReleaseOutcomeChip } from './ReleaseOutcomeChip';

type Column = ServerPagedColumn<AspmRelease, ReleasesOrderBy>;

function columns(onOpen: (r: AspmRelease) => void): Column[] {
  return [
    {
      title: 'Released',
      sortKey: 'releasedAt',
      render: r => (
        <time dateTime={r.releasedAt} title={formatDateTime(r.releasedAt)}>
          {formatDate(r.releasedAt)}
        </time>
      ),
    },
    {
      title: 'Version',
      sortKey: 'version',
      render: r => (
        <Link
          component="button"
          variant="body2"
          aria-label={`Open release ${r.version} (${r.environment})`}
          onClick={() => onOpen(r)}
        >
          {r.version}
        </Link>
      ),
    },
    { title: 'Environment', render: r => r.environment },
    {
      title: 'Outcome',
      render: r => <ReleaseOutcomeChip outcome={r.outcome} />,
    },
    {
      title: 'First pass',
      render: r => {
        if (r.outcome === 'ungated') return NO_VALUE;
        return r.firstPass ? 'Yes' : 'No';
      },
    },
    { title: 'Evidence', render: r => <EvidenceSummaryChip release={r} /> },
    {
      title: 'Blocked by',
      render: r =>
        r.blockedBy.length > 0
          ? r.blockedBy.map(gateTypeLabel).join(', ')
          : NO_VALUE,
    },
  ];
}

/**
 * One page of an entity's release candidates, paged and sorted on the
 * server: the table reports paging changes to `onPaging`. A click on a row
 * (or on its version) opens it.
 */
export const ReleasesTable = (props: {
  label: string;
  page?: Page<AspmRelease>;
  loading: boolean;
  paging: ReleasesPaging;
  onPaging: (paging: ReleasesPaging) => void;
  onOpen: (release: AspmRelease) => void;
}) => {
  const { page, paging, onPaging } = props;
  return (
    <ServerPagedTable
      label={props.label}
      testId="aspm-releases-table"
      loadingLabel="Loading releases"
      columns={columns(props.onOpen)}
      rows={page?.items ?? []}
      rowKey={r => r.id}
      totalCount={page?.totalCount ?? 0}
      loading={props.loading}
      orderBy={paging.orderBy}
      order={paging.order}
      page={paging.page}
      pageSize={paging.pageSize}
      pageSizes={RELEASE_PAGE_SIZES}
      onSort={column => onPaging(nextReleasesSort(paging, column))}
      onPage={newPage => onPaging({ ...paging, page: newPage })}
      onPageSize={pageSize => onPaging({ ...paging, pageSize, page: 0 })}
      onOpen={props.onOpen}
    />
  );
};
