import {
  FindingState,
  IngestCounts,
  ParsedFinding,
  Severity,
} from '@aspm/plugin-aspm-common';

/** What the store knows of a finding under the scanned key. */
export interface KnownFinding {
  id: number;
  fingerprint: string;
  state: FindingState;
  severity: Severity;
  contentHash: string;
}

/** A state change to record as an event. */
export type FindingEventType =
  | 'opened'
  | 'fixed'
  | 'reopened'
  | 'severity_changed'
  | 'suppressed'
  | 'unsuppressed';

export interface PlannedEvent {
  /** The known finding, or the index into `inserts` of a new one. */
  target: { id: number } | { insert: number };
  type: FindingEventType;
  from?: string;
  to?: string;
  /** When it happened, if the source says; else the scan's time. */
  at?: string;
}

export interface ScanPlan {
  inserts: Array<{
    finding: ParsedFinding;
    state: FindingState;
    contentHash: string;
    /** From the source (created_at); else the scan's time. */
    firstSeenAt?: string;
    /** Set when inserted as fixed; a time from the source, else the scan's. */
    fixedAt?: string | null;
  }>;
  /** Known findings present in the scan whose stored fields change. */
  updates: Array<{
    id: number;
    finding: ParsedFinding;
    state: FindingState;
    contentHash: string;
    reopened: boolean;
    /** Set when the source reports it fixed: when (undefined = scan time). */
    fixedAt?: string | null;
  }>;
  /** Known findings present and unchanged: only last_seen_at moves. */
  touched: number[];
  /** Open findings absent from the scan: fixed at the scan's time. */
  fixed: number[];
  events: PlannedEvent[];
  counts: IngestCounts;
}

/** Source times in one canonical form, so they compare as text on SQLite. */
function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const isSuppressedState = (s: FindingState) =>
  s === 'false_positive' || s === 'accepted';

/**
 * Diffs one scan (the full current picture for an entity, tool and run key)
 * against what the store knows under that key. Pure; the store applies the
 * plan in one transaction. See docs/ingestion.md for the rules.
 */
export function planScan(
  known: KnownFinding[],
  findings: Array<{ finding: ParsedFinding; contentHash: string }>,
): ScanPlan {
  const plan: ScanPlan = {
    inserts: [],
    updates: [],
    touched: [],
    fixed: [],
    events: [],
    counts: {
      received: findings.length,
      duplicate: 0,
      new: 0,
      unchanged: 0,
      fixed: 0,
      reopened: 0,
      suppressed: 0,
      unsuppressed: 0,
    },
  };
  const byFingerprint = new Map(known.map(k => [k.fingerprint, k]));
  const present = new Set<string>();

  for (const { finding, contentHash } of findings) {
    if (present.has(finding.fingerprint)) {
      plan.counts.duplicate += 1;
      continue;
    }
    present.add(finding.fingerprint);
    const source = finding.sourceState && {
      ...finding.sourceState,
      changedAt: isoOrUndefined(finding.sourceState.changedAt),
      firstSeenAt: isoOrUndefined(finding.sourceState.firstSeenAt),
    };
    const target: FindingState =
      source?.state ?? finding.suppression?.state ?? 'open';
    const prev = byFingerprint.get(finding.fingerprint);

    if (!prev) {
      const insert =
        plan.inserts.push({
          finding,
          state: target,
          contentHash,
          firstSeenAt: source?.firstSeenAt,
          fixedAt: target === 'fixed' ? source?.changedAt ?? null : undefined,
        }) - 1;
      const openedAt = source?.firstSeenAt;
      if (target === 'open') {
        plan.counts.new += 1;
        plan.events.push({
          target: { insert },
          type: 'opened',
          to: 'open',
          at: openedAt,
        });
      } else if (target === 'fixed') {
        // Learned from a source that it was found and fixed already.
        plan.counts.fixed += 1;
        plan.events.push({
          target: { insert },
          type: 'opened',
          to: 'open',
          at: openedAt,
        });
        plan.events.push({
          target: { insert },
          type: 'fixed',
          from: 'open',
          to: 'fixed',
          at: source?.changedAt,
        });
      } else {
        plan.counts.suppressed += 1;
        if (source) {
          plan.events.push({
            target: { insert },
            type: 'opened',
            to: 'open',
            at: openedAt,
          });
        }
        plan.events.push({
          target: { insert },
          type: 'suppressed',
          to: target,
          at: source?.changedAt,
        });
      }
      continue;
    }

    const id = { id: prev.id };
    let reopened = false;
    let fixedAt: string | null | undefined;
    if (target === 'open') {
      if (prev.state === 'fixed') {
        reopened = true;
        plan.counts.reopened += 1;
        plan.events.push({
          target: id,
          type: 'reopened',
          from: 'fixed',
          to: 'open',
        });
      } else if (isSuppressedState(prev.state)) {
        plan.counts.unsuppressed += 1;
        plan.events.push({
          target: id,
          type: 'unsuppressed',
          from: prev.state,
          to: 'open',
        });
      } else {
        plan.counts.unchanged += 1;
      }
    } else if (target === 'fixed') {
      if (prev.state === 'fixed') {
        plan.counts.unchanged += 1;
      } else {
        plan.counts.fixed += 1;
        fixedAt = source?.changedAt ?? null;
        plan.events.push({
          target: id,
          type: 'fixed',
          from: prev.state,
          to: 'fixed',
          at: source?.changedAt,
        });
      }
    } else {
      plan.counts.suppressed += 1;
      if (prev.state !== target) {
        plan.events.push({
          target: id,
          type: 'suppressed',
          from: prev.state,
          to: target,
          at: source?.changedAt,
        });
      }
    }
    if (prev.severity !== finding.severity) {
      plan.events.push({
        target: id,
        type: 'severity_changed',
        from: prev.severity,
        to: finding.severity,
      });
    }
    if (prev.state !== target || prev.contentHash !== contentHash) {
      plan.updates.push({
        id: prev.id,
        finding,
        state: target,
        contentHash,
        reopened,
        fixedAt,
      });
    } else {
      plan.touched.push(prev.id);
    }
  }

  for (const k of known) {
    if (k.state === 'open' && !present.has(k.fingerprint)) {
      plan.fixed.push(k.id);
      plan.counts.fixed += 1;
      plan.events.push({
        target: { id: k.id },
        type: 'fixed',
        from: 'open',
        to: 'fixed',
      });
    }
  }
  return plan;
}
