import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({
  select: { minWidth: 160, maxWidth: 260 },
});

/** A multiple select of a filter field; nothing selected reads "Any". */
export function MultiSelect<T extends string>(props: {
  id: string;
  label: string;
  options: readonly T[];
  value: T[];
  labelOf: (value: T) => string;
  onChange: (values: T[]) => void;
  disabled?: boolean;
}) {
  const { id, label, options, value, labelOf, onChange, disabled } = props;
  const classes = useStyles();
  return (
    <TextField
      id={id}
      select
      label={label}
      className={classes.select}
      value={value}
      disabled={disabled}
      onChange={e => onChange(e.target.value as unknown as T[])}
      SelectProps={{
        multiple: true,
        displayEmpty: true,
        renderValue: selected =>
          (selected as T[]).length
            ? (selected as T[]).map(labelOf).join(', ')
            : 'Any',
      }}
      InputLabelProps={{ shrink: true }}
    >
      {options.map(option => (
        <MenuItem key={option} value={option}>
          <Checkbox
            size="small"
            checked={value.includes(option)}
            inputProps={{ 'aria-hidden': true }}
            tabIndex={-1}
          />
          <ListItemText primary={labelOf(option)} />
        </MenuItem>
      ))}
    </TextField>
  );
}
