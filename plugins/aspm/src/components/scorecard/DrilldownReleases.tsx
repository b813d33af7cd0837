import { AspmRelease } from '@aspm/plugin-aspm-common';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useMemo, useState } from 'react';
import { ListReleasesRequest } from '../../api';
import { useReleases } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import {
  ReleasesPaging,
  DEFAULT_RELEASES_PAGING,
} from '../../utils/releases/releasesPaging';
import { ReleaseDetailsDialog, ReleasesTable } from '../releases';

/** The release candidates a query selects, paged on the server; each opens. */
export const DrilldownReleases = (props: { request: ListReleasesRequest }) => {
  const [paging, setPaging] = useState<ReleasesPaging>({
    ...DEFAULT_RELEASES_PAGING,
    pageSize: 10,
  });
  const request = useMemo(
    () => ({
      ...props.request,
      orderBy: paging.orderBy,
      order: paging.order,
      limit: paging.pageSize,
      offset: paging.page * paging.pageSize,
    }),
    [props.request, paging],
  );
  const { value, loading, error } = useReleases(request);
  const [selected, setSelected] = useState<AspmRelease>();
  if (error) {
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  if (loading && !value) return <Progress />;
  return (
    <>
      <ReleasesTable
        label="Releases behind the number"
        page={value}
        loading={loading}
        paging={paging}
        onPaging={setPaging}
        onOpen={setSelected}
      />
      {selected && (
        <ReleaseDetailsDialog
          key={selected.id}
          release={selected}
          onClose={() => setSelected(undefined)}
        />
      )}
    </>
  );
};
