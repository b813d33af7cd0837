/**
 * Security gates a CI pipeline reports for a release candidate. @public
 */
export const GATE_TYPES = [
  'sast',
  'sca',
  'dast',
  'secrets',
  'iac',
  'evidence',
  'signing',
  'policy',
] as const;
/** @public */
export type GateType = (typeof GATE_TYPES)[number];

/** @public */
export const GATE_OUTCOMES = ['pass', 'fail', 'warn'] as const;
/** @public */
export type GateOutcome = (typeof GATE_OUTCOMES)[number];

/**
 * The six evidence items of a release checklist. `sbom`, `provenance` and
 * `signature` are documents (or a digest + link); `scanResults` is a
 * reference to the scans behind the gates; `gateDecision` is met when the
 * release carries gate results; `approver` when it names who approved it.
 * @public
 */
export const EVIDENCE_ITEMS = [
  'sbom',
  'provenance',
  'signature',
  'scanResults',
  'gateDecision',
  'approver',
] as const;
/** @public */
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

/** Kinds of evidence document a pipeline can attach. @public */
export const EVIDENCE_KINDS = [
  'sbom',
  'provenance',
  'signature',
  'scanResults',
] as const;
/** @public */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** @public */
export type EvidenceStatus = 'met' | 'missing' | 'invalid';

/** A gate result of a release candidate. @public */
export interface ReleaseGate {
  type: GateType;
  outcome: GateOutcome;
  /** 1 for the first run, 2 for the re-run after a failure, … */
  attempt: number;
  reason?: string;
  /** When the gate ran, ISO 8601. */
  at?: string;
}

/** What we read out of an SBOM. @public */
export interface SbomSummary {
  format: 'cyclonedx' | 'spdx';
  specVersion: string;
  componentCount: number;
  /** The document's own creation time, ISO 8601, when it has one. */
  createdAt?: string;
  /** The tool that produced it, when named. */
  tool?: string;
}

/** A subject of an in-toto statement. @public */
export interface ProvenanceSubject {
  name: string;
  /** Algorithm to hex digest, e.g. `{ sha256: 'ab12…' }`. */
  digest: Record<string, string>;
}

/** What we read out of a provenance document. @public */
export interface ProvenanceSummary {
  /** How the statement arrived. */
  envelope: 'statement' | 'dsse' | 'sigstore-bundle';
  /** e.g. `https://in-toto.io/Statement/v1`. */
  statementType: string;
  /** e.g. `https://slsa.dev/provenance/v1`. */
  predicateType: string;
  subjects: ProvenanceSubject[];
  /** `predicate.builder.id` (v0.2) or `predicate.runDetails.builder.id` (v1). */
  builderId?: string;
  buildType?: string;
  /** Number of signatures on the envelope (0 for a bare statement). */
  signatureCount: number;
}

/** One evidence document as stored and returned. @public */
export interface ReleaseEvidence {
  kind: EvidenceKind;
  /** sha256 of the document as posted, or the digest given with a link. */
  digest?: string;
  uri?: string;
  /** Parsed facts, by kind. */
  sbom?: SbomSummary;
  provenance?: ProvenanceSummary;
  /** Why the document is invalid, when it is. */
  invalidReason?: string;
}

/** A line of a release's evidence checklist. @public */
export interface ChecklistItem {
  item: EvidenceItem;
  required: boolean;
  status: EvidenceStatus;
  /** Why it is missing or invalid, in words. */
  reason?: string;
}

/** @public */
export const RELEASE_OUTCOMES = [
  'passed',
  'passed-after-rerun',
  'blocked',
  'ungated',
] as const;
/** @public */
export type ReleaseOutcome = (typeof RELEASE_OUTCOMES)[number];

/** A release candidate as the API returns it. @public */
export interface AspmRelease {
  id: number;
  entityRef: string;
  version: string;
  environment: string;
  artifactDigest?: string;
  releasedAt: string;
  pipelineUrl?: string;
  approvedBy?: string;
  /** The entity's owning team, business unit and tier at the time of reading. */
  team?: string;
  businessUnit?: string;
  tier?: string;
  /** Who posted it (user or service principal). */
  postedBy: string;
  /** Every gate passed at attempt 1. */
  firstPass: boolean;
  /**
   * `passed`: every gate passed at attempt 1; `passed-after-rerun`: a gate
   * failed and its re-run passed; `blocked`: some gate's last attempt
   * failed; `ungated`: no gate results were posted.
   */
  outcome: ReleaseOutcome;
  /** Gate types whose failure stopped the candidate. */
  blockedBy: GateType[];
  /** Every required checklist item is met. */
  evidenceComplete: boolean;
  gates: ReleaseGate[];
  evidence: ReleaseEvidence[];
  checklist: ChecklistItem[];
}
