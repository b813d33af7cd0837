import { Severity } from '@aspm/plugin-aspm-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { severityLabel } from '../../utils/findings';

const useStyles = makeStyles(theme => {
  const colored = (background: string) => ({
    backgroundColor: background,
    color: theme.palette.getContrastText(background),
  });
  return {
    critical: colored(theme.palette.error.dark),
    high: colored(theme.palette.error.main),
    medium: colored(theme.palette.warning.main),
    low: colored(theme.palette.info.main),
    info: colored(theme.palette.grey[500]),
  };
});

/** The severity of a finding as a chip coloured from critical to info. */
export const FindingSeverityChip = (props: {
  severity: Severity;
  label?: string;
}) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.label ?? severityLabel(props.severity)}
      className={classes[props.severity]}
    />
  );
};

export { useStyles as useFindingSeverityStyles };
