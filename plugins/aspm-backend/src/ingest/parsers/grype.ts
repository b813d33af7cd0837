/*
 * Grype native JSON (`grype ... -o json`): one finding per match, container
 * findings for an image source and dependency findings otherwise.
 *
 * - Grype has no title: the title is "<vulnerability id> in <package>".
 * - CVSS: the highest v3/v4 base score of the vulnerability, else of any
 *   version, else the same taken from `relatedVulnerabilities` (a GHSA match
 *   carries its scores on the related NVD record).
 * - A match repeated with the same package, advisory and location is one
 *   finding (the fingerprint ignores the installed version).
 */
import { InputError } from '@backstage/errors';
import { ParsedFinding, ParsedScan } from '@aspm/plugin-aspm-common';
import { dependencyFingerprint } from './fingerprint';
import {
  asArray,
  asNonEmptyString,
  asNumber,
  asRecord,
  asRecords,
  asStrings,
} from './json';
import {
  compactRecord,
  cveIds,
  firstGhsa,
  maxOf,
  uniqueByFingerprint,
} from './parserHelpers';
import { severityFromWord } from '@aspm/plugin-aspm-common';

type Rec = Record<string, unknown>;

/** Parses a Grype JSON report into one run. */
export function parseGrype(doc: unknown): ParsedScan {
  const report = asRecord(doc);
  if (!report) {
    throw new InputError('Grype: the report must be a JSON object');
  }
  if (!asArray(report.matches)) {
    throw new InputError("Grype: 'matches' must be an array");
  }
  const source = asRecord(report.source);
  const descriptor = asRecord(report.descriptor);
  const context: MatchContext = {
    category: source?.type === 'image' ? 'container' : 'dependency',
    sourceTarget: sourceTarget(source?.target),
  };
  const findings = asRecords(report.matches).flatMap(m =>
    matchFinding(m, context),
  );
  return {
    format: 'grype',
    runs: [
      {
        tool: {
          name: asNonEmptyString(descriptor?.name) ?? 'grype',
          version: knownVersion(descriptor?.version),
        },
        scannedAt: asNonEmptyString(descriptor?.timestamp),
        findings: uniqueByFingerprint(findings),
      },
    ],
  };
}

interface MatchContext {
  category: 'container' | 'dependency';
  sourceTarget?: string;
}

/** Grype prints "[not provided]" for a development build. */
function knownVersion(version: unknown): string | undefined {
  const v = asNonEmptyString(version);
  return v && !v.startsWith('[') ? v : undefined;
}

/** A directory path, or the image the user asked for. */
function sourceTarget(target: unknown): string | undefined {
  return (
    asNonEmptyString(target) ?? asNonEmptyString(asRecord(target)?.userInput)
  );
}

/** Highest v3/v4 base score, else highest of any version. */
function grypeCvss(cvss: unknown): number | undefined {
  const entries = asRecords(cvss).map(c => ({
    version: asNonEmptyString(c.version) ?? '',
    score: asNumber(asRecord(c.metrics)?.baseScore),
  }));
  const modern = entries.filter(
    e => e.version.startsWith('3') || e.version.startsWith('4'),
  );
  return maxOf((modern.length ? modern : entries).map(e => e.score));
}

function matchFinding(match: Rec, context: MatchContext): ParsedFinding[] {
  const vulnerability = asRecord(match.vulnerability);
  const artifact = asRecord(match.artifact);
  const id = asNonEmptyString(vulnerability?.id);
  const name = asNonEmptyString(artifact?.name);
  if (!vulnerability || !artifact || !id || !name) return [];

  const related = asRecords(match.relatedVulnerabilities);
  const ids = [id, ...related.map(r => r.id)];
  const manifest =
    asNonEmptyString(asRecords(artifact.locations)[0]?.path) ??
    context.sourceTarget;
  const fix = asRecord(vulnerability.fix);
  const knownExploited = asRecords(vulnerability.knownExploited).length > 0;

  return [
    {
      category: context.category,
      ruleId: id,
      title: `${id} in ${name}`,
      severity: severityFromWord(vulnerability.severity) ?? 'medium',
      cvss:
        grypeCvss(vulnerability.cvss) ??
        maxOf(related.map(r => grypeCvss(r.cvss))),
      cves: cveIds(ids),
      ghsa: firstGhsa(ids),
      epss: maxOf(asRecords(vulnerability.epss).map(e => asNumber(e.epss))),
      knownExploited: knownExploited || undefined,
      package: {
        name,
        version: asNonEmptyString(artifact.version),
        ecosystem: asNonEmptyString(artifact.type),
        manifest,
        fixedVersion: asStrings(fix?.versions)[0],
      },
      fingerprint: dependencyFingerprint({
        packageName: name,
        advisoryId: id,
        manifest,
      }),
      link:
        asNonEmptyString(vulnerability.dataSource) ??
        asStrings(vulnerability.urls)[0],
      properties: compactRecord({
        description:
          asNonEmptyString(vulnerability.description) ??
          related.map(r => asNonEmptyString(r.description)).find(Boolean),
        fixState: asNonEmptyString(fix?.state),
        namespace: asNonEmptyString(vulnerability.namespace),
        purl: asNonEmptyString(artifact.purl),
        matchType: asNonEmptyString(asRecords(match.matchDetails)[0]?.type),
      }),
    },
  ];
}
