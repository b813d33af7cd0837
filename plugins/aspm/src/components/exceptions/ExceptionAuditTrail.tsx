import { ExceptionEvent } from '@aspm/plugin-aspm-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { describeExceptionEvent } from '../../utils/exceptions/describeExceptionEvent';
import { sortExceptionEvents } from '../../utils/exceptions/sortExceptionEvents';
import { formatDateTime } from '../../utils/format';

/** Who did what to an exception and when, oldest first, with their notes. */
export const ExceptionAuditTrail = (props: { events: ExceptionEvent[] }) => {
  const events = useMemo(
    () => sortExceptionEvents(props.events),
    [props.events],
  );
  if (events.length === 0) {
    return <Typography variant="body2">No events recorded.</Typography>;
  }
  return (
    <List component="ol" dense aria-label="Audit trail" disablePadding>
      {events.map((event, i) => {
        const { title, details } = describeExceptionEvent(event);
        return (
          <ListItem key={i} disableGutters divider={i < events.length - 1}>
            <ListItemText
              primary={title}
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                  {details.length > 0 && <div>{details.join(' · ')}</div>}
                  {event.note && (
                    <Typography
                      variant="body2"
                      component="blockquote"
                      style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                    >
                      “{event.note}”
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};
