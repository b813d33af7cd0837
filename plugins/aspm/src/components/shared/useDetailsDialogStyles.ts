import { makeStyles } from '@material-ui/core/styles';

/** Layout of the details dialogs (finding, exception, release): title, close button, text, sections. */
export const useDetailsDialogStyles = makeStyles(theme => ({
  title: { paddingRight: theme.spacing(6) },
  close: {
    position: 'absolute',
    right: theme.spacing(1),
    top: theme.spacing(1),
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  section: { marginTop: theme.spacing(3) },
}));
