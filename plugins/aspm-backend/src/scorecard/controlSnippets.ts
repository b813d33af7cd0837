import { CoverageControl } from '../config/readMetricsConfig';

/** Titles of the baseline controls. */
export const CONTROL_TITLES: Record<CoverageControl, string> = {
  owner: 'Owner resolves to a team',
  repository: 'Repository annotation',
  sast: 'Code scan (SAST) within 30 days',
  sca: 'Dependency scan (SCA) within 30 days',
  secrets: 'Secret scan within 30 days',
  container: 'Container image scan within 30 days',
  'release-evidence': 'Release recorded with gates and evidence',
  'repository-protection':
    'Repository protections (OpenSSF Scorecard) within 90 days',
};

const ingest = (entityRef: string, scan: string, file: string) =>
  `${scan}
curl --fail-with-body -sS -X POST -H "Authorization: Bearer $ASPM_TOKEN" \\
  --data-binary @${file} \\
  "$ASPM_URL/api/aspm/ingest?entityRef=${entityRef}"`;

/**
 * The catalog YAML or CI step that adds a control to an entity (the
 * entity's ref in it; a placeholder when the snippet is for many).
 */
export function controlSnippet(
  control: CoverageControl,
  entityRef = '<entity ref, e.g. component:default/my-service>',
): { language: 'yaml' | 'shell'; text: string } {
  switch (control) {
    case 'owner':
      return {
        language: 'yaml',
        text: 'spec:\n  owner: group:default/<your-team> # a Group in the catalog',
      };
    case 'repository':
      return {
        language: 'yaml',
        text: 'metadata:\n  annotations:\n    github.com/project-slug: <org>/<repository>',
      };
    case 'sast':
      return {
        language: 'shell',
        text: ingest(
          entityRef,
          'semgrep scan --config auto --sarif --output semgrep.sarif',
          'semgrep.sarif',
        ),
      };
    case 'sca':
      return {
        language: 'shell',
        text: ingest(
          entityRef,
          'trivy fs --format json --output trivy-fs.json .',
          'trivy-fs.json',
        ),
      };
    case 'secrets':
      return {
        language: 'shell',
        text: ingest(
          entityRef,
          'gitleaks detect --report-format json --report-path gitleaks.json',
          'gitleaks.json',
        ),
      };
    case 'container':
      return {
        language: 'shell',
        text: ingest(
          entityRef,
          'trivy image --format json --output trivy-image.json "$IMAGE"',
          'trivy-image.json',
        ),
      };
    case 'repository-protection':
      return {
        language: 'shell',
        text: ingest(
          entityRef,
          'scorecard --repo="github.com/$GITHUB_REPOSITORY" --format json > scorecard.json',
          'scorecard.json',
        ),
      };
    case 'release-evidence':
    default:
      return {
        language: 'shell',
        text: `curl --fail-with-body -sS -X POST -H "Authorization: Bearer $ASPM_TOKEN" \\
  -H 'Content-Type: application/json' "$ASPM_URL/api/aspm/releases" \\
  -d '{"entityRef":"${entityRef}","version":"'"$VERSION"'","environment":"production",
       "artifactDigest":"'"$DIGEST"'","gates":[{"type":"sast","outcome":"pass","attempt":1}],
       "evidence":[{"kind":"sbom","document":'"$(cat sbom.cdx.json)"'}]}'`,
      };
  }
}
