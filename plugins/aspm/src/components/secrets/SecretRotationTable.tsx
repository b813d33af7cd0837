import { Page, SecretExposure } from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Link from '@material-ui/core/Link';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { formatDate } from '../../utils/format';
import { awaitsRotation } from '../../utils/secrets/secretStatusDisplay';
import { secretValidityDisplay } from '../../utils/secrets/secretValidityDisplay';
import { SeverityChip } from '../shared';
import { RotationDeadline } from './RotationDeadline';
import { SecretStatusChip } from './SecretStatusChip';

const useStyles = makeStyles(theme => ({
  progress: { height: 2 },
  wrap: { overflowWrap: 'anywhere', minWidth: 140 },
  alarm: { color: theme.palette.error.main, fontWeight: 600 },
  empty: { padding: theme.spacing(2) },
}));

/** The page sizes offered. */
export const SECRET_PAGE_SIZES = [5, 10, 25, 50];

/** "Yes" in the error colour, or "No". */
const Flag = (props: { value: boolean }) => {
  const classes = useStyles();
  return props.value ? <span className={classes.alarm}>Yes</span> : <>No</>;
};

type Column = { title: string; render: (s: SecretExposure) => ReactNode };

function columns(onRecordRotation: (s: SecretExposure) => void): Column[] {
  return [
    {
      title: 'Secret',
      render: s => (
        <>
          {s.link ? (
            <Link href={s.link} target="_blank" rel="noopener noreferrer">
              {s.title}
            </Link>
          ) : (
            s.title
          )}
          <Typography variant="caption" color="textSecondary" component="div">
            {s.ruleId} · {s.tool}
          </Typography>
        </>
      ),
    },
    {
      title: 'Detected',
      render: s => (
        <time dateTime={s.detectedAt}>{formatDate(s.detectedAt)}</time>
      ),
    },
    {
      title: 'Validity',
      render: s => {
        const { label, severity } = secretValidityDisplay(s.validity);
        return <SeverityChip severity={severity} label={label} />;
      },
    },
    {
      title: 'Publicly leaked',
      render: s => <Flag value={s.publiclyLeaked} />,
    },
    {
      title: 'Push protection bypassed',
      render: s => <Flag value={s.pushProtectionBypassed} />,
    },
    { title: 'Deadline', render: s => <RotationDeadline secret={s} /> },
    { title: 'Status', render: s => <SecretStatusChip status={s.status} /> },
    {
      title: 'Rotation',
      render: s =>
        awaitsRotation(s.status) ? (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            aria-label={`Record rotation of ${s.title} (#${s.findingId})`}
            onClick={() => onRecordRotation(s)}
          >
            Record rotation
          </Button>
        ) : null,
    },
  ];
}

/**
 * One page of leaked secrets with their rotation deadline, most urgent
 * first; by default only those still to rotate, with a switch for rotated
 * and closed ones. Paged on the server.
 */
export const SecretRotationTable = (props: {
  label: string;
  page?: Page<SecretExposure>;
  loading: boolean;
  includeDone: boolean;
  onIncludeDoneChange: (includeDone: boolean) => void;
  pageIndex: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onRecordRotation: (secret: SecretExposure) => void;
  emptyText: string;
}) => {
  const { page, loading } = props;
  const classes = useStyles();
  const cols = columns(props.onRecordRotation);
  const items = page?.items ?? [];

  return (
    <div data-testid="aspm-secrets-table">
      <Box display="flex" justifyContent="flex-end">
        <FormControlLabel
          control={
            <Switch
              size="small"
              color="primary"
              checked={props.includeDone}
              onChange={e => props.onIncludeDoneChange(e.target.checked)}
            />
          }
          label="Include rotated and closed"
        />
      </Box>
      <div className={classes.progress}>
        {loading && <LinearProgress aria-label="Loading secrets" />}
      </div>
      <TableContainer>
        <Table size="small" aria-label={props.label}>
          <TableHead>
            <TableRow>
              {cols.map(col => (
                <TableCell key={col.title}>{col.title}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(s => (
              <TableRow key={s.findingId}>
                {cols.map(col => (
                  <TableCell key={col.title} className={classes.wrap}>
                    {col.render(s)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {items.length === 0 && !loading && (
        <Typography variant="body2" className={classes.empty}>
          {props.emptyText}
        </Typography>
      )}
      <TablePagination
        component="div"
        count={page?.totalCount ?? 0}
        page={props.pageIndex}
        rowsPerPage={props.pageSize}
        rowsPerPageOptions={SECRET_PAGE_SIZES}
        onPageChange={(_e, newPage) => props.onPageChange(Math.max(0, newPage))}
        onRowsPerPageChange={e =>
          props.onPageSizeChange(Number(e.target.value))
        }
      />
    </div>
  );
};
