import { AspmRelease } from '@aspm/plugin-aspm-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { useGateTrend, useReleases } from '../../hooks';
import { shortEntityRef } from '../../utils/entityRefs';
import { errorMessage } from '../../utils/errors';
import {
  DEFAULT_RELEASES_PAGING,
  ReleasesPaging,
  releasesPageRequest,
} from '../../utils/releases/releasesPaging';
import {
  GateTrendChart,
  ReleaseDetailsDialog,
  ReleasesTable,
} from '../releases';
import { NoReleases } from './NoReleases';

/** Weeks of the gate trend. */
export const GATE_TREND_WEEKS = 26;

/** The gate trend of the entity's releases. */
const GateTrendSection = (props: { entityRef: string }) => {
  const { value, loading, error } = useGateTrend({
    entityRef: [props.entityRef],
    weeks: GATE_TREND_WEEKS,
  });
  if (loading) return <Progress />;
  if (error) {
    return <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  }
  return value ? <GateTrendChart trend={value} /> : null;
};

/**
 * Security gates of the entity's release candidates: the weekly trend of
 * first-pass / passed after re-run / blocked over the last 26 weeks, and
 * the recent releases, each opening its gates and evidence.
 */
export const SecurityGatesCard = (props: { entityRef: string }) => {
  const { entityRef } = props;
  const [paging, setPaging] = useState<ReleasesPaging>(DEFAULT_RELEASES_PAGING);
  const request = useMemo(
    () => releasesPageRequest(entityRef, paging),
    [entityRef, paging],
  );
  const { value, loading, error } = useReleases(request);
  const [selected, setSelected] = useState<AspmRelease>();

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!value || (value.totalCount === 0 && paging.page === 0)) {
    body = <NoReleases />;
  } else {
    body = (
      <>
        <GateTrendSection entityRef={entityRef} />
        <Box mt={3}>
          <Typography variant="h6" component="h3">
            Recent releases
          </Typography>
          <ReleasesTable
            label={`Releases of ${shortEntityRef(entityRef)}`}
            page={value}
            loading={loading}
            paging={paging}
            onPaging={setPaging}
            onOpen={setSelected}
          />
        </Box>
      </>
    );
  }

  return (
    <InfoCard
      title="Security gates"
      subheader={`Gate outcomes of release candidates posted by CI, per week over the last ${GATE_TREND_WEEKS} weeks: passed first time, passed after a re-run, or blocked. Select a release for its gates and evidence.`}
    >
      {body}
      {selected && (
        <ReleaseDetailsDialog
          key={selected.id}
          release={selected}
          onClose={() => setSelected(undefined)}
        />
      )}
    </InfoCard>
  );
};
