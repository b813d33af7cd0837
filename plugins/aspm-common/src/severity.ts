import { Severity } from './findings';

/**
 * SARIF `security-severity` (a CVSS-like 0-10 score) to a severity:
 * >= 9 critical, >= 7 high, >= 4 medium, > 0 low, 0 info.
 * Undefined when the value is not a number.
 * @public
 */
export function severityFromScore(score: unknown): Severity | undefined {
  const n = typeof score === 'string' ? Number.parseFloat(score) : score;
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined;
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  if (n > 0) return 'low';
  return 'info';
}

/** SARIF `level`: error high, warning medium, note low, none info. @public */
export function severityFromSarifLevel(level: unknown): Severity | undefined {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
      return 'low';
    case 'none':
      return 'info';
    default:
      return undefined;
  }
}

const WORDS: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  error: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  low: 'low',
  note: 'low',
  info: 'info',
  informational: 'info',
  negligible: 'info',
  unknown: 'info',
  none: 'info',
};

/**
 * A tool's own severity word (Trivy CRITICAL, npm "moderate", Grype
 * "Negligible", Semgrep ERROR...) to ours. Undefined for a word we do not know.
 * @public
 */
export function severityFromWord(word: unknown): Severity | undefined {
  if (typeof word !== 'string') return undefined;
  return WORDS[word.trim().toLowerCase()];
}
