import { ScorecardExceptions } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { NumberLink } from './NumberLink';

/**
 * 4. The exceptions now, counted: active, expiring within the scorecard's
 * days, due for review, without a compensating control; each count opens
 * the exceptions behind it.
 */
export const ExceptionsSummary = (props: {
  exceptions: ScorecardExceptions;
}) => {
  const x = props.exceptions;
  const days = x.withinDays;
  const item = (ids: number[], title: string, text: string) => (
    <Typography variant="body2" component="li">
      <NumberLink drilldown={{ kind: 'exceptions', title, ids }}>
        {ids.length}
      </NumberLink>{' '}
      {text}
    </Typography>
  );
  return (
    <Box
      component="ul"
      display="flex"
      flexWrap="wrap"
      gridGap={24}
      m={0}
      mb={2}
      p={0}
      style={{ listStyle: 'none' }}
      aria-label="Exceptions now"
      data-testid="aspm-exceptions-summary"
    >
      {item(x.ids.active, 'Active exceptions', 'active')}
      {item(
        x.ids.expiringSoon,
        `Exceptions expiring within ${days} days`,
        `expiring within ${days} days`,
      )}
      {item(
        x.ids.reviewDue,
        `Exceptions due for review within ${days} days`,
        'due for review',
      )}
      {item(
        x.ids.withoutCompensatingControl,
        'Active exceptions without a compensating control',
        'without a compensating control',
      )}
    </Box>
  );
};
