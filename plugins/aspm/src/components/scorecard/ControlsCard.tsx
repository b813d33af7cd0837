import { ScorecardControl } from '@aspm/plugin-aspm-common';
import {
  CodeSnippet,
  InfoCard,
  StatusError,
  StatusOK,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { NumberLink } from './NumberLink';

/**
 * A control's status: present or missing for one entity, "n of m" for
 * many. The status icon is decorative (Backstage hides it from screen
 * readers with its children), so the words and link sit beside it.
 */
const Adoption = (props: { control: ScorecardControl; single: boolean }) => {
  const c = props.control;
  if (c.applicable === 0) return <>Not applicable</>;
  const Status = c.missing.length ? StatusError : StatusOK;
  if (props.single) {
    return (
      <>
        <Status />
        {c.missing.length ? 'Missing' : 'Present'}
      </>
    );
  }
  return (
    <>
      <Status />
      {c.present} of {c.applicable}
      {c.missing.length > 0 && (
        <>
          {' '}
          (
          <NumberLink
            drilldown={{
              kind: 'entities',
              title: `Without: ${c.title}`,
              entityRefs: c.missing,
              note: c.howTo,
            }}
          >
            {c.missing.length}
          </NumberLink>{' '}
          missing)
        </>
      )}
    </>
  );
};

/**
 * 7. Control adoption: each baseline control present or missing, and for a
 * missing one how to add it (the annotation, or the CI step).
 */
export const ControlsCard = (props: {
  controls: ScorecardControl[];
  /** One entity (present / missing), or many (adoption counts). */
  single: boolean;
}) => {
  const { controls, single } = props;
  return (
    <InfoCard
      title="Control adoption"
      subheader="The baseline controls of aspm.metrics.coverage.controls, as tier-1 coverage checks them; add a missing one with the snippet beside it."
    >
      <Table size="small" aria-label="Baseline controls">
        <TableHead>
          <TableRow>
            <TableCell>Control</TableCell>
            <TableCell>{single ? 'Status' : 'Components with it'}</TableCell>
            <TableCell>How to add it</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {controls.map(c => (
            <TableRow key={c.control} data-testid={`aspm-control-${c.control}`}>
              <TableCell component="th" scope="row">
                {c.title}
                <Typography
                  variant="caption"
                  component="div"
                  color="textSecondary"
                >
                  {c.control}
                </Typography>
              </TableCell>
              <TableCell>
                <Adoption control={c} single={single} />
              </TableCell>
              <TableCell style={{ maxWidth: 560 }}>
                {c.missing.length > 0 ? (
                  <>
                    <Typography variant="body2" gutterBottom>
                      {c.howTo}
                    </Typography>
                    <CodeSnippet
                      text={c.snippet.text}
                      language={c.snippet.language}
                      showCopyCodeButton
                    />
                  </>
                ) : (
                  <Typography variant="body2" color="textSecondary">
                    Nothing to do
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
