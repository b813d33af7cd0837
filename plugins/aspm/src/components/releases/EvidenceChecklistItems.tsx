import {
  ChecklistItem,
  EvidenceStatus,
  ReleaseEvidence,
} from '@aspm/plugin-aspm-common';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { checklistItemLabel } from '../../utils/releases/checklistItemLabel';
import {
  evidenceForItem,
  provenanceFacts,
  sbomFacts,
} from '../../utils/releases/evidenceFacts';
import { shortDigest } from '../../utils/releases/shortDigest';
import { FieldList } from '../shared';
import { EvidenceStatusIcon } from './EvidenceStatusIcon';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1.5),
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  body: { minWidth: 0, flex: 1 },
  label: { fontWeight: theme.typography.fontWeightMedium as number },
  reason: { overflowWrap: 'anywhere' },
  facts: { marginTop: theme.spacing(1), fontSize: '0.875rem' },
}));

const STATUS_LABELS: Record<EvidenceStatus, string> = {
  met: 'Met',
  missing: 'Missing',
  invalid: 'Invalid',
};

/** Facts read out of the document behind an item, with its link. */
const Facts = (props: { evidence?: ReleaseEvidence }) => {
  const classes = useStyles();
  const { evidence } = props;
  if (!evidence) return null;
  const fields: Array<[string, JSX.Element | string]> = [
    ...(evidence.sbom ? sbomFacts(evidence.sbom) : []),
    ...(evidence.provenance ? provenanceFacts(evidence.provenance) : []),
  ];
  if (evidence.digest) {
    fields.push([
      'Document digest',
      <code title={evidence.digest}>{shortDigest(evidence.digest)}</code>,
    ]);
  }
  if (evidence.uri) {
    fields.push([
      'Link',
      <Link href={evidence.uri} target="_blank" rel="noopener noreferrer">
        {evidence.uri}
      </Link>,
    ]);
  }
  if (fields.length === 0) return null;
  return (
    <div className={classes.facts}>
      <FieldList fields={fields} />
    </div>
  );
};

/**
 * One line per checklist item: an icon, the item, whether it is required,
 * its status with the reason, and what was read out of its document (SBOM
 * format and components; provenance builder, predicate and envelope).
 */
export const EvidenceChecklistItems = (props: {
  checklist: ChecklistItem[];
  evidence: ReleaseEvidence[];
}) => {
  const classes = useStyles();
  const { checklist, evidence } = props;
  return (
    <ul className={classes.list} aria-label="Evidence checklist">
      {checklist.map(c => (
        <li
          key={c.item}
          className={classes.item}
          data-item={c.item}
          data-status={c.status}
        >
          <EvidenceStatusIcon status={c.status} required={c.required} />
          <div className={classes.body}>
            <Typography
              variant="body1"
              component="span"
              className={classes.label}
            >
              {checklistItemLabel(c.item)}
            </Typography>{' '}
            <Typography variant="caption" color="textSecondary">
              {c.required ? 'required' : 'optional'}
            </Typography>
            <Typography
              variant="body2"
              className={classes.reason}
              color={c.status === 'invalid' ? 'error' : 'textSecondary'}
            >
              {STATUS_LABELS[c.status] ?? c.status}
              {c.reason ? `: ${c.reason}` : ''}
            </Typography>
            <Facts evidence={evidenceForItem(evidence, c.item)} />
          </div>
        </li>
      ))}
    </ul>
  );
};
