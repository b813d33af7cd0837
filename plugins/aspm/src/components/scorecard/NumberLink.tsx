import Link from '@material-ui/core/Link';
import { ReactNode } from 'react';
import { Drilldown, hasItems } from '../../utils/scorecard/drilldown';
import { useDrilldown } from './DrilldownContext';

/**
 * A number that opens the list behind it (inside the tab). Its accessible
 * name says what the list is; with nothing behind it, it is plain text.
 */
export const NumberLink = (props: {
  drilldown: Drilldown;
  children: ReactNode;
  /** The accessible name; defaults to "<number>: <list title>". */
  label?: string;
}) => {
  const open = useDrilldown();
  const { drilldown, children } = props;
  if (!hasItems(drilldown)) return <>{children}</>;
  const title = 'title' in drilldown ? drilldown.title : undefined;
  const label =
    props.label ??
    (title && typeof children !== 'object'
      ? `${children}: ${title}`
      : undefined);
  return (
    <Link
      component="button"
      variant="inherit"
      underline="always"
      aria-label={label}
      onClick={(e: React.MouseEvent) => {
        e.stopPropagation();
        open(drilldown);
      }}
    >
      {children}
    </Link>
  );
};
