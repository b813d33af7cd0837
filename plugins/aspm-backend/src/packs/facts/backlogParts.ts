import { BacklogPart, ProductLine } from '../PeriodFacts';
import {
  backlogFindings,
  riskWeight,
} from '../../metrics/definitions/riskWeightedCriticalBacklog';
import { MetricContext, round } from '../../metrics/MetricContext';
import { shortName } from './packScopes';

export function addPart(
  map: Map<string, BacklogPart>,
  key: string,
  weight: number,
) {
  const part = map.get(key) ?? { key, weight: 0, count: 0 };
  part.weight += weight;
  part.count += 1;
  map.set(key, part);
}

export const heaviest = (map: Map<string, BacklogPart>): BacklogPart[] =>
  [...map.values()]
    .map(p => ({ ...p, weight: round(p.weight, 2) }))
    .sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));

/** The scope's backlog by source, team, entity and product line. */
export function backlogParts(ctx: MetricContext, titles: Map<string, string>) {
  const bySource = new Map<string, BacklogPart>();
  const byTeam = new Map<string, BacklogPart>();
  const byEntity = new Map<string, BacklogPart>();
  const lines = new Map<
    string,
    { kind: 'system' | 'domain'; parts: Map<string, BacklogPart> }
  >();
  for (const f of backlogFindings(ctx)) {
    const e = ctx.entities.get(f.entityRef);
    const weight = riskWeight(f, e, ctx.config.weights);
    addPart(bySource, f.tool, weight);
    addPart(byTeam, e?.team ?? '(none)', weight);
    addPart(byEntity, f.entityRef, weight);
    for (const [kind, ref] of [
      ['system', e?.system],
      ['domain', e?.domain],
    ] as const) {
      if (!ref) continue;
      if (!lines.has(ref)) lines.set(ref, { kind, parts: new Map() });
      addPart(lines.get(ref)!.parts, f.entityRef, weight);
    }
  }
  const productLines: ProductLine[] = [...lines.entries()]
    .map(([ref, { kind, parts }]) => {
      const entities = heaviest(parts);
      return {
        ref,
        kind,
        title: titles.get(ref) ?? shortName(ref),
        weight: round(
          entities.reduce((s, p) => s + p.weight, 0),
          2,
        ),
        count: entities.reduce((s, p) => s + p.count, 0),
        entities,
      };
    })
    .sort((a, b) => b.weight - a.weight || a.ref.localeCompare(b.ref));
  return {
    backlogBySource: heaviest(bySource),
    backlogByTeam: heaviest(byTeam),
    backlogByEntity: heaviest(byEntity),
    productLines,
  };
}

/** The scope's risk-weighted backlog by source of findings, heaviest first. */
export function backlogBySource(ctx: MetricContext): BacklogPart[] {
  const bySource = new Map<string, BacklogPart>();
  for (const f of backlogFindings(ctx)) {
    const e = ctx.entities.get(f.entityRef);
    addPart(bySource, f.tool, riskWeight(f, e, ctx.config.weights));
  }
  return heaviest(bySource);
}
