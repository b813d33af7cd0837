import { PackSection } from '@aspm/plugin-aspm-common';
import { PackContext } from './PackContext';
import { packMetrics } from './packMetrics';

/**
 * The four panels of seed 001's compact dashboard, each a scorecard of the
 * director and program-signal metrics it is about. Every program-signal
 * metric is in one of them.
 */
export const PROGRAM_PANELS: Array<{
  id: string;
  title: string;
  ids: string[];
}> = [
  {
    id: 'panel-coverage',
    title: 'Coverage',
    ids: [
      'tier1_coverage',
      'threat_model_coverage',
      'repo_protection_coverage',
      'golden_path_adoption',
      'ownership_completeness',
    ],
  },
  {
    id: 'panel-exposure',
    title: 'Exposure',
    ids: [
      'risk_weighted_critical_backlog',
      'critical_age_internet_tier1',
      'secret_exposure_rate',
      'incident_actions_aging',
      'reviews_waiting',
    ],
  },
  {
    id: 'panel-responsiveness',
    title: 'Responsiveness',
    ids: [
      'mttr',
      'review_first_response_time',
      'exception_decision_time',
      'time_to_restore',
    ],
  },
  {
    id: 'panel-delivery',
    title: 'Delivery trust',
    ids: [
      'gate_pass_rate',
      'evidence_completeness',
      'deployment_frequency',
      'lead_time_for_changes',
      'change_failure_rate',
    ],
  },
];

/**
 * Program execution and delivery, as the seed's four panels (coverage,
 * exposure, responsiveness, delivery trust), with trends and counting-change
 * markers like the scorecard's.
 */
export function programPanelsSection(ctx: PackContext): PackSection {
  const all = [...ctx.metrics, ...ctx.programMetrics];
  return {
    id: 'program-panels',
    title:
      'Programme panels: coverage, exposure, responsiveness, delivery trust',
    blocks: PROGRAM_PANELS.map(panel => ({
      kind: 'scorecard' as const,
      id: panel.id,
      title: panel.title,
      metrics: packMetrics(
        ctx,
        panel.ids
          .map(id => all.find(m => m.id === id))
          .filter((m): m is NonNullable<typeof m> => Boolean(m)),
      ),
    })),
  };
}
