import { DirectorPack, PackAudience } from '@aspm/plugin-aspm-common';
import { packVocabulary } from '../narrative/packVocabulary';
import { periodLabel } from '../packPeriods';
import { asksSection } from './asksSection';
import { boardSections } from './boardSections';
import { executionSection } from './executionSection';
import { metricsSection } from './metricsSection';
import { PackContext, PackInput } from './PackContext';
import { risksSection } from './risksSection';
import { signalsSection } from './signalsSection';
import { programPanelsSection } from './programPanelsSection';
import { summarySection } from './summarySection';

const PACK_TITLES: Record<PackAudience, string> = {
  leadership: 'Security review: platform and product leadership',
  managers: 'Security review: security managers and team leads',
  board: 'Security posture: board report',
};

const EMPTY_DETAIL = {
  backlogBySource: [],
  backlogByTeam: [],
  backlogByEntity: [],
  productLines: [],
  riskConcentration: {
    totalWeight: 0,
    unownedWeight: 0,
    teamCount: 0,
    topCount: 1,
    topWeight: 0,
    share: null,
    topTeams: [],
  },
  exceptions: [],
  exceptionCategories: [],
  recurring: { items: [], totals: {} },
  gateFailures: [],
  gateAdoption: { releasing: 0, gated: 0, ungated: [] },
  controlAdoption: [],
  tier1Gaps: [],
  flow: {
    opened: { critical: 0, high: 0, total: 0 },
    reopened: { critical: 0, high: 0, total: 0 },
    closed: { critical: 0, high: 0, total: 0 },
    net: 0,
  },
  signal: [],
  sla: {
    overall: { key: 'overall', attained: 0, due: 0, ratio: null },
    byBusinessUnit: [],
    bySeverity: [],
    missed: [],
    missedTotal: 0,
  },
  releaseBlocks: { blocked: 0, byRootCause: {} },
  intake: { received: 0, duplicate: 0, new: 0, known: 0 },
};

/**
 * A director pack from its facts: pure, so a closed period's frozen facts
 * and saved narrative give the same pack whenever it is assembled. The
 * sections follow seed 000's structure; each audience picks and words them:
 * leadership (A) and managers (B) in the security team's words, the board
 * (C) in business language without tool names.
 */
export function assemblePack(input: PackInput): DirectorPack {
  const current = input.trend[input.trend.length - 1];
  const scopeFacts = current.scopes[input.scope];
  const before =
    input.trend.length > 1 ? input.trend[input.trend.length - 2] : undefined;
  const businessUnit = input.scope.startsWith('businessUnit:')
    ? input.scope.slice('businessUnit:'.length)
    : undefined;
  const titles = new Map<string, string>();
  for (const b of input.detail.businessUnits) titles.set(b.ref, b.title);
  for (const list of [
    input.detail.teams,
    input.detail.systems,
    input.detail.domains,
  ]) {
    for (const g of list) titles.set(g.ref, g.title);
  }
  for (const e of input.detail.entities) titles.set(e.ref, e.title);
  const scopeTitle = businessUnit
    ? titles.get(businessUnit) ?? businessUnit
    : 'the organisation';
  const ctx: PackContext = {
    input,
    vocab: packVocabulary(input.audience),
    scopeTitle,
    // PackService refuses a business unit absent at the period end.
    metrics: (scopeFacts ?? current.scopes.org).metrics,
    // Facts frozen before program signals existed have none.
    programMetrics: (scopeFacts ?? current.scopes.org).programMetrics ?? [],
    previousMetrics: before?.scopes[input.scope]?.metrics,
    detail: input.detail.scopes[input.scope] ?? EMPTY_DETAIL,
    ...(businessUnit ? { businessUnit } : {}),
    titles,
  };
  const sections =
    input.audience === 'board'
      ? [summarySection(ctx), metricsSection(ctx), ...boardSections(ctx)]
      : [
          summarySection(ctx),
          metricsSection(ctx),
          risksSection(ctx),
          executionSection(ctx),
          programPanelsSection(ctx),
          ...(input.audience === 'managers' ? [signalsSection(ctx)] : []),
          asksSection(ctx),
        ];
  return {
    audience: input.audience,
    title: `${PACK_TITLES[input.audience]}, ${periodLabel(input.period.id)}`,
    scope: input.scope,
    scopeTitle: businessUnit ? scopeTitle : 'Organisation',
    businessUnits: input.detail.businessUnits,
    period: input.period,
    previous: input.previous,
    yearAgo: input.yearAgo,
    generatedAt: input.generatedAt,
    canEdit: input.canEdit,
    sections,
  };
}
