import { Severity } from '@aspm/plugin-aspm-common';

/** A stored finding event. */
export interface ReplayEvent {
  type: string;
  at: number;
  from?: string | null;
  to?: string | null;
}

/** What a finding's events say about it, as of one instant and in a window. */
export interface FindingReplay {
  /** Base state at asOf (open, fixed, false_positive, accepted); undefined before first seen. */
  state?: string;
  /** The exception id an `accepted` event last applied, if still applied at asOf. */
  exceptionId?: number;
  severity: Severity;
  spellStart?: number;
  fixes: Array<{ at: number; spellStart: number; severity: Severity }>;
  reopens: number[];
}

const OPENING = new Set(['opened', 'reopened', 'unsuppressed']);

/**
 * Replays one finding's events (sorted by time) up to `asOf`, and collects
 * its fixes and reopens in [from, to). Severity at a time is the last
 * `severity_changed` target before it, or the first change's source value
 * when the finding changed severity only later, or the stored severity.
 */
export function replayFinding(
  events: ReplayEvent[],
  currentSeverity: Severity,
  asOf: number,
  from: number,
  to: number,
): FindingReplay {
  const firstChange = events.find(e => e.type === 'severity_changed');
  let severity = (firstChange?.from as Severity) ?? currentSeverity;
  const out: FindingReplay = { severity, fixes: [], reopens: [] };
  let base: string | undefined;
  let exceptionId: number | undefined;
  let spellStart: number | undefined;
  const horizon = Math.max(asOf, to - 1);
  for (const e of events) {
    if (e.at > horizon) break;
    const inWindow = e.at >= from && e.at < to;
    if (e.type === 'severity_changed' && e.to) {
      severity = e.to as Severity;
    } else if (OPENING.has(e.type)) {
      if (base !== 'open') spellStart = e.at;
      base = 'open';
      if (e.type === 'reopened' && inWindow) out.reopens.push(e.at);
    } else if (e.type === 'fixed') {
      if (inWindow && spellStart !== undefined && base !== 'fixed') {
        out.fixes.push({ at: e.at, spellStart, severity });
      }
      base = 'fixed';
      exceptionId = undefined;
    } else if (e.type === 'suppressed') {
      base = e.to ?? 'false_positive';
      exceptionId = undefined;
    } else if (e.type === 'accepted') {
      const id = Number(e.to);
      exceptionId = Number.isFinite(id) ? id : undefined;
    } else if (e.type === 'exception_ended') {
      exceptionId = undefined;
      if (e.to) base = e.to;
    }
    if (e.at <= asOf) {
      out.state = base;
      out.exceptionId = exceptionId;
      out.severity = severity;
      out.spellStart = spellStart;
    }
  }
  return out;
}
