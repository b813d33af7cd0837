import { Finding } from '@aspm/plugin-aspm-common';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { useFinding } from '../../hooks/useFindings';
import { errorMessage } from '../../utils/errors';
import { FindingDetails } from '../EntityFindings/FindingDetails';
import { DetailsDialog } from '../shared';

/** A finding's details dialog opened by id (from an action or a top risk). */
export const FindingByIdDialog = (props: {
  id: number;
  onClose: () => void;
  onOpenException?: (id: number) => void;
  onRequestException?: (finding: Finding) => void;
}) => {
  const { value, loading, error } = useFinding(props.id);
  if (value) {
    return (
      <FindingDetails
        finding={value}
        onClose={props.onClose}
        onOpenException={props.onOpenException}
        onRequestException={props.onRequestException}
      />
    );
  }
  return (
    <DetailsDialog
      titleId={`aspm-finding-${props.id}-loading`}
      title={`Finding ${props.id}`}
      closeLabel="Close details"
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
