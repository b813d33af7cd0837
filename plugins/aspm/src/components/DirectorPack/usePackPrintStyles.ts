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
  pack: {
    '@media print': {
      fontSize: '10pt',
      color: '#000',
      '& .MuiPaper-elevation1, & .MuiPaper-elevation2': { boxShadow: 'none' },
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
      marginBottom: theme.spacing(1.5),
    },
  },
  block: {
    '@media print': {
      breakInside: 'avoid',
      pageBreakInside: 'avoid',
    },
  },
}));
