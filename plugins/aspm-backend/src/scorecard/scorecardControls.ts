import { ScorecardControl } from '@aspm/plugin-aspm-common';
import { CONTROL_HOW_TO } from '../actions/controlHowTo';
import { entityControls } from '../metrics/definitions/tier1Coverage';
import { MetricContext } from '../metrics/MetricContext';
import { CONTROL_TITLES, controlSnippet } from './controlSnippets';

/**
 * Each baseline control (`aspm.metrics.coverage.controls`, as
 * `tier1_coverage` checks them) across the scope's Components: how many it
 * applies to, how many have it, which lack it, and how to add it. A
 * snippet names the entity when the scope is one Component.
 */
export function scorecardControls(ctx: MetricContext): ScorecardControl[] {
  const components = [...ctx.entities.values()]
    .filter(e => e.kind === 'component')
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  const controls = components.map(e => ({ e, ...entityControls(ctx, e) }));
  const only = components.length === 1 ? components[0].entityRef : undefined;
  return ctx.config.coverage.controls.map(control => {
    const present = controls.filter(c => c.present.includes(control));
    const missing = controls.filter(c => c.missing.includes(control));
    return {
      control,
      title: CONTROL_TITLES[control],
      applicable: present.length + missing.length,
      present: present.length,
      missing: missing.map(c => c.e.entityRef),
      howTo: CONTROL_HOW_TO[control],
      snippet: controlSnippet(control, only),
    };
  });
}
