import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useIngestions } from '../../hooks';
import { errorMessage } from '../../utils/errors';
import {
  ingestionResultLabel,
  ingestionSourceLabel,
  ingestionToolsLabel,
} from '../../utils/findings';
import { formatDateTime } from '../../utils/format';

/** How many ingestions the card shows. */
export const RECENT_INGESTIONS = 5;

/** The last scans ingested for an entity, pushed or pulled. */
export const RecentIngestionsCard = (props: { entityRef: string }) => {
  const { value, loading, error } = useIngestions(
    props.entityRef,
    RECENT_INGESTIONS,
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else if (!value || value.items.length === 0) {
    body = (
      <Typography variant="body2">
        No scan has been ingested for this entity yet.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="Recent ingestions">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Source</TableCell>
            <TableCell>Tools</TableCell>
            <TableCell>Result</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(ingestion => (
            <TableRow key={ingestion.id}>
              <TableCell>
                <time dateTime={ingestion.receivedAt}>
                  {formatDateTime(ingestion.receivedAt)}
                </time>
              </TableCell>
              <TableCell>{ingestionSourceLabel(ingestion.source)}</TableCell>
              <TableCell>{ingestionToolsLabel(ingestion.tools)}</TableCell>
              <TableCell>
                <Typography
                  variant="body2"
                  color={ingestion.status === 'failed' ? 'error' : 'initial'}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {ingestionResultLabel(ingestion)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title="Recent ingestions"
      subheader={`The last ${RECENT_INGESTIONS} scans received for this entity`}
    >
      {body}
    </InfoCard>
  );
};
