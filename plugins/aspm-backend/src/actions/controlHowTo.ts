import { CoverageControl } from '../config/readMetricsConfig';

/** How to add each baseline control, in words a platform team can act on. */
export const CONTROL_HOW_TO: Record<CoverageControl, string> = {
  owner:
    'Set spec.owner to a Group that exists in the catalog (a user outside any team does not count)',
  repository:
    'Add the github.com/project-slug or backstage.io/source-location annotation',
  sast: 'Upload a code scan (e.g. Semgrep SARIF) at least every 30 days: POST /api/aspm/ingest?entityRef=…',
  sca: 'Upload a dependency scan (e.g. Trivy, Grype, npm audit) at least every 30 days: POST /api/aspm/ingest?entityRef=…',
  secrets:
    'Upload a secret scan (e.g. Gitleaks) at least every 30 days: POST /api/aspm/ingest?entityRef=…',
  container:
    'Upload a container image scan (e.g. Trivy image) at least every 30 days: POST /api/aspm/ingest?entityRef=…',
  'release-evidence':
    'Post each release from CI with its gates and evidence: POST /api/aspm/releases (see docs/releases.md)',
  'repository-protection':
    'Run OpenSSF Scorecard on the repository and upload its JSON result (scorecard --format json) to POST /api/aspm/ingest?entityRef=…; Branch-Protection, Token-Permissions, Dangerous-Workflow and Pinned-Dependencies must each score 8 or more',
};
