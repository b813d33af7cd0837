import { Config } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  DEFAULT_EXCEPTION_CATEGORIES,
  TIERS,
  EVIDENCE_ITEMS,
  EvidenceItem,
} from '@aspm/plugin-aspm-common';
import { EntityMappingOptions } from '../catalog/types';
import { MetricsConfig, readMetricsConfig } from './readMetricsConfig';

/** The plugin's configuration with defaults applied. */
export interface AspmConfig {
  catalogSync: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    pageSize: number;
  };
  mapping: EntityMappingOptions;
  ownership: {
    kinds: string[];
    tierTargets: Partial<Record<string, number>>;
  };
  ingest: {
    /** Largest accepted upload, after decompression, in bytes. */
    maxBytes: number;
  };
  demo: {
    enabled: boolean;
    weeks: number;
    /** Rebuild the demo year's daily snapshots once it is loaded. */
    snapshots: boolean;
  };
  /** The director metrics' weights, controls, SLAs and targets. */
  metrics: MetricsConfig;
  snapshots: {
    /** When the daily snapshot job runs. */
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** Missing days the job fills, back from yesterday. */
    catchUpDays: number;
  };
  releases: {
    /**
     * Required evidence by environment, then by tier ("1", "2", "3") or
     * `default`. Environments not listed require nothing.
     */
    requiredEvidence: Record<string, Record<string, EvidenceItem[]>>;
    /** Allowed provenance builder ids (exact, or a prefix ending in `*`); empty = any. */
    allowedBuilders: string[];
  };
  secrets: {
    /** Days from detection to rotation, by tier; `default` for the rest. */
    rotationSlaDaysByTier: Record<string, number>;
  };
  exceptions: {
    categories: string[];
    /** Longest approval per tier, in days; `default` for the rest. */
    maxDaysByTier: Record<string, number>;
    expiringSoonDays: number;
    /** How often the expiry job runs. */
    expirySchedule: SchedulerServiceTaskScheduleDefinition;
  };
}

const DEFAULT_MAX_DAYS: Record<string, number> = {
  '1': 90,
  '2': 180,
  '3': 365,
  default: 365,
};

/** Keys of per-tier maps: the tiers, and `default` for the rest. */
function assertTierKey(key: string, fullKey: string) {
  if (![...TIERS, 'default'].includes(key)) {
    throw new Error(
      `${fullKey} keys must be tiers ${TIERS.join(
        ', ',
      )} or default, got ${key}`,
    );
  }
}

/**
 * A map of days by tier ("1", "2", "3", "default"). Read as a plain object:
 * Backstage config refuses keys that are numbers in getConfig / getNumber.
 */
function readDaysByTier(
  config: Config | undefined,
  key: string,
  fullKey: string,
  min: number,
): Record<string, number> {
  const raw = config?.getOptional(key);
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${fullKey} must map tiers (1, 2, 3, default) to days`);
  }
  const out: Record<string, number> = {};
  for (const [tier, value] of Object.entries(raw)) {
    assertTierKey(tier, fullKey);
    const days = typeof value === 'string' ? Number(value) : value;
    if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < min ||
      days > 3650
    ) {
      throw new Error(
        `${fullKey}.${tier} must be a whole number of days ${min}..3650, got ${JSON.stringify(
          value,
        )}`,
      );
    }
    out[tier] = days;
  }
  return out;
}

function readExceptions(config: Config | undefined): AspmConfig['exceptions'] {
  const categories = config?.getOptionalStringArray('categories') ?? [
    ...DEFAULT_EXCEPTION_CATEGORIES,
  ];
  if (
    !categories.length ||
    categories.some(c => !/^[a-z0-9][a-z0-9-]{0,59}$/.test(c))
  ) {
    throw new Error(
      `aspm.exceptions.categories must be a non-empty list of lower-case slugs (a-z, 0-9, -), got ${JSON.stringify(
        categories,
      )}`,
    );
  }
  const maxDaysByTier = {
    ...DEFAULT_MAX_DAYS,
    ...readDaysByTier(config, 'maxDays', 'aspm.exceptions.maxDays', 1),
  };
  const expiringSoonDays = config?.getOptionalNumber('expiringSoonDays') ?? 30;
  return {
    categories,
    maxDaysByTier,
    expiringSoonDays,
    expirySchedule: config?.has('expirySchedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('expirySchedule'),
        )
      : {
          frequency: { minutes: 15 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
        },
  };
}

function readSnapshots(config: Config | undefined): AspmConfig['snapshots'] {
  const catchUpDays = config?.getOptionalNumber('catchUpDays') ?? 7;
  if (!Number.isInteger(catchUpDays) || catchUpDays < 1 || catchUpDays > 800) {
    throw new Error(
      `aspm.snapshots.catchUpDays must be a whole number 1..800, got ${catchUpDays}`,
    );
  }
  return {
    catchUpDays,
    schedule: config?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : {
          frequency: { hours: 6 },
          timeout: { hours: 2 },
          initialDelay: { minutes: 2 },
        },
  };
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
};

function ratio(config: Config | undefined, key: string, fallback?: number) {
  const v = config?.getOptionalNumber(key);
  if (v === undefined) return fallback;
  if (v < 0 || v > 1) {
    throw new Error(
      `aspm.ownership.targets.${key} must be between 0 and 1, got ${v}`,
    );
  }
  return v;
}

function readEvidenceList(value: unknown, key: string): EvidenceItem[] {
  if (
    !Array.isArray(value) ||
    value.some(v => !(EVIDENCE_ITEMS as readonly unknown[]).includes(v))
  ) {
    throw new Error(
      `${key} must be a list of ${EVIDENCE_ITEMS.join(
        ', ',
      )}, got ${JSON.stringify(value)}`,
    );
  }
  return [...new Set(value as EvidenceItem[])];
}

function readReleases(config: Config | undefined): AspmConfig['releases'] {
  const requiredEvidence: AspmConfig['releases']['requiredEvidence'] = {
    production: { default: [...EVIDENCE_ITEMS] },
  };
  const required = config?.getOptionalConfig('requiredEvidence');
  for (const env of required?.keys() ?? []) {
    const key = `aspm.releases.requiredEvidence.${env}`;
    const raw = required!.get(env);
    if (Array.isArray(raw)) {
      requiredEvidence[env] = { default: readEvidenceList(raw, key) };
    } else if (raw && typeof raw === 'object') {
      const byTier: Record<string, EvidenceItem[]> = {};
      for (const [tier, list] of Object.entries(raw)) {
        assertTierKey(tier, key);
        byTier[tier] = readEvidenceList(list, `${key}.${tier}`);
      }
      requiredEvidence[env] = byTier;
    } else {
      throw new Error(
        `${key} must be a list of evidence items, or lists by tier`,
      );
    }
  }
  return {
    requiredEvidence,
    allowedBuilders: config?.getOptionalStringArray('allowedBuilders') ?? [],
  };
}

function readSecrets(config: Config | undefined): AspmConfig['secrets'] {
  return {
    rotationSlaDaysByTier: {
      default: 7,
      ...readDaysByTier(
        config,
        'rotationSlaDays',
        'aspm.secrets.rotationSlaDays',
        0,
      ),
    },
  };
}

/** Reads `aspm.*` from app-config, applying the documented defaults. */
export function readAspmConfig(root: Config): AspmConfig {
  const config = root.getOptionalConfig('aspm');
  const sync = config?.getOptionalConfig('catalogSync');
  const ownership = config?.getOptionalConfig('ownership');
  const targets = ownership?.getOptionalConfig('targets');
  const pageSize = sync?.getOptionalNumber('pageSize') ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10000) {
    throw new Error(
      `aspm.catalogSync.pageSize must be 1..10000, got ${pageSize}`,
    );
  }
  const maxBytes =
    config?.getOptionalNumber('ingest.maxBytes') ?? 64 * 1024 * 1024;
  if (!Number.isInteger(maxBytes) || maxBytes < 1024) {
    throw new Error(
      `aspm.ingest.maxBytes must be a whole number >= 1024, got ${maxBytes}`,
    );
  }
  return {
    ingest: { maxBytes },
    exceptions: readExceptions(config?.getOptionalConfig('exceptions')),
    releases: readReleases(config?.getOptionalConfig('releases')),
    secrets: readSecrets(config?.getOptionalConfig('secrets')),
    metrics: readMetricsConfig(root),
    snapshots: readSnapshots(config?.getOptionalConfig('snapshots')),
    demo: {
      enabled: config?.getOptionalBoolean('demo.enabled') ?? false,
      weeks: config?.getOptionalNumber('demo.weeks') ?? 52,
      snapshots: config?.getOptionalBoolean('demo.snapshots') ?? true,
    },
    catalogSync: {
      schedule: sync?.has('schedule')
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
            sync.getConfig('schedule'),
          )
        : DEFAULT_SCHEDULE,
      pageSize,
    },
    mapping: {
      businessUnitGroupTypes: config?.getOptionalStringArray(
        'businessUnitGroupTypes',
      ) ?? ['business-unit', 'department'],
      placeholderOwners: ownership?.getOptionalStringArray(
        'placeholderOwners',
      ) ?? ['unknown', 'unowned', 'none', 'tbd', 'nobody'],
      goldenPath: {
        annotation:
          config?.getOptionalString('goldenPath.annotation') ??
          'aspm.io/golden-path',
        tags: config?.getOptionalStringArray('goldenPath.tags') ?? [
          'golden-path',
        ],
        templates: config?.getOptionalStringArray('goldenPath.templates') ?? [],
      },
    },
    ownership: {
      kinds: ownership?.getOptionalStringArray('kinds') ?? ['Component'],
      tierTargets: {
        '1': ratio(targets, 'tier1', 1),
        '2': ratio(targets, 'tier2', 1),
        '3': ratio(targets, 'tier3', undefined),
      },
    },
  };
}
