import { Config } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
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
