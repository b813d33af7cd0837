import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { blockedByEntries } from '../../utils/releases/gateTrendRows';
import { gateTypeLabel } from '../../utils/releases/gateTypeLabel';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
}));

/** Release blocks by root cause (the gate type that failed last). */
export const BlockedByChips = (props: {
  blockedBy: Record<string, number>;
}) => {
  const classes = useStyles();
  const entries = blockedByEntries(props.blockedBy);
  if (entries.length === 0) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.root}
      >
        No release was blocked in these weeks.
      </Typography>
    );
  }
  return (
    <div className={classes.root}>
      <Typography variant="body2" id="aspm-blocked-by-label">
        Release blocks by root cause:
      </Typography>
      <ul className={classes.list} aria-labelledby="aspm-blocked-by-label">
        {entries.map(e => (
          <li key={e.type}>
            <Chip
              size="small"
              variant="outlined"
              label={`${gateTypeLabel(e.type)}: ${e.count}`}
            />
          </li>
        ))}
      </ul>
    </div>
  );
};
