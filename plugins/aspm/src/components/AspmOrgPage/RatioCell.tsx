import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../utils/format';

/** A ratio as a percentage with a small bar. */
export const RatioCell = (props: { ratio?: number; label: string }) => (
  <Box display="flex" alignItems="center" minWidth={140}>
    <Box width={64} mr={1}>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, Math.max(0, (props.ratio ?? 0) * 100))}
        aria-label={`${props.label}: ${formatPercent(props.ratio)}`}
      />
    </Box>
    <Typography variant="body2">{formatPercent(props.ratio)}</Typography>
  </Box>
);
