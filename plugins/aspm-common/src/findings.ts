/** Where a finding comes from. @public */
export const FINDING_CATEGORIES = [
  'code',
  'dependency',
  'container',
  'iac',
  'secret',
  'cloud',
] as const;
/** @public */
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** Severities, most severe first. @public */
export const SEVERITIES = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
] as const;
/** @public */
export type Severity = (typeof SEVERITIES)[number];

/**
 * The stored state of a finding: `open`; `fixed` (absent from a later scan,
 * or closed in the source); `false_positive` (suppressed in code or marked so
 * in the tool); `accepted` (risk accepted in the source tool, e.g. a SARIF
 * external suppression or DefectDojo risk acceptance, or covered by an
 * approved, unexpired exception; `exceptionId` then names it).
 * @public
 */
export const FINDING_STATES = [
  'open',
  'fixed',
  'false_positive',
  'accepted',
] as const;
/** @public */
export type FindingState = (typeof FINDING_STATES)[number];

/** A region of a file. @public */
export interface FindingLocation {
  path: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** The vulnerable package of a dependency or container finding. @public */
export interface FindingPackage {
  name: string;
  version?: string;
  ecosystem?: string;
  /** Manifest or lock file, or the image / target for container scans. */
  manifest?: string;
  fixedVersion?: string;
}

/**
 * How a scanner said a result is not to be acted on: SARIF `suppressions`,
 * a `nosemgrep` comment, a baseline entry...
 * @public
 */
export interface FindingSuppression {
  kind: 'inSource' | 'external';
  /** The state recorded for it: a false positive, or a risk accepted in the tool. */
  state: 'false_positive' | 'accepted';
  justification?: string;
}

/**
 * One finding as a parser reads it from a scanner's file, before it is
 * matched with what the store already knows.
 * @public
 */
export interface ParsedFinding {
  category: FindingCategory;
  ruleId: string;
  title: string;
  severity: Severity;
  cvss?: number;
  /** CVE ids, e.g. ["CVE-2021-44228"]. */
  cves?: string[];
  ghsa?: string;
  /** CWE ids, e.g. ["CWE-79"]. */
  cwes?: string[];
  epss?: number;
  knownExploited?: boolean;
  location?: FindingLocation;
  package?: FindingPackage;
  /** Stable across scans: see docs/ingestion.md for how it is derived. */
  fingerprint: string;
  suppression?: FindingSuppression;
  link?: string;
  /** The tool's own fields worth showing (message, help, tags...). */
  properties?: Record<string, unknown>;
  /**
   * For pull sources that track lifecycle themselves (GitHub alerts,
   * DefectDojo): the state the source reports, when it changed, and why.
   * A result with a source state of `fixed` counts as absent from the scan.
   */
  sourceState?: {
    state: FindingState;
    /** When the source says the state changed (fixed_at, dismissed_at...). */
    changedAt?: string;
    /** Dismissal reason / comment, resolution. */
    reason?: string;
    /** When the source first saw it (created_at). */
    firstSeenAt?: string;
  };
}

/** One run of one tool in an uploaded file. @public */
export interface ParsedRun {
  tool: { name: string; version?: string };
  /** SARIF `automationDetails.id`: several runs of a tool can coexist per entity. */
  runKey?: string;
  /** When the scan ran, from the file (ISO 8601), when it says. */
  scannedAt?: string;
  findings: ParsedFinding[];
}

/** Formats the ingest endpoint recognises. @public */
export const SCAN_FORMATS = [
  'sarif',
  'trivy',
  'grype',
  'gitleaks',
  'semgrep',
  'npm-audit',
  'osv-scanner',
  'snyk',
] as const;
/** @public */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** A scanner's file, parsed. @public */
export interface ParsedScan {
  format: ScanFormat;
  runs: ParsedRun[];
}

/** A finding as the store keeps it and the API answers it. @public */
export interface Finding
  extends Omit<ParsedFinding, 'suppression' | 'fingerprint'> {
  id: number;
  entityRef: string;
  tool: { name: string; version?: string };
  runKey?: string;
  fingerprint: string;
  state: FindingState;
  suppressionJustification?: string;
  firstSeenAt: string;
  lastSeenAt: string;
  fixedAt?: string;
  reopenCount: number;
  /** The portal exception that makes it `accepted` now, if any. */
  exceptionId?: number;
}

/** One state change of a finding. @public */
export interface FindingEvent {
  type:
    | 'opened'
    | 'fixed'
    | 'reopened'
    | 'severity_changed'
    | 'suppressed'
    | 'unsuppressed'
    | 'accepted'
    | 'exception_ended'
    | 'rotated';
  at: string;
  from?: string;
  to?: string;
  scanId?: number;
}

/** What an ingest did. @public */
export interface IngestCounts {
  received: number;
  duplicate: number;
  new: number;
  unchanged: number;
  fixed: number;
  reopened: number;
  suppressed: number;
  unsuppressed: number;
}

/** Answer of POST /ingest. @public */
export interface IngestResult {
  ingestionId: number;
  /** Set when the same scan was already ingested: nothing changed. */
  replayOf?: number;
  /** The detected format, or `pull` for scans submitted by a pull source. */
  format: ScanFormat | 'pull';
  entityRef: string;
  runs: Array<{
    tool: { name: string; version?: string };
    runKey?: string;
    scannedAt: string;
    counts: IngestCounts;
  }>;
  counts: IngestCounts;
}

/** One entry of the ingestion log. @public */
export interface Ingestion {
  id: number;
  source: string;
  status: 'succeeded' | 'failed' | 'replay';
  format?: string;
  entityRef?: string;
  actor?: string;
  receivedAt: string;
  finishedAt?: string;
  tools?: Array<{
    name: string;
    version?: string;
    runKey?: string;
    scannedAt?: string;
  }>;
  counts?: IngestCounts;
  error?: string;
}
