import { ExceptionCoveredFinding, SEVERITIES } from '@aspm/plugin-aspm-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { findingStateLabel } from '../../utils/findings';
import { FindingSeverityChip } from '../shared';

const isSeverity = (s: string): s is (typeof SEVERITIES)[number] =>
  (SEVERITIES as readonly string[]).includes(s);

/** The findings an exception accepts now. */
export const CoveredFindingsList = (props: {
  findings: ExceptionCoveredFinding[];
}) => {
  if (props.findings.length === 0) {
    return (
      <Typography variant="body2">
        No findings are accepted through this exception now.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Covered findings" disablePadding>
      {props.findings.map(f => (
        <ListItem key={f.id} disableGutters>
          <ListItemText
            primary={
              <>
                {isSeverity(f.severity) && (
                  <FindingSeverityChip severity={f.severity} />
                )}{' '}
                #{f.id} {f.title}
              </>
            }
            secondary={`${f.ruleId} · ${findingStateLabel(f.state as any)}`}
          />
        </ListItem>
      ))}
    </List>
  );
};
