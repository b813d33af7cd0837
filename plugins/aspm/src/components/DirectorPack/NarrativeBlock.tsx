import { PackNarrative } from '@aspm/plugin-aspm-common';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import EditIcon from '@material-ui/icons/Edit';
import { formatDateTime } from '../../utils/format';

const TREND = {
  improving: <StatusOK>Risk trend: improving</StatusOK>,
  flat: <StatusWarning>Risk trend: flat</StatusWarning>,
  worsening: <StatusError>Risk trend: worsening</StatusError>,
  'no-data': <StatusWarning>Risk trend: no data</StatusWarning>,
};

/**
 * The executive summary: the headline, the risk trend, and each narrative
 * pair (what changed, why, the decision needed). Editors may edit it; an
 * edited narrative says who saved it and when.
 */
export const NarrativeBlock = (props: {
  block: PackNarrative;
  canEdit: boolean;
  onEdit: () => void;
}) => {
  const { block, canEdit, onEdit } = props;
  return (
    <Box data-testid="pack-narrative">
      <Box
        display="flex"
        alignItems="flex-start"
        justifyContent="space-between"
        style={{ gap: 16 }}
      >
        <Box>
          <Typography variant="h6" component="p">
            {block.headline}
          </Typography>
          {TREND[block.trend]}
        </Box>
        {canEdit && (
          <Button
            variant="outlined"
            color="primary"
            startIcon={<EditIcon />}
            onClick={onEdit}
            data-print="hide"
          >
            Edit narrative
          </Button>
        )}
      </Box>
      <ol style={{ paddingLeft: 20 }}>
        {block.items.map(item => (
          <li key={item.id} style={{ marginBottom: 8 }}>
            <Typography variant="body1">
              <strong>What changed: </strong>
              {item.whatChanged}
            </Typography>
            {item.why && (
              <Typography variant="body2">
                <strong>Why: </strong>
                {item.why}
              </Typography>
            )}
            {item.decision && (
              <Typography variant="body2" color="error">
                <strong>Decision needed: </strong>
                {item.decision}
              </Typography>
            )}
          </li>
        ))}
      </ol>
      {block.saved ? (
        <Typography variant="caption" color="textSecondary">
          Edited by {block.saved.author} on{' '}
          <time dateTime={block.saved.savedAt}>
            {formatDateTime(block.saved.savedAt)}
          </time>{' '}
          (revision {block.saved.revision}); generated from the data otherwise.
        </Typography>
      ) : (
        <Typography variant="caption" color="textSecondary" data-print="hide">
          Generated from the data
          {canEdit ? '; edit it to keep your wording with this period.' : '.'}
        </Typography>
      )}
    </Box>
  );
};
