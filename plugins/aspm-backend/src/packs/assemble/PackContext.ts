import {
  MetricValue,
  PackAudience,
  PackComparison,
  PackNarrativeRevision,
  PackPeriod,
  StrategicAsk,
} from '@aspm/plugin-aspm-common';
import { PackVocabulary } from '../narrative/packVocabulary';
import { DetailFacts, ScopeDetailFacts, TrendFacts } from '../PeriodFacts';

/** Everything a pack is assembled from (all of it plain data). */
export interface PackInput {
  audience: PackAudience;
  /** `org` or `businessUnit:<ref>`. */
  scope: string;
  period: PackPeriod;
  previous: PackComparison;
  yearAgo: PackComparison;
  /** The trend's periods, oldest first; the last is the pack's period. */
  trend: TrendFacts[];
  /** The same period a year earlier, when the history reaches it. */
  yearAgoFacts?: TrendFacts;
  detail: DetailFacts;
  saved?: PackNarrativeRevision;
  asks: StrategicAsk[];
  canEdit: boolean;
  generatedAt: string;
}

/** What the section builders read: the input, resolved for the scope. */
export interface PackContext {
  input: PackInput;
  vocab: PackVocabulary;
  scopeTitle: string;
  /** The scope's metrics this period and the previous one. */
  metrics: MetricValue[];
  /** The scope's program-signal metrics this period. */
  programMetrics: MetricValue[];
  previousMetrics: MetricValue[] | undefined;
  /** The scope's detail this period. */
  detail: ScopeDetailFacts;
  /** Business unit ref of a business-unit scope, else undefined. */
  businessUnit?: string;
  /** Catalog titles of business units, teams, systems, domains, services. */
  titles: Map<string, string>;
}
