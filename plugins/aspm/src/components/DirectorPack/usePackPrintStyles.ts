import { makeStyles } from '@material-ui/core/styles';

/** The printed page (JSS has no @page rule: PackDocument renders it in a style element). */
export const PRINT_PAGE_CSS = '@page { size: A4; margin: 12mm; }';

/**
 * The print layout of a pack (the browser's "Save as PDF" makes the PDF):
 * no portal navigation, header, pickers or buttons; page breaks between
 * sections (packs A and B start each section on a new page; the board's
 * short sections are kept whole, so that the pack fits on two pages);
 * tables and tiles not split across pages; charts are SVG already.
 */
export const usePackPrintStyles = makeStyles(theme => ({
  '@global': {
    '@media print': {
      // The portal around the pack: sidebar, app bar, page header, tabs.
      'nav, header, [role="tablist"], [class*="BackstageSidebar"], [class*="MuiDrawer"], [data-print="hide"], [data-testid="aspm-pack-toolbar"]':
        {
          display: 'none !important',
        },
      // The sidebar's room on the left of the content.
      'main, [class*="BackstageSidebarPage"], [class*="BackstagePage"], [class*="BackstageContent"]':
        {
          padding: '0 !important',
          margin: '0 !important',
          overflow: 'visible !important',
          height: 'auto !important',
          display: 'block !important',
        },
      body: { background: '#fff !important' },
    },
  },
  // Compact on paper: smaller type, dense tables, no table toolbars' search.
  // (The app's MUI class names carry a suffix: match them by prefix.)
  pack: {
    '@media print': {
      fontSize: '9pt',
      color: '#000',
      '& [class*="MuiPaper-elevation"]': { boxShadow: 'none !important' },
      '& [class*="MuiTypography-h4"]': { fontSize: '15pt !important' },
      '& [class*="MuiTypography-h5"]': {
        fontSize: '12pt !important',
        marginBottom: '2px !important',
      },
      '& [class*="MuiTypography-h6"]': { fontSize: '10pt !important' },
      '& [class*="MuiTypography-subtitle1"], & [class*="MuiTypography-body1"], & [class*="MuiTypography-body2"]':
        { fontSize: '8.5pt !important', lineHeight: '1.3 !important' },
      '& [class*="MuiTypography-caption"]': { fontSize: '7pt !important' },
      '& table': { tableLayout: 'auto !important' },
      '& [class*="MuiTableCell-root"]': {
        padding: '1px 4px !important',
        fontSize: '8pt !important',
        lineHeight: '1.2 !important',
        width: 'auto !important',
      },
      '& [class*="MuiToolbar-root"]': {
        minHeight: '0 !important',
        padding: '0 !important',
      },
      '& [class*="MuiToolbar-root"] [class*="MuiFormControl-root"]': {
        display: 'none !important',
      },
      '& li': { marginBottom: '1px !important' },
      '& ol, & ul': {
        marginTop: '2px !important',
        marginBottom: '2px !important',
      },
    },
  },
  section: {
    marginBottom: theme.spacing(4),
  },
  pagedSection: {
    '@media print': {
      breakBefore: 'page',
      pageBreakBefore: 'always',
      marginBottom: 0,
      '&:first-of-type': { breakBefore: 'auto', pageBreakBefore: 'auto' },
    },
  },
  compactSection: {
    '@media print': {
      breakInside: 'avoid',
      pageBreakInside: 'avoid',
      marginBottom: theme.spacing(1),
    },
  },
  block: {
    '@media print': {
      breakInside: 'avoid',
      pageBreakInside: 'avoid',
      marginBottom: `${theme.spacing(1)}px !important`,
    },
  },
}));
