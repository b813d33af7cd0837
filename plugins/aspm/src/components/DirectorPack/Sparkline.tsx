import { useTheme } from '@material-ui/core/styles';
import { sparklinePoints } from '../../utils/packs/sparklinePoints';

const WIDTH = 96;
const HEIGHT = 24;

/** A metric's trend in a table cell: an SVG line, described for screen readers. */
export const Sparkline = (props: {
  values: Array<number | null>;
  label: string;
}) => {
  const theme = useTheme();
  const { segments, last } = sparklinePoints(props.values, WIDTH, HEIGHT);
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={props.label}
    >
      {segments.map(points => (
        <polyline
          key={points}
          points={points}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={1.5}
        />
      ))}
      {last && (
        <circle
          cx={last.x}
          cy={last.y}
          r={2}
          fill={theme.palette.primary.main}
        />
      )}
    </svg>
  );
};
