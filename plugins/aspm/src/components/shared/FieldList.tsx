import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  definition: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
}));

/** Label/value pairs as a description list. */
export const FieldList = (props: { fields: Array<[string, ReactNode]> }) => {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.fields.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt className={classes.term}>{label}</dt>
          <dd className={classes.definition}>{value}</dd>
        </div>
      ))}
    </dl>
  );
};
