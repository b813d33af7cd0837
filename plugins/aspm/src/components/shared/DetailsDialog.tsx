import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { ReactNode } from 'react';
import { useDetailsDialogStyles } from './useDetailsDialogStyles';

/**
 * The frame of the details dialogs (finding, exception, release): a heading
 * that names the dialog, an optional line under it, a close button, the
 * scrolling content and the actions.
 */
export const DetailsDialog = (props: {
  /** Id of the heading, which labels the dialog. */
  titleId: string;
  title: ReactNode;
  subtitle?: ReactNode;
  closeLabel: string;
  onClose: () => void;
  actions: ReactNode;
  children: ReactNode;
}) => {
  const classes = useDetailsDialogStyles();
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby={props.titleId}
      maxWidth="md"
      fullWidth
      scroll="paper"
    >
      <DialogTitle disableTypography className={classes.title}>
        <Typography id={props.titleId} variant="h5" component="h2">
          {props.title}
        </Typography>
        {props.subtitle}
        <IconButton
          aria-label={props.closeLabel}
          className={classes.close}
          onClick={props.onClose}
        >
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers>{props.children}</DialogContent>
      <DialogActions>{props.actions}</DialogActions>
    </Dialog>
  );
};
