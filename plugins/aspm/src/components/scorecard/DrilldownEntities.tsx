import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { EntityLink } from '../shared';

/** The entities behind a number (e.g. those lacking a control), linked. */
export const DrilldownEntities = (props: {
  entityRefs: string[];
  note?: string;
}) => (
  <>
    {props.note && (
      <Typography variant="body2" gutterBottom>
        {props.note}
      </Typography>
    )}
    <List dense aria-label="Entities behind the number">
      {props.entityRefs.map(ref => (
        <ListItem key={ref} disableGutters>
          <EntityLink entityRef={ref} />
        </ListItem>
      ))}
    </List>
  </>
);
