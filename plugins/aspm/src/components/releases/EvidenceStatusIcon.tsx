import { EvidenceStatus } from '@aspm/plugin-aspm-common';
import { makeStyles } from '@material-ui/core/styles';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';

const useStyles = makeStyles(theme => ({
  met: { color: theme.palette.success.main },
  missing: { color: theme.palette.warning.dark },
  optional: { color: theme.palette.text.secondary },
  invalid: { color: theme.palette.error.main },
}));

/**
 * ✓ met, − missing (amber when required), ✕ invalid (in the error
 * colour). Decorative: the status is also written next to it.
 */
export const EvidenceStatusIcon = (props: {
  status: EvidenceStatus;
  required: boolean;
}) => {
  const classes = useStyles();
  switch (props.status) {
    case 'met':
      return <CheckCircleIcon className={classes.met} aria-hidden />;
    case 'invalid':
      return <CancelIcon className={classes.invalid} aria-hidden />;
    default:
      return (
        <RemoveCircleOutlineIcon
          className={props.required ? classes.missing : classes.optional}
          aria-hidden
        />
      );
  }
};
