import { Finding, FindingEvent } from '@aspm/plugin-aspm-common';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import { ReactNode, useMemo } from 'react';
import { useFinding } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import {
  categoryLabel,
  describeFindingEvent,
  findingWhere,
  formatCvss,
  formatFindingAge,
  propertyEntries,
  sortFindingEvents,
} from '../../utils/findings';
import { NO_VALUE, formatDateTime, formatPercent } from '../../utils/format';
import {
  FieldList,
  FindingSeverityChip,
  useDetailsDialogStyles,
  DetailsDialog,
} from '../shared';
import { FindingStateCell } from './FindingStateCell';

/** The label/value pairs of a finding; vulnerability fields only when known. */
function findingFields(
  finding: Finding,
  onOpenException?: (id: number) => void,
): Array<[string, ReactNode]> {
  const fields: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode, when = true) => {
    if (when) fields.push([label, value]);
  };
  const where = findingWhere(finding);
  const pkg = finding.package;

  add('Severity', <FindingSeverityChip severity={finding.severity} />);
  add(
    'State',
    <FindingStateCell finding={finding} onOpenException={onOpenException} />,
  );
  add('Category', categoryLabel(finding.category));
  add(
    'Tool',
    finding.tool.version
      ? `${finding.tool.name} ${finding.tool.version}`
      : finding.tool.name,
  );
  add('Rule', <code>{finding.ruleId}</code>);
  add('Location', <code>{where.primary}</code>, Boolean(finding.location));
  add('Package', <code>{where.primary}</code>, !finding.location && !!pkg);
  add('Ecosystem', pkg?.ecosystem, Boolean(pkg?.ecosystem));
  add('Manifest', <code>{pkg?.manifest}</code>, Boolean(pkg?.manifest));
  add('Fixed version', <code>{pkg?.fixedVersion}</code>, !!pkg?.fixedVersion);
  add('CVEs', finding.cves?.join(', '), Boolean(finding.cves?.length));
  add('GHSA', finding.ghsa, Boolean(finding.ghsa));
  add('CWEs', finding.cwes?.join(', '), Boolean(finding.cwes?.length));
  add('CVSS', formatCvss(finding.cvss), finding.cvss !== undefined);
  add('EPSS', formatPercent(finding.epss), finding.epss !== undefined);
  add(
    'Known exploited',
    finding.knownExploited ? 'Yes' : 'No',
    finding.knownExploited !== undefined,
  );
  add('First seen', formatDateTime(finding.firstSeenAt));
  add('Last seen', formatDateTime(finding.lastSeenAt));
  add('Fixed at', formatDateTime(finding.fixedAt), Boolean(finding.fixedAt));
  add('Age (days)', formatFindingAge(finding));
  add('Fingerprint', <code>{finding.fingerprint}</code>);
  add('Run key', finding.runKey ? <code>{finding.runKey}</code> : NO_VALUE);
  add('Reopen count', String(finding.reopenCount));
  add(
    'Suppression justification',
    finding.suppressionJustification,
    Boolean(finding.suppressionJustification),
  );
  return fields;
}

/** The events of a finding, oldest first. */
const FindingHistory = (props: { events: FindingEvent[] }) => {
  const events = useMemo(() => sortFindingEvents(props.events), [props.events]);
  if (events.length === 0) {
    return <Typography variant="body2">No events recorded.</Typography>;
  }
  return (
    <List component="ol" dense aria-label="History" disablePadding>
      {events.map((event, i) => {
        const { label, change } = describeFindingEvent(event);
        return (
          <ListItem key={i} disableGutters divider={i < events.length - 1}>
            <ListItemText
              primary={change ? `${label}: ${change}` : label}
              secondary={
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
};

/**
 * A finding in a dialog: its fields, the tool's message and help, and its
 * history. `finding` (the table row) shows while the full finding loads.
 */
export const FindingDetails = (props: {
  finding: Finding;
  onClose: () => void;
  /** Opens the exception that accepts the finding (closes this dialog). */
  onOpenException?: (id: number) => void;
  /** Opens the request form for this finding (closes this dialog). */
  onRequestException?: (finding: Finding) => void;
}) => {
  const { onClose, onOpenException, onRequestException } = props;
  const classes = useDetailsDialogStyles();
  const { value, loading, error } = useFinding(props.finding.id);
  const finding: Finding = value ?? props.finding;
  const titleId = `aspm-finding-${finding.id}-title`;
  const properties = propertyEntries(finding.properties);

  return (
    <DetailsDialog
      titleId={titleId}
      title={finding.title}
      subtitle={
        <Typography variant="body2" color="textSecondary">
          {finding.ruleId}
        </Typography>
      }
      closeLabel="Close details"
      onClose={onClose}
      actions={
        <>
          {onRequestException && finding.state === 'open' && (
            <Button
              color="primary"
              onClick={() => {
                onClose();
                onRequestException(finding);
              }}
            >
              Request exception for this finding
            </Button>
          )}
          {finding.link && (
            <Button
              href={finding.link}
              target="_blank"
              rel="noopener noreferrer"
              endIcon={<OpenInNewIcon />}
            >
              Open in {finding.tool.name}
            </Button>
          )}
          <Button onClick={onClose} color="primary">
            Close
          </Button>
        </>
      }
    >
      <FieldList
        fields={findingFields(
          finding,
          onOpenException &&
            (id => {
              onClose();
              onOpenException(id);
            }),
        )}
      />
      {properties.length > 0 && (
        <Box className={classes.section}>
          <Typography variant="h6" component="h3" gutterBottom>
            From the tool
          </Typography>
          <FieldList
            fields={properties.map(([key, text]) => [
              key,
              <p className={classes.text}>{text}</p>,
            ])}
          />
        </Box>
      )}
      <Box className={classes.section}>
        <Typography variant="h6" component="h3" gutterBottom>
          History
        </Typography>
        {loading && <Progress />}
        {error && (
          <ResponseErrorPanel error={error} title={errorMessage(error)} />
        )}
        {value && <FindingHistory events={value.events ?? []} />}
      </Box>
    </DetailsDialog>
  );
};
