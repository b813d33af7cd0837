import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import {
  useExceptionPolicy,
  useExceptions,
  useExceptionsFilter,
} from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { shortEntityRef } from '../../utils/entityRefs';
import { ExceptionsTable } from '../exceptions';

/** No exception yet: what they are and how to request one. */
const NoExceptions = () => (
  <Box py={2} data-testid="aspm-exceptions-empty">
    <Typography variant="subtitle1" component="p" gutterBottom>
      No exceptions for this entity
    </Typography>
    <Typography variant="body2" color="textSecondary">
      Nothing here is accepted as a risk. When a finding cannot be fixed in
      time, request an exception with the button above, or open the finding and
      choose “Request exception for this finding”. Someone other than you
      approves it, for at most the time the entity’s tier allows.
    </Typography>
  </Box>
);

/**
 * The exceptions (risk acceptances) of an entity, paged and sorted on the
 * server, with the button that requests a new one. A new `revision`
 * reloads them.
 */
export const EntityExceptions = (props: {
  entityRef: string;
  revision?: number;
  onOpen: (id: number) => void;
  onRequest: () => void;
  /** Shown above the table (e.g. the scorecard's exception counts). */
  summary?: ReactNode;
}) => {
  const { entityRef, revision, onOpen, onRequest } = props;
  const { filter, request, dispatch } = useExceptionsFilter(entityRef);
  const { value, loading, error } = useExceptions(request, revision);
  const policy = useExceptionPolicy();

  let body;
  if (loading && !value) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!value || (value.totalCount === 0 && filter.page === 0)) {
    body = <NoExceptions />;
  } else {
    body = (
      <ExceptionsTable
        label={`Exceptions of ${shortEntityRef(entityRef)}`}
        page={value}
        loading={loading}
        filter={filter}
        dispatch={dispatch}
        onOpen={e => onOpen(e.id)}
        expiringSoonDays={policy.value?.expiringSoonDays ?? 30}
      />
    );
  }

  return (
    <InfoCard
      title="Exceptions"
      subheader="Accepted risks of this entity's findings: a finding covered by an approved exception leaves the open backlog until the exception expires. Select a row for its details and audit trail."
    >
      {props.summary}
      <Box mb={1}>
        <Button variant="outlined" color="primary" onClick={() => onRequest()}>
          Request exception
        </Button>
      </Box>
      {body}
    </InfoCard>
  );
};
