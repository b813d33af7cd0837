import { Finding } from '@aspm/plugin-aspm-common';
import Chip from '@material-ui/core/Chip';
import { findingStateText } from '../../utils/exceptions/findingStateText';

/**
 * The state of a finding; a finding accepted through a portal exception is
 * a chip naming it, which opens the exception when `onOpenException` is set.
 */
export const FindingStateCell = (props: {
  finding: Pick<Finding, 'state' | 'exceptionId'>;
  onOpenException?: (id: number) => void;
}) => {
  const { finding, onOpenException } = props;
  const text = findingStateText(finding);
  const id = finding.exceptionId;
  if (finding.state !== 'accepted' || id === undefined) return <>{text}</>;
  return (
    <Chip
      size="small"
      color="secondary"
      variant="outlined"
      label={text}
      data-testid="aspm-finding-accepted"
      {...(onOpenException
        ? {
            clickable: true,
            'aria-label': `${text}: open the exception`,
            onClick: (e: React.MouseEvent) => {
              e.stopPropagation();
              onOpenException(id);
            },
          }
        : {})}
    />
  );
};
