import {
  DEFAULT_METRICS_CONFIG,
  MetricsConfig,
} from '../config/readMetricsConfig';
import { MetricContext } from '../metrics/MetricContext';
import {
  MetricsWorld,
  WorldEntity,
  WorldFinding,
} from '../metrics/MetricsWorld';
import { scopeContext } from '../metrics/scopeContext';

/** Epoch ms of an ISO date or timestamp (a bare date is its UTC midnight). */
export const t = (iso: string) =>
  Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);

/** The last millisecond of a UTC day. */
export const endOf = (day: string) => t(`${day}T23:59:59.999Z`);

/** A catalog entity: owned, with a repository, unless patched. */
export function entity(
  ref: string,
  patch: Partial<WorldEntity> = {},
): WorldEntity {
  return {
    entityRef: ref,
    kind: ref.split(':')[0],
    owned: true,
    hasRepository: true,
    ...patch,
  };
}

/** An open critical finding first seen at `firstSeen`, unless patched. */
export function finding(
  id: number,
  entityRef: string,
  firstSeen: string,
  patch: Partial<WorldFinding> = {},
): WorldFinding {
  return {
    id,
    entityRef,
    tool: 'codeql',
    title: `finding ${id}`,
    category: 'code',
    ruleId: `rule-${id}`,
    cwes: [],
    severity: 'critical',
    knownExploited: false,
    state: 'open',
    firstSeenAt: t(firstSeen),
    spellStart: t(firstSeen),
    ...patch,
  };
}

/** A world with empty record lists, patched. */
export function world(
  times: { asOf: number; from: number; to: number },
  patch: Partial<MetricsWorld> = {},
): MetricsWorld {
  return {
    ...times,
    entities: [],
    findings: [],
    fixes: [],
    reopens: [],
    exceptions: [],
    releases: [],
    secrets: [],
    scans: [],
    ...patch,
  };
}

/** The scope's context of a world, default settings (Components owned). */
export function contextOf(
  w: MetricsWorld,
  scope = 'org',
  config: MetricsConfig = DEFAULT_METRICS_CONFIG,
): MetricContext {
  return scopeContext(w, scope, {
    config,
    ownershipKinds: ['Component'],
    rotationSlaDays: { default: 7 },
  });
}
