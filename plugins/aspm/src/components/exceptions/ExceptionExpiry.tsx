import { ExceptionStatus } from '@aspm/plugin-aspm-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { exceptionExpiry } from '../../utils/exceptions/exceptionExpiry';
import { NO_VALUE } from '../../utils/format';
import { SeverityChip } from '../shared';

const useStyles = makeStyles(theme => ({
  none: {},
  ok: {},
  soon: { color: theme.palette.warning.dark, fontWeight: 600 },
  expired: { color: theme.palette.error.main, fontWeight: 600 },
  chip: { marginTop: theme.spacing(0.5) },
}));

/**
 * When an exception expires: "in 12 days" and the date in the user's
 * locale, highlighted (with a text label, not only a colour) when it is
 * expiring soon or past.
 */
export const ExceptionExpiry = (props: {
  exception: { expiresAt?: string; status: ExceptionStatus };
  expiringSoonDays: number;
}) => {
  const { exception, expiringSoonDays } = props;
  const classes = useStyles();
  const expiry = exceptionExpiry(exception, expiringSoonDays);
  if (!expiry.date) return <>{NO_VALUE}</>;
  return (
    <span data-tone={expiry.tone} className={classes[expiry.tone]}>
      {expiry.relative}{' '}
      <Typography variant="caption" component="span" color="textSecondary">
        (<time dateTime={exception.expiresAt}>{expiry.date}</time>)
      </Typography>
      {expiry.tone === 'soon' && (
        <div className={classes.chip}>
          <SeverityChip severity="warning" label="Expiring soon" />
        </div>
      )}
    </span>
  );
};
