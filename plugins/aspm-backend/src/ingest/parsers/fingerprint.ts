import { createHash } from 'node:crypto';

const hash = (parts: Array<string | number | undefined>) =>
  createHash('sha256')
    .update(parts.map(p => (p === undefined ? '' : String(p))).join('\u0000'))
    .digest('hex')
    .slice(0, 40);

/** Whitespace-insensitive form of a code snippet, so reformatting keeps the identity. */
export function normaliseSnippet(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

/**
 * Identity of a code, IaC or secret finding without a tool fingerprint:
 * tool + rule + path + normalised snippet, or the region when there is no
 * snippet.
 */
export function codeFingerprint(options: {
  tool: string;
  ruleId: string;
  path?: string;
  snippet?: string;
  startLine?: number;
  startColumn?: number;
}): string {
  const where = options.snippet
    ? `snippet:${normaliseSnippet(options.snippet)}`
    : `region:${options.startLine ?? ''}:${options.startColumn ?? ''}`;
  return `c:${hash([
    options.tool.toLowerCase(),
    options.ruleId,
    options.path,
    where,
  ])}`;
}

/**
 * Identity of a dependency or container finding: package + advisory +
 * manifest, deliberately not the installed version, so an upgrade that still
 * matches the advisory stays the same finding.
 */
export function dependencyFingerprint(options: {
  packageName: string;
  advisoryId: string;
  manifest?: string;
}): string {
  return `d:${hash([
    options.packageName.toLowerCase(),
    options.advisoryId.toUpperCase(),
    options.manifest ?? '',
  ])}`;
}

/**
 * Identity from a tool's own fingerprints (SARIF partialFingerprints /
 * fingerprints), with the rule, since some tools hash only the location.
 */
export function toolFingerprint(
  tool: string,
  ruleId: string,
  fingerprints: Record<string, string>,
): string {
  const keys = Object.keys(fingerprints).sort();
  return `t:${hash([
    tool.toLowerCase(),
    ruleId,
    ...keys.map(k => `${k}=${fingerprints[k]}`),
  ])}`;
}
