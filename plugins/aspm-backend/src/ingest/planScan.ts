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
}

export interface ScanPlan {
  inserts: Array<{ finding: ParsedFinding; state: FindingState; contentHash: string }>;
  /** Known findings present in the scan whose stored fields change. */
  updates: Array<{
    id: number;
    finding: ParsedFinding;
    state: FindingState;
    contentHash: string;
    reopened: boolean;
  }>;
  /** Known findings present and unchanged: only last_seen_at moves. */
  touched: number[];
  /** Open findings absent from the scan: fixed at the scan's time. */
  fixed: number[];
  events: PlannedEvent[];
  counts: IngestCounts;
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
    const target: FindingState = finding.suppression?.state ?? 'open';
    const prev = byFingerprint.get(finding.fingerprint);

    if (!prev) {
      const insert = plan.inserts.push({ finding, state: target, contentHash }) - 1;
      if (target === 'open') {
        plan.counts.new += 1;
        plan.events.push({ target: { insert }, type: 'opened', to: 'open' });
      } else {
        plan.counts.suppressed += 1;
        plan.events.push({ target: { insert }, type: 'suppressed', to: target });
      }
      continue;
    }

    const id = { id: prev.id };
    let reopened = false;
    if (target === 'open') {
      if (prev.state === 'fixed') {
        reopened = true;
        plan.counts.reopened += 1;
        plan.events.push({ target: id, type: 'reopened', from: 'fixed', to: 'open' });
      } else if (isSuppressedState(prev.state)) {
        plan.counts.unsuppressed += 1;
        plan.events.push({ target: id, type: 'unsuppressed', from: prev.state, to: 'open' });
      } else {
        plan.counts.unchanged += 1;
      }
    } else {
      plan.counts.suppressed += 1;
      if (prev.state !== target) {
        plan.events.push({ target: id, type: 'suppressed', from: prev.state, to: target });
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
      plan.updates.push({ id: prev.id, finding, state: target, contentHash, reopened });
    } else {
      plan.touched.push(prev.id);
    }
  }

  for (const k of known) {
    if (k.state === 'open' && !present.has(k.fingerprint)) {
      plan.fixed.push(k.id);
      plan.counts.fixed += 1;
      plan.events.push({ target: { id: k.id }, type: 'fixed', from: 'open', to: 'fixed' });
    }
  }
  return plan;
}
