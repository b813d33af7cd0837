import {
  FINDING_CATEGORIES,
  FINDING_STATES,
  SEVERITIES,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import {
  categoryLabel,
  findingStateLabel,
  severityLabel,
} from '../../utils/findings';
import {
  DEFAULT_FINDINGS_FILTER,
  FindingsFilter,
  FindingsFilterAction,
  parseToolFilter,
} from '../../utils/findingsFilter';
import { MultiSelect } from '../shared';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
}));

/** Filters of the findings table: state, severity, category and tool. */
export const FindingsFilterBar = (props: {
  filter: FindingsFilter;
  dispatch: (action: FindingsFilterAction) => void;
}) => {
  const { filter, dispatch } = props;
  const classes = useStyles();
  const [toolText, setToolText] = useState(filter.tool.join(', '));

  // Keep the text in step when the filter is reset.
  useEffect(() => {
    setToolText(text =>
      parseToolFilter(text).join(',') === filter.tool.join(',')
        ? text
        : filter.tool.join(', '),
    );
  }, [filter.tool]);

  useDebounce(
    () => {
      const tools = parseToolFilter(toolText);
      if (tools.join(',') !== filter.tool.join(',')) {
        dispatch({ type: 'tool', values: tools });
      }
    },
    400,
    [toolText],
  );

  const isDefault =
    JSON.stringify({ ...filter, page: 0, pageSize: 0 }) ===
    JSON.stringify({ ...DEFAULT_FINDINGS_FILTER, page: 0, pageSize: 0 });

  return (
    <Box className={classes.bar} role="group" aria-label="Filter findings">
      <MultiSelect
        id="aspm-findings-state"
        label="State"
        options={FINDING_STATES}
        value={filter.state}
        labelOf={findingStateLabel}
        onChange={values => dispatch({ type: 'state', values })}
      />
      <MultiSelect
        id="aspm-findings-severity"
        label="Severity"
        options={SEVERITIES}
        value={filter.severity}
        labelOf={severityLabel}
        onChange={values => dispatch({ type: 'severity', values })}
      />
      <MultiSelect
        id="aspm-findings-category"
        label="Category"
        options={FINDING_CATEGORIES}
        value={filter.category}
        labelOf={categoryLabel}
        onChange={values => dispatch({ type: 'category', values })}
      />
      <TextField
        id="aspm-findings-tool"
        label="Tool"
        placeholder="e.g. trivy, semgrep"
        value={toolText}
        onChange={e => setToolText(e.target.value)}
        InputLabelProps={{ shrink: true }}
      />
      <Button
        size="small"
        disabled={isDefault}
        onClick={() => {
          setToolText('');
          dispatch({ type: 'reset' });
        }}
      >
        Reset filters
      </Button>
    </Box>
  );
};
