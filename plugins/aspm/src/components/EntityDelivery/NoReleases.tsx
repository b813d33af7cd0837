import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** No release posted yet: how the platform team posts them. */
export const NoReleases = () => (
  <Box py={2} data-testid="aspm-releases-empty">
    <Typography variant="subtitle1" component="p" gutterBottom>
      No releases posted for this entity yet.
    </Typography>
    <Typography variant="body2" color="textSecondary">
      Post them from CI with <code>POST /api/aspm/releases</code> (see the
      README's Releases section): each release candidate with its security gates
      (and re-run attempts) and its evidence (SBOM, provenance, signature, scan
      results). The gate trend and the evidence checklist are built from them.
    </Typography>
  </Box>
);
