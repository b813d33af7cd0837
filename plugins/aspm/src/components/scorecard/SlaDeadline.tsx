import { ScorecardFinding } from '@aspm/plugin-aspm-common';
import Typography from '@material-ui/core/Typography';
import { NO_VALUE, formatDate } from '../../utils/format';
import { SeverityChip } from '../shared';

/** A finding's SLA deadline: the date, and how late or how soon. */
export const SlaDeadline = (props: { finding: ScorecardFinding }) => {
  const { dueAt, daysLeft, overdue, slaDays } = props.finding;
  if (!dueAt || daysLeft === undefined) return <>{NO_VALUE}</>;
  return (
    <>
      <time dateTime={dueAt}>{formatDate(dueAt)}</time>
      <Typography variant="caption" component="div" color="textSecondary">
        {slaDays}-day SLA
      </Typography>
      {overdue ? (
        <SeverityChip
          severity="error"
          label={`${Math.max(0, -daysLeft)} days overdue`}
        />
      ) : (
        <SeverityChip
          severity={daysLeft <= 7 ? 'warning' : 'neutral'}
          label={`${daysLeft} days left`}
        />
      )}
    </>
  );
};
