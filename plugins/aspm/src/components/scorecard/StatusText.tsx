import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';

const ICONS = { ok: StatusOK, error: StatusError, pending: StatusPending };

/**
 * A status icon with its words beside it on one line. Backstage's status
 * components hide their children from screen readers, so the words (and
 * any link in them) are not passed to the icon.
 */
export const StatusText = (props: {
  status: keyof typeof ICONS;
  children: ReactNode;
}) => {
  const Icon = ICONS[props.status];
  return (
    <Box component="span" display="inline-flex" alignItems="center">
      <Icon />
      <span>{props.children}</span>
    </Box>
  );
};
