import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { useRelease } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import { ReleaseDetailsDialog } from '../releases';
import { DetailsDialog } from '../shared';

/** A release's details dialog opened by id (from an action). */
export const ReleaseByIdDialog = (props: {
  id: number;
  onClose: () => void;
}) => {
  const { value, loading, error } = useRelease(props.id);
  if (value) {
    return <ReleaseDetailsDialog release={value} onClose={props.onClose} />;
  }
  return (
    <DetailsDialog
      titleId={`aspm-release-${props.id}-loading`}
      title={`Release ${props.id}`}
      closeLabel="Close release"
      onClose={props.onClose}
      actions={
        <Button onClick={props.onClose} color="primary">
          Close
        </Button>
      }
    >
      {loading && <Progress />}
      {error && (
        <ResponseErrorPanel error={error} title={errorMessage(error)} />
      )}
    </DetailsDialog>
  );
};
