/*
 * Semgrep native JSON (`semgrep --json`): one finding per `results[]` entry.
 *
 * - Severity: ERROR high, WARNING medium, INFO low (the legacy words), and
 *   the newer CRITICAL/HIGH/MEDIUM/LOW words as they are; EXPERIMENT and
 *   INVENTORY info; anything else medium.
 * - Category, deliberately simple: `secret` for a security rule whose id
 *   mentions "secrets"; `iac` for Terraform / Dockerfile / Kubernetes rules
 *   (by rule id segment) or files (.tf, .tfvars, .hcl, Dockerfile); else `code`.
 * - Identity: rule + path + the matched lines (Semgrep prints "requires login"
 *   instead of the lines for logged-out Pro rules: the start position is used
 *   then). Two matches of one rule on identical lines of a file are numbered in
 *   order, as Semgrep numbers its own fingerprints.
 * - `is_ignored: true` (a `nosemgrep` comment, reported with
 *   `--dryrun`/`--disable-nosem`) is an in-source false positive.
 */
import { InputError } from '@backstage/errors';
import {
  FindingCategory,
  ParsedFinding,
  ParsedScan,
  Severity,
} from '@aspm/plugin-aspm-common';
import { codeFingerprint } from './fingerprint';
import {
  asArray,
  asNonEmptyString,
  asNumber,
  asRecord,
  asString,
  asRecords,
  asStrings,
} from './json';
import {
  compactRecord,
  cweIds,
  numberRepeatedFingerprints,
} from './parserHelpers';
import { severityFromWord } from '@aspm/plugin-aspm-common';

type Rec = Record<string, unknown>;

const REQUIRES_LOGIN = 'requires login';
const TITLE_MAX = 160;

const SEMGREP_WORDS: Record<string, Severity> = {
  ERROR: 'high',
  WARNING: 'medium',
  INFO: 'low',
  EXPERIMENT: 'info',
  INVENTORY: 'info',
};

/** Parses a Semgrep JSON report into one run. */
export function parseSemgrep(doc: unknown): ParsedScan {
  const report = asRecord(doc);
  if (!report) {
    throw new InputError('Semgrep: the report must be a JSON object');
  }
  if (!asArray(report.results)) {
    throw new InputError("Semgrep: 'results' must be an array");
  }
  const findings = asRecords(report.results).flatMap(resultFinding);
  return {
    format: 'semgrep',
    runs: [
      {
        tool: { name: 'Semgrep', version: asNonEmptyString(report.version) },
        findings: numberRepeatedFingerprints(findings),
      },
    ],
  };
}

/** Semgrep's severity word (legacy or current) to ours. */
export function semgrepSeverity(word: unknown): Severity {
  const upper = asString(word)?.trim().toUpperCase() ?? '';
  return SEMGREP_WORDS[upper] ?? severityFromWord(upper) ?? 'medium';
}

const IAC_RULE = /(^|\.)(terraform|dockerfile|kubernetes|docker-compose)\./i;
const IAC_FILE = /(\.(tf|tfvars|hcl|dockerfile)$)|(^|\/)dockerfile[^/]*$/i;

/** The finding category of a result: see the header comment. */
export function semgrepCategory(
  checkId: string,
  path: string,
  metadata: Rec | undefined,
): FindingCategory {
  if (metadata?.category === 'security' && /secrets/i.test(checkId)) {
    return 'secret';
  }
  if (IAC_RULE.test(checkId) || IAC_FILE.test(path)) return 'iac';
  return 'code';
}

/** The message's first line, cut to a readable length. */
function titleFrom(message: string | undefined, checkId: string): string {
  const firstLine = message?.split('\n')[0].trim();
  if (!firstLine) return checkId;
  return firstLine.length > TITLE_MAX
    ? `${firstLine.slice(0, TITLE_MAX - 1)}…`
    : firstLine;
}

function resultFinding(result: Rec): ParsedFinding[] {
  const checkId = asNonEmptyString(result.check_id);
  const path = asNonEmptyString(result.path);
  if (!checkId || !path) return [];
  const start = asRecord(result.start);
  const end = asRecord(result.end);
  const extra = asRecord(result.extra);
  const metadata = asRecord(extra?.metadata);
  const message = asNonEmptyString(extra?.message);
  const lines = asNonEmptyString(extra?.lines);
  const toolFingerprint = asNonEmptyString(extra?.fingerprint);
  const startLine = asNumber(start?.line);
  const startColumn = asNumber(start?.col);

  return [
    {
      category: semgrepCategory(checkId, path, metadata),
      ruleId: checkId,
      title: titleFrom(message, checkId),
      severity: semgrepSeverity(extra?.severity),
      cwes: cweIds(metadata?.cwe),
      location: {
        path,
        startLine,
        endLine: asNumber(end?.line),
        startColumn,
        endColumn: asNumber(end?.col),
      },
      fingerprint: codeFingerprint({
        tool: 'semgrep',
        ruleId: checkId,
        path,
        snippet: lines === REQUIRES_LOGIN ? undefined : lines,
        startLine,
        startColumn,
      }),
      suppression:
        extra?.is_ignored === true
          ? { kind: 'inSource', state: 'false_positive' }
          : undefined,
      link:
        asNonEmptyString(metadata?.source) ??
        asNonEmptyString(
          asRecord(asRecord(metadata?.['semgrep.dev'])?.rule)?.url,
        ),
      properties: compactRecord({
        message,
        confidence: asNonEmptyString(metadata?.confidence),
        likelihood: asNonEmptyString(metadata?.likelihood),
        impact: asNonEmptyString(metadata?.impact),
        owasp: listOrUndefined(metadata?.owasp),
        references: listOrUndefined(metadata?.references),
        semgrepFingerprint:
          toolFingerprint === REQUIRES_LOGIN ? undefined : toolFingerprint,
      }),
    },
  ];
}

/** A string or an array of strings as a non-empty array. */
function listOrUndefined(value: unknown): string[] | undefined {
  const list = typeof value === 'string' ? [value] : asStrings(value);
  return list.length ? list : undefined;
}
