import { PackFigures } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { formatPackCell } from '../../utils/packs/formatPackValue';
import { DirectionText, MetricStatusText } from './MetricStatusText';

/** Key figures as small tiles. */
export const PackFiguresBlock = (props: { block: PackFigures }) => {
  const { block } = props;
  return (
    <Box>
      {block.title && (
        <Typography variant="h6" component="h4" gutterBottom>
          {block.title}
        </Typography>
      )}
      <Grid container spacing={2}>
        {block.items.map(f => (
          <Grid item xs={6} sm={4} md={3} lg={2} key={f.id}>
            <Paper
              variant="outlined"
              style={{ padding: 12, height: '100%' }}
              data-figure={f.id}
            >
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {f.label}
              </Typography>
              <Typography variant="h5" component="div">
                {formatPackCell(f.unit, f.value)}
              </Typography>
              {f.status && <MetricStatusText status={f.status} />}
              {f.direction && (
                <Typography variant="caption" component="div">
                  <DirectionText direction={f.direction} />
                </Typography>
              )}
              {f.note && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {f.note}
                </Typography>
              )}
            </Paper>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};
