import { SecretExposure } from '@aspm/plugin-aspm-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useMemo, useState } from 'react';
import { ListSecretsRequest } from '../../api';
import { useSecrets } from '../../hooks';
import { shortEntityRef } from '../../utils/entityRefs';
import { errorMessage } from '../../utils/errors';
import { secretStatusDisplay } from '../../utils/secrets/secretStatusDisplay';
import { RecordRotationDialog, SecretRotationTable } from '../secrets';

/** Secrets still to rotate: the open work. */
const OPEN_STATUSES: ListSecretsRequest['status'] = ['pending', 'overdue'];

/** No secret findings at all. */
const NoSecrets = () => (
  <Box py={2} data-testid="aspm-secrets-empty">
    <Typography variant="subtitle1" component="p" gutterBottom>
      No leaked secrets found by gitleaks, Trivy or GitHub secret scanning.
    </Typography>
    <Typography variant="body2" color="textSecondary">
      Secret findings of this entity's scans show here with their rotation
      deadline: detection plus the days its tier allows.
    </Typography>
  </Box>
);

/**
 * The entity's leaked secrets against their rotation deadline, open work
 * first, with a button to record a rotation.
 */
export const SecretRotationCard = (props: { entityRef: string }) => {
  const { entityRef } = props;
  const [includeDone, setIncludeDone] = useState(false);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(5);
  const [revision, setRevision] = useState(0);
  const [rotating, setRotating] = useState<SecretExposure>();
  const [done, setDone] = useState<string>();

  const request = useMemo(
    (): ListSecretsRequest => ({
      entityRef: [entityRef],
      ...(includeDone ? {} : { status: OPEN_STATUSES }),
      limit: pageSize,
      offset: page * pageSize,
    }),
    [entityRef, includeDone, page, pageSize],
  );
  // Whether the entity has any secret finding, in any status.
  const anyRequest = useMemo(
    (): ListSecretsRequest => ({ entityRef: [entityRef], limit: 1 }),
    [entityRef],
  );
  const secrets = useSecrets(request, revision);
  const any = useSecrets(anyRequest, revision);

  const recorded = useCallback((secret: SecretExposure) => {
    setRotating(undefined);
    setDone(
      `Rotation of “${secret.title}” recorded: ${secretStatusDisplay(
        secret.status,
      ).label.toLocaleLowerCase('en-US')}.`,
    );
    setRevision(r => r + 1);
  }, []);

  let body;
  const error = secrets.error ?? any.error;
  if ((secrets.loading && !secrets.value) || (any.loading && !any.value)) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!any.value || any.value.totalCount === 0) {
    body = <NoSecrets />;
  } else {
    body = (
      <SecretRotationTable
        label={`Secrets of ${shortEntityRef(entityRef)}`}
        page={secrets.value}
        loading={secrets.loading}
        includeDone={includeDone}
        onIncludeDoneChange={value => {
          setIncludeDone(value);
          setPage(0);
        }}
        pageIndex={page}
        pageSize={pageSize}
        onPageChange={setPage}
        onPageSizeChange={size => {
          setPageSize(size);
          setPage(0);
        }}
        onRecordRotation={secret => {
          setDone(undefined);
          setRotating(secret);
        }}
        emptyText={
          includeDone
            ? 'No secrets on this page.'
            : 'No leaked secret waits for rotation: every one is rotated or closed. Switch on “Include rotated and closed” to see them.'
        }
      />
    );
  }

  return (
    <InfoCard
      title="Secret rotation"
      subheader="Leaked secrets must be rotated (revoked and replaced) before their deadline; deleting one from the code does not rotate it. Most urgent first."
    >
      {done && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setDone(undefined)}>
            {done}
          </Alert>
        </Box>
      )}
      {body}
      {rotating && (
        <RecordRotationDialog
          key={rotating.findingId}
          secret={rotating}
          onClose={() => setRotating(undefined)}
          onRecorded={recorded}
        />
      )}
    </InfoCard>
  );
};
