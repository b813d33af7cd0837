import { Config } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { DEFAULT_EXCEPTION_CATEGORIES } from '@aspm/plugin-aspm-common';
import { EntityMappingOptions } from '../catalog/types';

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
  demo: { enabled: boolean; weeks: number };
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
  const maxDaysByTier = { ...DEFAULT_MAX_DAYS };
  const max = config?.getOptionalConfig('maxDays');
  for (const key of max?.keys() ?? []) {
    const days = max!.getNumber(key);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      throw new Error(
        `aspm.exceptions.maxDays.${key} must be a whole number of days 1..3650, got ${days}`,
      );
    }
    maxDaysByTier[key] = days;
  }
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
    demo: {
      enabled: config?.getOptionalBoolean('demo.enabled') ?? false,
      weeks: config?.getOptionalNumber('demo.weeks') ?? 52,
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
