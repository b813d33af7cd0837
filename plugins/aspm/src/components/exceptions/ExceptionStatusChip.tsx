import { ExceptionStatus } from '@aspm/plugin-aspm-common';
import { exceptionStatusDisplay } from '../../utils/exceptions/exceptionStatusDisplay';
import { SeverityChip } from '../shared';

/** The status of an exception as a chip; the label carries the meaning. */
export const ExceptionStatusChip = (props: { status: ExceptionStatus }) => {
  const { label, severity } = exceptionStatusDisplay(props.status);
  return <SeverityChip severity={severity} label={label} />;
};
