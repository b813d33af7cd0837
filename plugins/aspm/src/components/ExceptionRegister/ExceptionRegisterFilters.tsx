import {
  EXCEPTION_SOURCES,
  EXCEPTION_STATUSES,
  ExceptionPolicy,
  TIERS,
  Tier,
} from '@aspm/plugin-aspm-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { DEFAULT_EXCEPTIONS_FILTER } from '../../utils/exceptions/defaultExceptionsFilter';
import { businessUnitLabel } from '../../utils/exceptions/businessUnitLabel';
import { exceptionCategoryLabel } from '../../utils/exceptions/exceptionCategoryLabel';
import { exceptionSourceLabel } from '../../utils/exceptions/exceptionSourceLabel';
import { exceptionStatusDisplay } from '../../utils/exceptions/exceptionStatusDisplay';
import {
  ExceptionsFilter,
  ExceptionsFilterAction,
} from '../../utils/exceptions/exceptionsFilterReducer';
import { expiringWithinOptions } from '../../utils/exceptions/expiringWithinOptions';
import { hasExceptionFilters } from '../../utils/exceptions/hasExceptionFilters';
import { tierLabel } from '../../utils/format';
import { MultiSelect } from '../shared';
import { ListTextFilter } from './ListTextFilter';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
  },
  select: { minWidth: 160 },
}));

const TIER_OPTIONS: Array<Tier | 'untiered'> = [...TIERS, 'untiered'];
const AGE_OPTIONS = [30, 90, 180] as const;

/**
 * Filters of the exception register: status, category, source, business
 * unit, team, tier, expiring within N days, age, and missing review date or
 * compensating control.
 */
export const ExceptionRegisterFilters = (props: {
  filter: ExceptionsFilter;
  dispatch: (action: ExceptionsFilterAction) => void;
  policy?: ExceptionPolicy;
  /** Business units to offer (refs). */
  businessUnits: string[];
}) => {
  const { filter, dispatch, policy, businessUnits } = props;
  const classes = useStyles();

  return (
    <Box className={classes.bar} role="group" aria-label="Filter exceptions">
      <MultiSelect
        id="aspm-exceptions-status"
        label="Status"
        options={EXCEPTION_STATUSES}
        value={filter.status}
        labelOf={s => exceptionStatusDisplay(s).label}
        onChange={status => dispatch({ type: 'set', patch: { status } })}
      />
      <MultiSelect
        id="aspm-exceptions-category"
        label="Category"
        options={policy?.categories ?? []}
        value={filter.category}
        labelOf={exceptionCategoryLabel}
        onChange={category => dispatch({ type: 'set', patch: { category } })}
        disabled={!policy}
      />
      <MultiSelect
        id="aspm-exceptions-source"
        label="Source"
        options={EXCEPTION_SOURCES}
        value={filter.source}
        labelOf={exceptionSourceLabel}
        onChange={source => dispatch({ type: 'set', patch: { source } })}
      />
      <MultiSelect
        id="aspm-exceptions-business-unit"
        label="Business unit"
        options={businessUnits}
        value={filter.businessUnit}
        labelOf={businessUnitLabel}
        onChange={businessUnit =>
          dispatch({ type: 'set', patch: { businessUnit } })
        }
        disabled={businessUnits.length === 0}
      />
      <ListTextFilter
        id="aspm-exceptions-team"
        label="Team"
        placeholder="e.g. group:default/team-ledger"
        value={filter.team}
        onChange={team => dispatch({ type: 'set', patch: { team } })}
      />
      <MultiSelect
        id="aspm-exceptions-tier"
        label="Tier"
        options={TIER_OPTIONS}
        value={filter.tier}
        labelOf={t => tierLabel(t === 'untiered' ? undefined : t)}
        onChange={tier => dispatch({ type: 'set', patch: { tier } })}
      />
      <TextField
        id="aspm-exceptions-expiring"
        select
        label="Expiring within"
        className={classes.select}
        value={filter.expiringWithinDays ?? ''}
        onChange={e =>
          dispatch({
            type: 'set',
            patch: {
              expiringWithinDays:
                e.target.value === '' ? undefined : Number(e.target.value),
            },
          })
        }
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value="">Any time</MenuItem>
        {expiringWithinOptions(policy?.expiringSoonDays).map(days => (
          <MenuItem key={days} value={days}>
            {days} days
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="aspm-exceptions-age"
        select
        label="Requested"
        className={classes.select}
        value={filter.minAgeDays ?? ''}
        onChange={e =>
          dispatch({
            type: 'set',
            patch: {
              minAgeDays:
                e.target.value === ''
                  ? undefined
                  : (Number(e.target.value) as 30 | 90 | 180),
            },
          })
        }
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value="">Any time</MenuItem>
        {AGE_OPTIONS.map(days => (
          <MenuItem key={days} value={days}>
            {days}+ days ago
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            checked={filter.noReviewDate}
            onChange={e =>
              dispatch({
                type: 'set',
                patch: { noReviewDate: e.target.checked },
              })
            }
          />
        }
        label="No review date"
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={filter.noCompensatingControl}
            onChange={e =>
              dispatch({
                type: 'set',
                patch: { noCompensatingControl: e.target.checked },
              })
            }
          />
        }
        label="No compensating control"
      />
      <Button
        size="small"
        disabled={!hasExceptionFilters(filter)}
        onClick={() =>
          dispatch({
            type: 'reset',
            filter: {
              ...DEFAULT_EXCEPTIONS_FILTER,
              orderBy: filter.orderBy,
              order: filter.order,
              pageSize: filter.pageSize,
            },
          })
        }
      >
        Reset filters
      </Button>
    </Box>
  );
};
