import { SEVERITIES, Severity } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { severityCountLabel, severityLabel } from '../../utils/findings';
import { useFindingSeverityStyles } from '../shared';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  chip: { fontSize: theme.typography.body2.fontSize },
  count: { marginLeft: theme.spacing(0.5) },
  selected: {
    boxShadow: `0 0 0 2px ${theme.palette.background.paper}, 0 0 0 4px ${theme.palette.text.primary}`,
  },
  zero: { opacity: 0.6 },
}));

/**
 * Counts of open findings by severity; each count is a toggle button that
 * filters the findings table to that severity.
 */
export const SeverityCounts = (props: {
  counts: Record<Severity, number>;
  isSelected: (severity: Severity) => boolean;
  onSelect: (severity: Severity) => void;
}) => {
  const { counts, isSelected, onSelect } = props;
  const classes = useStyles();
  const severityClasses = useFindingSeverityStyles();
  return (
    <Box
      component="ul"
      className={classes.list}
      aria-label="Open findings by severity"
    >
      {SEVERITIES.map(severity => {
        const count = counts[severity] ?? 0;
        const selected = isSelected(severity);
        return (
          <li key={severity}>
            <Chip
              clickable
              onClick={() => onSelect(severity)}
              aria-pressed={selected}
              aria-label={severityCountLabel(severity, count)}
              title={severityCountLabel(severity, count)}
              data-testid={`aspm-severity-count-${severity}`}
              className={[
                classes.chip,
                severityClasses[severity],
                selected ? classes.selected : '',
                count === 0 ? classes.zero : '',
              ].join(' ')}
              label={
                <>
                  {severityLabel(severity)}
                  <strong className={classes.count}>{count}</strong>
                </>
              }
            />
          </li>
        );
      })}
    </Box>
  );
};
