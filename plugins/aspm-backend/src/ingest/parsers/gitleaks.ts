/*
 * Gitleaks native JSON (`gitleaks detect --report-format json`): an array of
 * leaks, PascalCase keys in v8 (RuleID, File, StartLine, Secret...), lower
 * case keys in v7 (rule, file, lineNumber, offender...). A report without
 * leaks is `[]`, or the literal `null` in some versions.
 *
 * - Severity is always `high`: Gitleaks has no severity, and a leaked
 *   credential has to be rotated whatever it is.
 * - The secret and the matched line are never kept: only a redacted form of
 *   the secret (its first 4 characters then "…", or just "…" when it is too
 *   short to show any of it).
 * - Identity: Gitleaks' own `Fingerprint` is "commit:file:rule:line", which
 *   changes with every commit that touches the file; the fingerprint here is
 *   rule + file + line + column, without the secret itself. The same leak
 *   reported in several commits (a history scan) is one finding, listing the
 *   commits.
 */
import { InputError } from '@backstage/errors';
import { ParsedFinding, ParsedScan } from '@aspm/plugin-aspm-common';
import { codeFingerprint } from './fingerprint';
import {
  asNonEmptyString,
  asNumber,
  asRecords,
  asString,
  asStrings,
} from './json';
import { compactRecord } from './parserHelpers';

type Rec = Record<string, unknown>;

/** One leak, whatever the Gitleaks version. */
interface Leak {
  ruleId: string;
  title: string;
  file: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
  secret?: string;
  commit?: string;
  author?: string;
  date?: string;
  entropy?: number;
  tags: string[];
  link?: string;
}

/** Parses a Gitleaks JSON report into one run. */
export function parseGitleaks(doc: unknown): ParsedScan {
  if (doc !== null && !Array.isArray(doc)) {
    throw new InputError('Gitleaks: the report must be a JSON array of leaks');
  }
  const leaks = asRecords(doc).map(readLeak);
  return {
    format: 'gitleaks',
    runs: [{ tool: { name: 'Gitleaks' }, findings: mergeCommits(leaks) }],
  };
}

function readLeak(r: Rec): Leak {
  return 'RuleID' in r || 'File' in r ? readV8(r) : readV7(r);
}

function readV8(r: Rec): Leak {
  const ruleId = asNonEmptyString(r.RuleID) ?? 'unknown';
  return {
    ruleId,
    title: asNonEmptyString(r.Description) ?? ruleId,
    file: asString(r.File) ?? '',
    startLine: asNumber(r.StartLine),
    endLine: asNumber(r.EndLine),
    startColumn: asNumber(r.StartColumn),
    endColumn: asNumber(r.EndColumn),
    secret: asString(r.Secret),
    commit: asNonEmptyString(r.Commit),
    author: asNonEmptyString(r.Author),
    date: asNonEmptyString(r.Date),
    entropy: asNumber(r.Entropy),
    tags: asStrings(r.Tags),
    link: asNonEmptyString(r.Link),
  };
}

function readV7(r: Rec): Leak {
  const ruleId = asNonEmptyString(r.rule) ?? 'unknown';
  const line = asNumber(r.lineNumber);
  return {
    ruleId,
    title: ruleId,
    file: asString(r.file) ?? '',
    startLine: line,
    endLine: line,
    secret: asString(r.offender),
    commit: asNonEmptyString(r.commit),
    author: asNonEmptyString(r.author),
    date: asNonEmptyString(r.date),
    tags: (asString(r.tags) ?? '')
      .split(',')
      .map(t => t.trim())
      .filter(Boolean),
    link: asNonEmptyString(r.leakURL),
  };
}

/** First 4 characters then "…"; only "…" for a secret of 8 characters or less. */
export function redactSecret(secret: string | undefined): string | undefined {
  if (!secret) return undefined;
  return secret.length > 8 ? `${secret.slice(0, 4)}…` : '…';
}

function leakFingerprint(leak: Leak): string {
  return codeFingerprint({
    tool: 'gitleaks',
    ruleId: leak.ruleId,
    path: leak.file,
    startLine: leak.startLine,
    startColumn: leak.startColumn,
  });
}

function leakFinding(leak: Leak, commits: string[]): ParsedFinding {
  return {
    category: 'secret',
    ruleId: leak.ruleId,
    title: leak.title,
    severity: 'high',
    location: {
      path: leak.file,
      startLine: leak.startLine,
      endLine: leak.endLine,
      startColumn: leak.startColumn,
      endColumn: leak.endColumn,
    },
    fingerprint: leakFingerprint(leak),
    link: leak.link,
    properties: compactRecord({
      redactedSecret: redactSecret(leak.secret),
      commit: leak.commit,
      commits: commits.length > 1 ? commits : undefined,
      author: leak.author,
      date: leak.date,
      entropy: leak.entropy,
      tags: leak.tags.length ? leak.tags : undefined,
    }),
  };
}

/** One finding per fingerprint; the first leak describes it, all commits are listed. */
function mergeCommits(leaks: Leak[]): ParsedFinding[] {
  const byFingerprint = new Map<string, { leak: Leak; commits: string[] }>();
  for (const leak of leaks) {
    const fingerprint = leakFingerprint(leak);
    const entry = byFingerprint.get(fingerprint) ?? { leak, commits: [] };
    if (leak.commit && !entry.commits.includes(leak.commit)) {
      entry.commits.push(leak.commit);
    }
    byFingerprint.set(fingerprint, entry);
  }
  return [...byFingerprint.values()].map(e => leakFinding(e.leak, e.commits));
}
