import { FindingCategory } from '@aspm/plugin-aspm-common';

/** What each scanner format scans, whatever it found. */
const BY_FORMAT: Record<string, FindingCategory[]> = {
  semgrep: ['code'],
  gitleaks: ['secret'],
  'osv-scanner': ['dependency'],
  'npm-audit': ['dependency'],
  snyk: ['dependency'],
  grype: ['dependency'],
  trivy: ['dependency'],
};

/** Tool names (SARIF drivers, pulled sources) and what they scan. */
const BY_TOOL: Array<[RegExp, FindingCategory[]]> = [
  [
    /semgrep|codeql|sonar|bandit|gosec|brakeman|eslint|code scanning/i,
    ['code'],
  ],
  [/gitleaks|trufflehog|secret/i, ['secret']],
  [/dependabot|osv|npm audit|snyk|grype|dependency/i, ['dependency']],
  [/trivy/i, ['dependency']],
  [/checkov|tfsec|kics|terrascan/i, ['iac']],
];

/**
 * The categories a scan covers: what its format or tool scans, plus every
 * category of finding that tool has reported for the entity (a Trivy image
 * scan that reported OS packages covers `container`). A scan that found
 * nothing still counts for what its tool scans.
 */
export function scanCategories(
  format: string | undefined,
  tool: string,
  reported: Iterable<FindingCategory> = [],
): FindingCategory[] {
  const out = new Set<FindingCategory>(BY_FORMAT[format ?? ''] ?? []);
  for (const [pattern, categories] of BY_TOOL) {
    if (pattern.test(tool)) categories.forEach(c => out.add(c));
  }
  for (const c of reported) out.add(c);
  return [...out].sort();
}
