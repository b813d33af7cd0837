import { ExceptionCategorySummary } from '@aspm/plugin-aspm-common';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { businessUnitLabel } from '../../utils/exceptions/businessUnitLabel';
import { exceptionCategoryLabel } from '../../utils/exceptions/exceptionCategoryLabel';
import { pivotCategorySummary } from '../../utils/exceptions/pivotCategorySummary';
import { errorMessage } from '../../utils/errors';

const TITLE = 'Repeated categories by business unit';

/**
 * Exceptions per business unit and category: a category that keeps coming
 * back in a business unit reads as an unrealistic standard, a platform gap
 * or weak ownership. Counts of two or more are bold.
 */
export const CategorySummaryTable = (props: {
  summary?: ExceptionCategorySummary;
  loading: boolean;
  error?: Error;
  categoryOrder?: string[];
  statusText: string;
}) => {
  const { summary, loading, error } = props;
  let body;
  if (loading && !summary) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} title={errorMessage(error)} />;
  } else {
    const { categories, rows } = pivotCategorySummary(
      summary ?? { items: [] },
      props.categoryOrder,
    );
    body =
      rows.length === 0 ? (
        <Typography variant="body2">No exceptions to summarise.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={TITLE}>
            <TableHead>
              <TableRow>
                <TableCell>Business unit</TableCell>
                {categories.map(c => (
                  <TableCell key={c} align="right">
                    {exceptionCategoryLabel(c)}
                  </TableCell>
                ))}
                <TableCell align="right">Total</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <TableRow key={row.businessUnit}>
                  <TableCell component="th" scope="row">
                    {businessUnitLabel(row.businessUnit)}
                  </TableCell>
                  {categories.map(c => {
                    const count = row.counts[c] ?? 0;
                    return (
                      <TableCell
                        key={c}
                        align="right"
                        style={count >= 2 ? { fontWeight: 700 } : undefined}
                      >
                        {count}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right">{row.total}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      );
  }
  return (
    <InfoCard
      title={TITLE}
      subheader={`${props.statusText} exceptions per business unit and category. A category that keeps coming back points at an unrealistic standard, a platform gap or weak ownership.`}
    >
      {body}
    </InfoCard>
  );
};
