import { SecretExposure } from '@aspm/plugin-aspm-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { rotationDeadlineText } from '../../utils/secrets/rotationDeadlineText';

const useStyles = makeStyles(theme => ({
  due: {},
  done: {},
  overdue: { color: theme.palette.error.main, fontWeight: 600 },
  late: { color: theme.palette.warning.dark },
}));

/**
 * "due in 3 days", "4 days overdue" (in the error colour), "rotated 2 days
 * late", with the deadline or the rotation date in the user's locale.
 */
export const RotationDeadline = (props: {
  secret: Pick<SecretExposure, 'status' | 'deadline' | 'rotatedAt'>;
}) => {
  const { secret } = props;
  const classes = useStyles();
  const deadline = rotationDeadlineText(secret);
  let caption: JSX.Element | undefined;
  if (deadline.rotated) {
    caption = (
      <>
        rotated <time dateTime={secret.rotatedAt}>{deadline.rotated}</time>
      </>
    );
  } else if (secret.status !== 'closed') {
    caption = (
      <>
        deadline <time dateTime={secret.deadline}>{deadline.deadline}</time>
      </>
    );
  }
  return (
    <span data-tone={deadline.tone} className={classes[deadline.tone]}>
      {deadline.text}
      {caption && (
        <Typography variant="caption" color="textSecondary" component="div">
          {caption}
        </Typography>
      )}
    </span>
  );
};
