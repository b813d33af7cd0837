import { ExceptionSource } from '@aspm/plugin-aspm-common';
import Chip from '@material-ui/core/Chip';
import { exceptionSourceLabel } from '../../utils/exceptions/exceptionSourceLabel';

/** Where an exception was decided: the portal, DefectDojo or GitHub. */
export const ExceptionSourceBadge = (props: {
  source: ExceptionSource;
  externalId?: string;
}) => (
  <Chip
    size="small"
    variant="outlined"
    label={exceptionSourceLabel(props.source)}
    title={props.externalId}
  />
);
