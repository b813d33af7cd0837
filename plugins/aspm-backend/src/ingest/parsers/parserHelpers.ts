/*
 * Small helpers shared by the native-format parsers (Trivy, Grype, Gitleaks,
 * Semgrep, npm audit, OSV-Scanner, Snyk): advisory id recognition and
 * fingerprint de-duplication.
 */
import { ParsedFinding } from '@aspm/plugin-aspm-common';
import { asString } from './json';

const CVE = /^CVE-\d{4}-\d{4,}$/i;
const GHSA = /^GHSA(?:-[0-9a-z]{4}){3}$/i;
const GHSA_IN_TEXT = /GHSA(?:-[0-9a-z]{4}){3}/i;
const CWE_IN_TEXT = /CWE-(\d+)/i;

/** True for an id such as "CVE-2021-44228". */
export function isCve(id: string): boolean {
  return CVE.test(id);
}

/** True for an id such as "GHSA-c3h9-896r-86jm". */
export function isGhsa(id: string): boolean {
  return GHSA.test(id);
}

const unique = (values: string[]) => [...new Set(values)];

/** The CVE ids among `ids`, upper-cased and unique; undefined when none. */
export function cveIds(ids: readonly unknown[]): string[] | undefined {
  const cves = unique(
    ids
      .map(asString)
      .filter((id): id is string => id !== undefined && isCve(id))
      .map(id => id.toUpperCase()),
  );
  return cves.length ? cves : undefined;
}

/** The first GHSA id among `ids` (GHSA ids are lower-case after the prefix). */
export function firstGhsa(ids: readonly unknown[]): string | undefined {
  const ghsa = ids
    .map(asString)
    .find((id): id is string => id !== undefined && isGhsa(id));
  return ghsa ? `GHSA${ghsa.slice(4).toLowerCase()}` : undefined;
}

/** A GHSA id inside a URL such as https://github.com/advisories/GHSA-xxxx-xxxx-xxxx. */
export function ghsaInText(text: unknown): string | undefined {
  const match = asString(text)?.match(GHSA_IN_TEXT);
  return match ? firstGhsa([match[0]]) : undefined;
}

/**
 * CWE ids ("CWE-79") from a string ("CWE-79: Improper ..."), a number, or an
 * array of them; malformed entries such as a bare "CWE-" are dropped.
 */
export function cweIds(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const cwes = unique(
    items.flatMap(item => {
      if (typeof item === 'number' && Number.isInteger(item)) {
        return [`CWE-${item}`];
      }
      const match = asString(item)?.match(CWE_IN_TEXT);
      return match ? [`CWE-${match[1]}`] : [];
    }),
  );
  return cwes.length ? cwes : undefined;
}

/** The largest of the numbers, ignoring undefined; undefined when none. */
export function maxOf(
  values: ReadonlyArray<number | undefined>,
): number | undefined {
  const numbers = values.filter((v): v is number => v !== undefined);
  return numbers.length ? Math.max(...numbers) : undefined;
}

/**
 * A copy of `record` without its undefined values, or undefined when nothing
 * is left (so findings do not carry empty `properties`).
 */
export function compactRecord(
  record: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Keeps the first finding of each fingerprint. For dependency findings a
 * repeated fingerprint is the same package + advisory + manifest reported
 * twice (several dependency paths, a duplicated match), i.e. one finding.
 */
export function uniqueByFingerprint(
  findings: ParsedFinding[],
): ParsedFinding[] {
  const seen = new Set<string>();
  return findings.filter(f => {
    if (seen.has(f.fingerprint)) return false;
    seen.add(f.fingerprint);
    return true;
  });
}

/**
 * Makes repeated fingerprints distinct by order of appearance ("…", "…:2",
 * "…:3"), the way Semgrep suffixes its own match fingerprints: two code
 * findings with the same rule, file and snippet are two occurrences.
 */
export function numberRepeatedFingerprints(
  findings: ParsedFinding[],
): ParsedFinding[] {
  const counts = new Map<string, number>();
  return findings.map(f => {
    const n = (counts.get(f.fingerprint) ?? 0) + 1;
    counts.set(f.fingerprint, n);
    return n === 1 ? f : { ...f, fingerprint: `${f.fingerprint}:${n}` };
  });
}
